package nixpylab.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CPython release tarballs whose sha256 an authority other than the download vouches for
 * (cpython-releases.tsv, next to this class, names the authority of each): what a hash Nix
 * computed on first use is checked against when the source came from upstream.
 */
public final class KnownReleases {
    /** One release tarball: its version, file name, sha256 (hex) and who vouches for it. */
    public record Release(String version, String file, String sha256, String vouchedBy) {}

    private static final List<Release> ALL = load();

    private KnownReleases() {}

    public static List<Release> all() {
        return ALL;
    }

    /** The release whose tarball has this sha256 (hex), whatever its file is called now. */
    public static Optional<Release> bySha256(String hex) {
        return ALL.stream().filter(r -> r.sha256().equalsIgnoreCase(hex)).findFirst();
    }

    /** The releases of a file name (Python-3.10.5.tar.xz): what the authority says that file's sha256 is. */
    public static List<Release> byFile(String file) {
        return ALL.stream().filter(r -> r.file().equals(file)).toList();
    }

    static List<Release> parse(String tsv) {
        List<Release> out = new ArrayList<>();
        for (String line : tsv.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            if (f.length != 4 || !f[2].matches("[0-9a-f]{64}")) throw new IllegalStateException("cpython-releases.tsv: not version, file, sha256, vouched by: " + line);
            out.add(new Release(f[0], f[1], f[2], f[3]));
        }
        return List.copyOf(out);
    }

    private static List<Release> load() {
        try (InputStream in = KnownReleases.class.getResourceAsStream("cpython-releases.tsv")) {
            if (in == null) throw new IllegalStateException("cpython-releases.tsv is not packaged next to KnownReleases");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
