package nixpylab.nix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Symlinks in a folder that point into the Nix store (result links, named roots), and the ones left dangling. */
public final class StoreLinks {
    private StoreLinks() {}

    /** Links directly in {@code dir} whose target is a store path that no longer exists. */
    public static List<Path> dangling(Path dir) {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                if (Files.isSymbolicLink(p) && Files.readSymbolicLink(p).toString().startsWith("/nix/store/") && !Files.exists(p)) found.add(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** Removes the links directly in {@code dir} that point to {@code target} (a workspace's own roots of it) and returns them. */
    public static List<Path> removeLinksTo(Path dir, StorePath target) {
        List<Path> removed = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                if (Files.isSymbolicLink(p) && Files.readSymbolicLink(p).toString().equals(target.path())) {
                    Files.delete(p);
                    removed.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return removed;
    }

    /** Removes the dangling links of {@link #dangling} and returns them. */
    public static List<Path> removeDangling(Path dir) {
        List<Path> removed = new ArrayList<>();
        for (Path p : dangling(dir)) {
            try {
                Files.delete(p);
                removed.add(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return removed;
    }
}
