package nixpylab.nix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A .drv file as the store keeps it: an ATerm, {@code Derive([("out","/nix/store/…-name","",""),…}.
 * Its output path is written in it, so reading it answers what {@code nix-store -q --outputs}
 * would, without starting Nix. A content-addressed derivation writes an empty path (Nix knows it
 * only after building): then there is no answer here.
 */
public final class StoreDerivation {
    // the outputs come first, sorted by name ("dev" before "out"), so the first ("out",… is the output
    private static final Pattern OUT = Pattern.compile("\\(\"out\",\"([^\"]*)\"");

    private StoreDerivation() {}

    /** The "out" path the derivation text names, if it names one. */
    public static Optional<StorePath> outputPath(String aterm) {
        Matcher m = OUT.matcher(aterm);
        if (!aterm.startsWith("Derive([") || !m.find()) return Optional.empty();
        return StorePath.find(m.group(1));
    }

    /** The same, read from the store's file; empty when it cannot be read. */
    public static Optional<StorePath> outputPath(StorePath drv) {
        try {
            return outputPath(Files.readString(Path.of(drv.path())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
