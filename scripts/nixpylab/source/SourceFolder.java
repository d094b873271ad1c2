package nixpylab.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import nixpylab.Ownership;
import nixpylab.UserError;

/**
 * Whether a folder of tarballs, or a tarball in it, can only hold what this user (or root) put
 * there: owned by one of them, not a symbolic link, writable by nobody else. A tarball that fails
 * is never taken, whatever its name says; this user's own folder that fails is mended when it is
 * theirs and refused when it is another user's.
 */
public final class SourceFolder {
    private SourceFolder() {}

    /** Empty when only this user or root can have put what the path holds; else why not. */
    public static Optional<String> whyUntrusted(Path p) {
        return Ownership.whyOthersMayWrite(p);
    }

    /**
     * Makes sure this user's folder is theirs alone: one they (or root, for root) own but left open
     * to others is closed to rwxr-xr-x (tarballs others put there are still never taken); one
     * another user owns is refused.
     */
    static void claim(Path dir) throws IOException {
        Optional<String> why = whyUntrusted(dir);
        if (why.isEmpty()) return;
        PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        boolean mine = a.isDirectory() && !a.isSymbolicLink() && a.owner().getName().equals(System.getProperty("user.name"));
        if (mine) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            return;
        }
        throw new UserError("The source folder " + dir + " is not yours alone: " + why.get() + ", so a tarball in it could be anyone's.",
                "Remove it (as root: rm -r " + dir + ") and run again, or keep your tarballs elsewhere with NIXPY_SOURCES=DIR (a folder of yours that Nix's build users can read).");
    }
}
