package testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import nixpylab.nix.NixVersion;

/** Text captured from real Nix runs, kept under tests/captures with the Nix version in the name. */
public final class Captures {
    private Captures() {}

    public static Path repo() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("scripts/nixpylab"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("run the tests from inside the repository");
        return p;
    }

    /** The Nix versions whose captures are kept (tests/captures/nix-VERSION/), oldest first. */
    public static List<String> nixVersions() {
        try (var s = Files.list(repo().resolve("tests/captures"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("nix-") && Files.isDirectory(repo().resolve("tests/captures").resolve(n)))
                    .map(n -> n.substring(4)).sorted(Comparator.comparing(v -> NixVersion.parse(v).minor())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A capture of one Nix version: nix-VERSION/NAME, or "" when that version printed nothing there. */
    public static String of(String version, String name) {
        Path p = repo().resolve("tests/captures/nix-" + version).resolve(name);
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(String name) {
        try {
            return Files.readString(repo().resolve("tests/captures").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
