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
 * only after building): then there is no answer here. A fixed-output derivation also writes the
 * hash its output must have: Nix refuses to make that output valid with any other bytes.
 */
public final class StoreDerivation {
    // the outputs come first, sorted by name ("dev" before "out"), so the first ("out",… is the output
    private static final Pattern OUT = Pattern.compile("\\(\"out\",\"([^\"]*)\"");

    private static final Pattern FIXED = Pattern.compile("^Derive\\(\\[\\(\"out\",\"([^\"]+)\",\"sha256\",\"([0-9a-f]{64})\"\\)\\]");

    private StoreDerivation() {}

    /** A fixed-output derivation's output and the sha256 of its bytes (flat: the file itself, not a NAR of it). */
    public record FixedOutput(StorePath out, NixHash flatHash) {}

    /** The fixed output the derivation text names, if it has exactly one, hashed flat with sha256. */
    public static Optional<FixedOutput> fixedOutput(String aterm) {
        Matcher m = FIXED.matcher(aterm);
        if (!m.find()) return Optional.empty();
        return StorePath.find(m.group(1)).map(out -> new FixedOutput(out, NixHash.parse(m.group(2))));
    }

    public static Optional<FixedOutput> fixedOutput(StorePath drv) {
        return text(drv).flatMap(StoreDerivation::fixedOutput);
    }

    /** The "out" path the derivation text names, if it names one. */
    public static Optional<StorePath> outputPath(String aterm) {
        Matcher m = OUT.matcher(aterm);
        if (!aterm.startsWith("Derive([") || !m.find()) return Optional.empty();
        return StorePath.find(m.group(1));
    }

    /** The same, read from the store's file; empty when it cannot be read. */
    public static Optional<StorePath> outputPath(StorePath drv) {
        return text(drv).flatMap(StoreDerivation::outputPath);
    }

    private static final Pattern DECLARED = Pattern.compile("^Derive\\(\\[\\(\"out\",\"[^\"]*\",\"(?:r:)?sha256\",\"([0-9a-f]{64})\"\\)\\]");

    /** The sha256 a fixed-output derivation declares, of the file itself or (r:) of its NAR, as the file wrote it. */
    public static Optional<NixHash> declaredHash(StorePath drv) {
        return text(drv).flatMap(t -> {
            Matcher m = DECLARED.matcher(t);
            return m.find() ? Optional.of(NixHash.parse(m.group(1))) : Optional.empty();
        });
    }

    /** An attribute of the derivation's environment ({@code ("postPatch","…")}), unescaped; empty when the derivation has none. */
    public static Optional<String> env(String aterm, String name) {
        String start = "(\"" + name + "\",\"";
        int at = aterm.indexOf(start);
        if (at < 0) return Optional.empty();
        StringBuilder sb = new StringBuilder();
        for (int i = at + start.length(); i < aterm.length(); i++) {
            char c = aterm.charAt(i);
            if (c == '"') return Optional.of(sb.toString());
            if (c == '\\' && i + 1 < aterm.length()) {
                char e = aterm.charAt(++i);
                sb.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> e;
                });
            } else {
                sb.append(c);
            }
        }
        return Optional.empty();
    }

    /** The same, read from the store's file. */
    public static Optional<String> env(StorePath drv, String name) {
        return text(drv).flatMap(t -> env(t, name));
    }

    private static Optional<String> text(StorePath drv) {
        try {
            return Optional.of(Files.readString(Path.of(drv.path())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
