package nixpylab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where NixPy Lab keeps what it learns between runs for this user: $XDG_CACHE_HOME/nixpylab, else
 * ~/.cache/nixpylab. The folder is this user's alone (rwx------): one left open by an earlier
 * version is closed the first time it is used.
 */
public final class UserCache {
    private static volatile boolean closed;

    private UserCache() {}

    public static Path file(String name) {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache")).resolve("nixpylab");
        if (!closed) close(base);
        return base.resolve(name);
    }

    private static void close(Path base) {
        closed = true;
        try {
            if (Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS) && Files.getOwner(base, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"))
                    && !PosixFilePermissions.toString(Files.getPosixFilePermissions(base, LinkOption.NOFOLLOW_LINKS)).equals("rwx------")) {
                Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: a cache that cannot be closed keeps nothing secret (see KeptAnswers)
        }
    }
}
