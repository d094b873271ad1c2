package nixpylab.source;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where the CPython source tarball comes from, which version it holds, and why it was chosen. */
public record PythonSource(Origin origin, String url, String version, String reason) {
    public enum Origin { GIVEN_FILE, GIVEN_URL, UPSTREAM, DISTRIBUTION, GITHUB }

    /** The video's CPython, fetched when nothing else is asked for (a distribution's tarball decides its own). */
    public static final String DEFAULT_VERSION = "3.10.5";

    private static final Pattern VERSION = Pattern.compile("(?i)(?:python-?|python3\\.\\d+_)(\\d+\\.\\d+\\.\\d+)");

    /** The version a tarball's file name announces: Python-3.10.5.tar.xz, python3.11_3.11.2.orig.tar.gz. */
    public static Optional<String> versionInName(String fileName) {
        Matcher m = VERSION.matcher(fileName);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The tarball GitHub serves for a tag: what fetchFromGitHub downloads and unpacks. */
    public static String githubArchive(String owner, String repo, String rev) {
        return "https://github.com/" + owner + "/" + repo + "/archive/" + rev + ".tar.gz";
    }

    public static String upstreamUrl(String version) {
        return "https://www.python.org/ftp/python/" + version + "/Python-" + version + ".tar.xz";
    }
}
