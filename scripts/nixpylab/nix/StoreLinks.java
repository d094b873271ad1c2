package nixpylab.nix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Symlinks in a folder that point into the Nix store (result links, named roots), and the ones left dangling. */
public final class StoreLinks {
    private StoreLinks() {}

    /** Links directly in {@code dir} whose target is a store path that no longer exists. */
    public static List<Path> dangling(Path dir) {
        return dangling(dir, null);
    }

    /** The same among the links named (null: any). */
    static List<Path> dangling(Path dir, Set<String> names) {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                if (names != null && !names.contains(p.getFileName().toString())) continue;
                if (Files.isSymbolicLink(p) && Files.readSymbolicLink(p).toString().startsWith("/nix/store/") && !Files.exists(p)) found.add(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** Removes the links named (the ones the workspace made) directly in {@code dir} that point to {@code target}, and returns them. */
    public static List<Path> removeLinksTo(Path dir, Set<String> names, StorePath target) {
        List<Path> removed = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                if (names.contains(p.getFileName().toString()) && Files.isSymbolicLink(p) && Files.readSymbolicLink(p).toString().equals(target.path())) {
                    Files.delete(p);
                    removed.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return removed;
    }

    /** Removes the dangling links among those named (the ones the workspace made) and returns them; a link someone else made stays. */
    public static List<Path> removeDangling(Path dir, Set<String> names) {
        List<Path> removed = new ArrayList<>();
        for (Path p : dangling(dir, names)) {
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
