package nixpylab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
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
        write(target, bytes, false);
    }

    /**
     * The same for a file of the user's cache: rw------- in folders this call makes rwx------,
     * so that nothing kept there (Nix's settings, a build's times) is another user's to read.
     */
    public static void writePrivate(Path target, String text) {
        write(target, text.getBytes(StandardCharsets.UTF_8), true);
    }

    private static void write(Path target, byte[] bytes, boolean owner) {
        try {
            Path dir = target.toAbsolutePath().getParent();
            if (owner) createPrivateDirectories(dir);
            else Files.createDirectories(dir);
            // a name of its own rather than createTempFile's, whose SecureRandom costs a step ~10 ms to start
            Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
            try {
                Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                // a new file gets the usual rw-r--r--, an edited one keeps its mode (not the temp file's 0600)
                Files.setPosixFilePermissions(tmp, owner ? PosixFilePermissions.fromString("rw-------")
                        : Files.exists(target) ? Files.getPosixFilePermissions(target) : PosixFilePermissions.fromString("rw-r--r--"));
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the folders that are missing rwx------ (the ones there are left as they are). */
    static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) return;
        Path parent = dir.getParent();
        if (parent != null) createPrivateDirectories(parent);
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException raced) {
            // made meanwhile by another run
        }
    }
}
