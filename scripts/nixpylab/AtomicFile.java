package nixpylab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Every file the toolkit edits is written here: to a temporary sibling (hidden, so watchers ignore it), then renamed over. */
public final class AtomicFile {
    private AtomicFile() {}

    public static void write(Path target, String text) {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, byte[] bytes) {
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            // a name of its own rather than createTempFile's, whose SecureRandom costs a step ~10 ms to start
            Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
            try {
                Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                // a new file gets the usual rw-r--r--, an edited one keeps its mode (not the temp file's 0600)
                Files.setPosixFilePermissions(tmp, Files.exists(target) ? Files.getPosixFilePermissions(target) : PosixFilePermissions.fromString("rw-r--r--"));
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
