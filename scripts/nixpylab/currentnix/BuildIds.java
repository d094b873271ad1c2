package nixpylab.currentnix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nixpylab.UserError;

/** The ids of the root's build users and their group: a range no user or group has, on the host or in the root. */
final class BuildIds {
    private BuildIds() {}

    /** A gid and uids (base, base+1…) free both on the host and in the root. */
    static int free(Path root, int buildUsers) {
        for (int base = 30100; base < 60000; base += 100) {
            boolean free = true;
            for (int i = 0; i <= buildUsers && free; i++) {
                String id = Integer.toString(base + i);
                free = !taken(Path.of("/etc/passwd"), id) && !taken(Path.of("/etc/group"), id) && !taken(root.resolve("etc/passwd"), id) && !taken(root.resolve("etc/group"), id);
            }
            if (free) return base;
        }
        throw new UserError("No free range of user ids for the current Nix's build users.", "Check /etc/passwd for ids above 30100.");
    }

    private static boolean taken(Path file, String id) {
        try {
            if (!Files.isRegularFile(file)) return false;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split(":");
                if (f.length > 2 && f[2].equals(id)) return true;
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
