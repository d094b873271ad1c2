package nixpylab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Whether only this user (or root) can have put there what a path holds: owned by one of them,
 * not a symbolic link, writable by nobody else. What fails is never read as this user's own:
 * a tarball in a shared folder, a room's state, a kept answer.
 */
public final class Ownership {
    private Ownership() {}

    /** Empty when only this user or root can have written the path; else why not, in a phrase. */
    public static Optional<String> whyOthersMayWrite(Path p) {
        PosixFileAttributes a;
        try {
            a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of(p + " cannot be examined (" + e.getMessage() + ")");
        }
        if (a.isSymbolicLink()) return Optional.of(p + " is a symbolic link");
        if (!a.isDirectory() && !a.isRegularFile()) return Optional.of(p + " is neither a file nor a folder");
        String owner = a.owner().getName();
        if (!owner.equals("root") && !owner.equals(System.getProperty("user.name"))) return Optional.of(p + " belongs to " + owner);
        Set<PosixFilePermission> perms = a.permissions();
        if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
            return Optional.of("others may write " + p + " (" + PosixFilePermissions.toString(perms) + ")");
        }
        return Optional.empty();
    }

    /** The first of the paths (a file and the folders above it, say) that others may write, and why. */
    public static Optional<String> whyOthersMayWriteAny(Path... paths) {
        for (Path p : paths) {
            Optional<String> why = whyOthersMayWrite(p);
            if (why.isPresent()) return why;
        }
        return Optional.empty();
    }
}
