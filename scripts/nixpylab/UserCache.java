package nixpylab;

import java.nio.file.Path;

/** Where NixPy Lab keeps what it learns between runs for this user: $XDG_CACHE_HOME/nixpylab, else ~/.cache/nixpylab. */
public final class UserCache {
    private UserCache() {}

    public static Path file(String name) {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("nixpylab").resolve(name);
    }
}
