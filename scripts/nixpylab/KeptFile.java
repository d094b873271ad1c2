package nixpylab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Answers kept for a while in a folder of the user's cache, one small file per question. The
 * question is written in its file (two questions that share a file name are a miss, never a wrong
 * answer); the file's time is when it was asked; a write is whole or not at all ({@link AtomicFile}),
 * rw------- in a folder of the user's alone, and best effort: a read-only home asks again next time.
 * A file another user could have written is never read. Files older than a day are removed when a
 * new answer is kept.
 */
public final class KeptFile {
    private static final Duration PRUNED_AFTER = Duration.ofDays(1);
    private final Path dir;
    private final Duration kept;

    public KeptFile(Path dir, Duration kept) {
        this.dir = dir;
        this.kept = kept;
    }

    /** The answer kept for this question, if it was asked less than the kept time ago. */
    public Optional<String> read(String question) {
        Path file = fileFor(question);
        try {
            if (!Files.isRegularFile(file)) return Optional.empty();
            // an answer another user could have written is not an answer
            if (Ownership.whyOthersMayWriteAny(file, dir).isPresent()) return Optional.empty();
            if (Duration.between(Files.getLastModifiedTime(file).toInstant(), Instant.now()).compareTo(kept) >= 0) return Optional.empty();
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            int length = Integer.parseInt(text.substring(0, nl));
            String asked = text.substring(nl + 1, nl + 1 + length);
            return asked.equals(question) ? Optional.of(text.substring(nl + 1 + length)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public void keep(String question, String answer) {
        Path file = fileFor(question);
        try {
            AtomicFile.writePrivate(file, question.length() + "\n" + question + answer);
            try (var all = Files.list(dir)) {
                Instant old = Instant.now().minus(PRUNED_AFTER);
                for (Path o : all.toList()) {
                    if (Files.getLastModifiedTime(o).toInstant().isBefore(old)) Files.deleteIfExists(o);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not kept: asked again next time
        }
    }

    /** The file a question's answer is kept in: named by a 64-bit FNV-1a hash of the question. */
    public Path fileFor(String question) {
        long h = 0xcbf29ce484222325L;
        for (byte b : question.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        String hex = Long.toHexString(h);
        return dir.resolve("0".repeat(16 - hex.length()) + hex);
    }
}
