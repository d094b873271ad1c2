package nixpylab.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import nixpylab.UserError;

/**
 * Nix builds, and runs builtin fetches, as a nixbld user even when root calls it; a
 * {@code file://} source must be readable by "others" all the way down.
 */
public final class BuildUsers {
    private BuildUsers() {}

    public static boolean canRead(Path file) {
        try {
            Path p = file.toAbsolutePath().normalize();
            if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_READ)) return false;
            for (Path d = p.getParent(); d != null; d = d.getParent()) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(d);
                if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) return false;
            }
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    public static UserError unreadable(Path file) {
        return new UserError("Nix's build users (nixbld) cannot read " + file + ": Nix would fail with "
                + "\"unable to download 'file://" + file + "': Couldn't read a file:// file (37)\".",
                "Put the tarball where every user can read it (e.g. /var/tmp), or pass it with --source PATH and NixPy Lab copies it there.");
    }
}
