package workshop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import nixpylab.AtomicFile;

/** A folder's files as the workshop keeps and removes them: a copy of its regular files (links not followed), and the folder deleted. */
final class FileTree {
    private FileTree() {}

    /** Copies the regular files under dir to the same places under copy; the copy, or empty when there was nothing to copy. */
    static Optional<Path> copyFiles(Path dir, Path copy) {
        if (!Files.isDirectory(dir)) return Optional.empty();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                AtomicFile.write(copy.resolve(dir.relativize(p).toString()), Files.readAllBytes(p));
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return Files.isDirectory(copy) ? Optional.of(copy) : Optional.empty();
    }

    /** Deletes a folder and everything in it (a link inside is deleted, not followed); nothing when it is not there. */
    static void delete(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
