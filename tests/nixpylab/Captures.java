package nixpylab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Text captured from real Nix runs, kept under tests/captures with the Nix version in the name. */
final class Captures {
    private Captures() {}

    static Path repo() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("scripts/nixpylab"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("run the tests from inside the repository");
        return p;
    }

    static String read(String name) {
        try {
            return Files.readString(repo().resolve("tests/captures").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
