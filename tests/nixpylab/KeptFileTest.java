package nixpylab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeptFileTest {
    @Test
    void anAnswerIsKeptForItsTimeAndOnlyForItsOwnQuestion(@TempDir Path dir) throws Exception {
        KeptFile kept = new KeptFile(dir, Duration.ofMinutes(1));
        kept.keep("nix-build --version", "nix-build (Nix) 2.8.0\n");
        assertEquals(Optional.of("nix-build (Nix) 2.8.0\n"), kept.read("nix-build --version"));
        assertEquals(Optional.empty(), kept.read("nix-store --version"));
        // another question that landed in the same file (a hash collision) is a miss, not its answer
        Path file = kept.fileFor("nix-build --version");
        Files.writeString(file, "19\nnix-store --version2.34.8");
        assertEquals(Optional.empty(), kept.read("nix-build --version"));
        kept.keep("nix-build --version", "again");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(61)));
        assertEquals(Optional.empty(), kept.read("nix-build --version"), "older than its time: asked again");
    }

    @Test
    void aBrokenFileIsAMissAndNothingIsLeftHalfWritten(@TempDir Path dir) throws Exception {
        KeptFile kept = new KeptFile(dir, Duration.ofMinutes(1));
        Files.writeString(kept.fileFor("q"), "not a number\n");
        assertEquals(Optional.empty(), kept.read("q"));
        for (int i = 0; i < 20; i++) kept.keep("q" + i, "a".repeat(i));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file is left");
        }
        assertEquals(Optional.of("aaaaa"), kept.read("q5"));
    }

    @Test
    void aReadOnlyFolderKeepsNothingAndSaysNothing(@TempDir Path dir) {
        KeptFile kept = new KeptFile(dir.resolve("missing/and/a/file"), Duration.ofMinutes(1));
        try {
            Files.writeString(dir.resolve("missing"), "a file where the folder should be");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        kept.keep("q", "a");
        assertEquals(Optional.empty(), kept.read("q"));
    }
}
