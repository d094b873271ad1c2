package nixpylab.nix;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nixpylab.UserError;

/** A path in the Nix store: /nix/store/&lt;32-character hash&gt;-&lt;name&gt;. */
public record StorePath(String path) {
    private static final Pattern SHAPE = Pattern.compile("(/nix/store)/([0-9a-df-np-sv-z]{32})-([^/\\s]+)");

    public StorePath {
        if (!SHAPE.matcher(path).matches()) throw new IllegalArgumentException("not a store path: " + path);
    }

    public static StorePath parse(String text) {
        String s = text.strip();
        if (!SHAPE.matcher(s).matches()) {
            throw new UserError("'" + text + "' is not a Nix store path.", "Store paths look like /nix/store/<32 characters>-<name>; copy one from nix-build's output.");
        }
        return new StorePath(s);
    }

    /** The first store path in a text, if any (store paths inside longer paths are cut at the name). */
    public static Optional<StorePath> find(String text) {
        Matcher m = SHAPE.matcher(text);
        return m.find() ? Optional.of(new StorePath(m.group())) : Optional.empty();
    }

    public String hashPart() {
        return match().group(2);
    }

    public String name() {
        return match().group(3);
    }

    public boolean isDerivation() {
        return path.endsWith(".drv");
    }

    private Matcher match() {
        Matcher m = SHAPE.matcher(path);
        m.matches();
        return m;
    }

    @Override
    public String toString() {
        return path;
    }
}
