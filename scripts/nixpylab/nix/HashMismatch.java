package nixpylab.nix;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Nix's complaint that a fixed-output derivation produced another hash than the one written.
 * Shapes read (see tests/captures and docs/nix-facts.adoc): Nix 2.3 ({@code wanted:}/{@code got:}, nix32,
 * the output path quoted), Nix 2.4 and later ({@code specified:}/{@code got:}, SRI, the .drv
 * quoted), and Lix (the same words, single space, extra {@code likely URL:} lines).
 */
public record HashMismatch(String derivation, NixHash specified, NixHash got) {
    private static final Pattern HEADER = Pattern.compile("hash mismatch in fixed-output derivation '([^']+)':");
    private static final Pattern SPECIFIED = Pattern.compile("^\\s*(?:specified|wanted):\\s*(\\S+)\\s*$", Pattern.MULTILINE);
    private static final Pattern GOT = Pattern.compile("^\\s*got:\\s*(\\S+)\\s*$", Pattern.MULTILINE);
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");

    /** Reads the first mismatch out of nix-build's stderr, if there is one. */
    public static Optional<HashMismatch> parse(String stderr) {
        String text = ANSI.matcher(stderr).replaceAll("");
        Matcher h = HEADER.matcher(text);
        if (!h.find()) return Optional.empty();
        String rest = text.substring(h.end());
        Matcher s = SPECIFIED.matcher(rest);
        Matcher g = GOT.matcher(rest);
        if (!s.find() || !g.find()) return Optional.empty();
        return Optional.of(new HashMismatch(h.group(1), NixHash.parse(s.group(1)), NixHash.parse(g.group(1))));
    }
}
