package nixpylab.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nixpylab.AtomicFile;
import nixpylab.Proc;
import nixpylab.UserError;

/**
 * A private apt configuration that knows the machine's own archives as deb-src entries, so
 * that {@code apt-get source} works without editing /etc/apt. Mirrors are read from the
 * machine's sources, never written into this repository.
 */
public final class AptSources {
    private final Path dir;

    public AptSources(Path dir) {
        this.dir = dir;
    }

    /** deb lines become deb-src lines; deb822 "Types: deb" stanzas become "Types: deb-src". */
    public static String toSourceEntries(String fileName, String text) {
        StringBuilder sb = new StringBuilder();
        if (fileName.endsWith(".sources")) {
            for (String line : text.split("\n", -1)) {
                sb.append(line.matches("(?i)Types:.*") ? line.replaceAll("\\bdeb\\b(?!-src)", "deb-src").replaceAll("(deb-src)(\\s+deb-src)+", "$1") : line).append('\n');
            }
        } else {
            for (String line : text.split("\n")) {
                if (line.matches("\\s*deb\\s.*")) sb.append(line.replaceFirst("deb", "deb-src")).append('\n');
            }
        }
        return sb.toString();
    }

    private List<String> options() {
        return List.of(
                "-o", "Dir::Etc::SourceList=" + dir.resolve("sources.list"),
                "-o", "Dir::Etc::SourceParts=" + dir.resolve("sources.list.d"),
                "-o", "Dir::State::Lists=" + dir.resolve("lists"),
                "-o", "Dir::Cache=" + dir.resolve("cache"),
                "-o", "APT::Sandbox::User=root");
    }

    /** Writes the private deb-src lists from the machine's enabled apt sources and runs apt-get update. */
    public void update() {
        try {
            Files.createDirectories(dir.resolve("sources.list.d"));
            Files.createDirectories(dir.resolve("lists/partial"));
            Files.createDirectories(dir.resolve("cache/archives/partial"));
            Path main = Path.of("/etc/apt/sources.list");
            AtomicFile.write(dir.resolve("sources.list"), Files.isRegularFile(main) ? toSourceEntries("sources.list", Files.readString(main)) : "");
            Path parts = Path.of("/etc/apt/sources.list.d");
            if (Files.isDirectory(parts)) {
                try (Stream<Path> s = Files.list(parts)) {
                    for (Path p : s.toList()) {
                        String n = p.getFileName().toString();
                        if (n.endsWith(".list") || n.endsWith(".sources")) {
                            AtomicFile.write(dir.resolve("sources.list.d").resolve(n), toSourceEntries(n, Files.readString(p)));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> cmd = new ArrayList<>(List.of("apt-get", "-q"));
        cmd.addAll(options());
        cmd.add("update");
        Proc.Result r = Proc.of(cmd).timeout(Duration.ofMinutes(5)).run();
        if (!hasSourceLists()) {
            throw new UserError("apt-get update could not fetch any source index (exit " + r.exitCode() + "): " + r.lastErrorLine(),
                    "Check that this machine reaches its Debian archive, or pass a CPython tarball with --source PATH.");
        }
    }

    private boolean hasSourceLists() {
        try (Stream<Path> s = Files.list(dir.resolve("lists"))) {
            return s.anyMatch(p -> p.getFileName().toString().contains("_Sources"));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The Debian archive this machine installs from: the first {@code deb} entry of its apt sources
     * that is not a security or updates suite. Read from the machine, never written into the repository.
     */
    public static Optional<String> debianMirror() {
        List<Path> files = new ArrayList<>();
        Path main = Path.of("/etc/apt/sources.list");
        if (Files.isRegularFile(main)) files.add(main);
        try (Stream<Path> s = Files.isDirectory(Path.of("/etc/apt/sources.list.d")) ? Files.list(Path.of("/etc/apt/sources.list.d")) : Stream.empty()) {
            s.filter(p -> p.toString().endsWith(".list") || p.toString().endsWith(".sources")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path f : files) {
            try {
                Optional<String> m = mirrorIn(f.getFileName().toString(), Files.readString(f));
                if (m.isPresent()) return m;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Optional.empty();
    }

    /** The archive URL of one sources file (one-line or deb822 format), if it names a main Debian suite. */
    static Optional<String> mirrorIn(String fileName, String text) {
        if (fileName.endsWith(".sources")) {
            for (String stanza : text.split("\n\\s*\n")) {
                Matcher types = Pattern.compile("(?im)^Types:.*\\bdeb\\b").matcher(stanza);
                Matcher uris = Pattern.compile("(?im)^URIs:\\s*(\\S+)").matcher(stanza);
                Matcher suites = Pattern.compile("(?im)^Suites:\\s*(.+)$").matcher(stanza);
                if (types.find() && uris.find() && suites.find() && mainSuite(suites.group(1)) && debianArchive(uris.group(1))) return Optional.of(uris.group(1).replaceFirst("/$", ""));
            }
            return Optional.empty();
        }
        for (String line : text.split("\n")) {
            Matcher m = Pattern.compile("^\\s*deb\\s+(?:\\[[^]]*]\\s+)?(\\S+)\\s+(\\S+)").matcher(line);
            if (m.find() && mainSuite(m.group(2)) && debianArchive(m.group(1))) return Optional.of(m.group(1).replaceFirst("/$", ""));
        }
        return Optional.empty();
    }

    /** Debian's archive, not another vendor's repository: its path ends in /debian, as every Debian mirror's does. */
    private static boolean debianArchive(String uri) {
        return uri.replaceFirst("/$", "").endsWith("/debian");
    }

    private static boolean mainSuite(String suites) {
        String first = suites.strip().split("\\s+")[0];
        return !first.contains("-security") && !first.contains("-updates") && !first.contains("-backports") && !first.contains("/");
    }

    /** "python3.11" when the distribution's python3-defaults is 3.11.x. */
    public Optional<String> defaultPythonSourcePackage() {
        List<String> cmd = new ArrayList<>(List.of("apt-cache"));
        cmd.addAll(options());
        cmd.addAll(List.of("showsrc", "python3-defaults"));
        Proc.Result r = Proc.of(cmd).timeout(Duration.ofMinutes(1)).run();
        Matcher m = Pattern.compile("(?m)^Version: (\\d+)\\.(\\d+)\\.").matcher(r.stdout());
        return m.find() ? Optional.of("python" + m.group(1) + "." + m.group(2)) : Optional.empty();
    }

    /**
     * Downloads the source package and returns its upstream (orig) tarball. apt-get may fail on
     * the Debian-specific files (e.g. a security mirror lagging) after the orig tarball arrived:
     * the tarball is what matters.
     */
    public Optional<Path> downloadOrig(String pkg) {
        Path work = dir.resolve("download");
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> cmd = new ArrayList<>(List.of("apt-get", "-q"));
        cmd.addAll(options());
        cmd.addAll(List.of("source", "--download-only", pkg));
        Proc.of(cmd).in(work).timeout(Duration.ofMinutes(10)).run();
        try (Stream<Path> s = Files.list(work)) {
            return s.filter(p -> p.getFileName().toString().startsWith(pkg + "_") && p.getFileName().toString().contains(".orig.tar."))
                    .sorted().reduce((a, b) -> b);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
