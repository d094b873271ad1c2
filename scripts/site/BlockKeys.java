package site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nixpylab.derivation.BareDerivation;
import nixpylab.derivation.RepeatableBuild;
import nixpylab.derivation.SetupLocal;
import nixpylab.nix.NixHash;

/**
 * What a transcript is keyed on: what its output depends on. A block's key is the sha256 of its
 * step (the script's name), its arguments, the key of the block before it in the same workspace
 * (so the whole chain before it counts: a block's output depends on the state the earlier blocks
 * left), and the digest of what decides the derivation the steps write and build (the .nix
 * templates, the Setup.local lines and Repeatable's fixes), and who ran it when that is not the recorder ({@code as}). The Nix it ran on is the transcript's file name. The
 * toolkit's Java is not in the key: reshaping code that does not change behaviour invalidates
 * nothing; whether behaviour changed is what {@code Site --check} finds out by running.
 */
public final class BlockKeys {
    private BlockKeys() {}

    /** The keys of a chain's blocks, in order. */
    public static Map<RunBlock, String> of(List<RunBlock> chain) {
        Map<RunBlock, String> keys = new LinkedHashMap<>();
        String previous = "";
        String derivation = derivationDigest();
        for (RunBlock b : chain) {
            String input = b.script() + "\u0000" + String.join("\u0000", b.args()) + "\u0000" + previous + "\u0000" + derivation
                    + (b.as() == null ? "" : "\u0000as=" + b.as()) + (b.serve() == null ? "" : "\u0000serve=" + b.serve());
            previous = NixHash.of(input.getBytes(StandardCharsets.UTF_8)).base16();
            keys.put(b, previous);
        }
        return keys;
    }

    /** The templates, the module lines and Repeatable's fixes that make the derivation files: change one and every block that builds from them records again. */
    static String derivationDigest() {
        StringBuilder sb = new StringBuilder();
        for (String t : List.of("bare.nix", "bare-postpatch.nix", "nixpkgs.nix", "nixpkgs-postpatch.nix")) {
            try (InputStream in = BareDerivation.class.getResourceAsStream(t)) {
                if (in == null) throw new IllegalStateException(t + " is not packaged next to BareDerivation");
                sb.append(t).append('\n').append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (String version : List.of("3.10.5", "3.11.2")) sb.append(SetupLocal.text(SetupLocal.VIDEO_MODULES, version));
        sb.append(RepeatableBuild.text());
        return NixHash.of(sb.toString().getBytes(StandardCharsets.UTF_8)).base16();
    }
}
