package nixpylab.nix;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import nixpylab.UserError;

/**
 * A sha256 hash as Nix writes it: SRI ({@code sha256-<base64>}), Nix's own base32
 * (52 characters, optionally prefixed {@code sha256:}), or base16 (64 hex digits).
 */
public record NixHash(byte[] digest) {
    static final String NIX32 = "0123456789abcdfghijklmnpqrsvwxyz";
    private static final int SIZE = 32;

    public NixHash {
        if (digest.length != SIZE) throw new IllegalArgumentException("sha256 digests have 32 bytes, not " + digest.length);
        digest = digest.clone();
    }

    /** The hash users write before they know the real one: all zero bits, in every notation. */
    public static NixHash fake() {
        return new NixHash(new byte[SIZE]);
    }

    public boolean isFake() {
        for (byte b : digest) if (b != 0) return false;
        return true;
    }

    public static NixHash of(byte[] data) {
        try {
            return new NixHash(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses SRI, {@code sha256:}-prefixed or bare base32, or base16; anything else is a {@link UserError}. */
    public static NixHash parse(String text) {
        String s = text.strip();
        if (s.startsWith("sha256-")) {
            try {
                return new NixHash(Base64.getDecoder().decode(s.substring(7)));
            } catch (IllegalArgumentException e) {
                throw malformed(text);
            }
        }
        if (s.startsWith("sha256:")) s = s.substring(7);
        if (s.length() == 64 && s.matches("[0-9a-fA-F]+")) return new NixHash(HexFormat.of().parseHex(s.toLowerCase(Locale.ROOT)));
        if (s.length() == 52) return fromBase32(s, text);
        throw malformed(text);
    }

    private static UserError malformed(String text) {
        return new UserError("'" + text + "' is not a sha256 hash Nix understands.",
                "Write it as SRI (sha256-… with 44 base64 characters), as 52 characters of Nix base32, or as 64 hex digits.");
    }

    private static NixHash fromBase32(String s, String original) {
        byte[] out = new byte[SIZE];
        int len = s.length();
        for (int n = 0; n < len; n++) {
            char c = s.charAt(len - n - 1);
            int digit = NIX32.indexOf(c);
            if (digit < 0) throw malformed(original);
            int b = n * 5;
            int i = b / 8;
            int j = b % 8;
            out[i] |= (byte) (digit << j);
            int carry = digit >> (8 - j);
            if (i + 1 < SIZE) out[i + 1] |= (byte) carry;
            else if (carry != 0) throw malformed(original);
        }
        return new NixHash(out);
    }

    public String sri() {
        return "sha256-" + Base64.getEncoder().encodeToString(digest);
    }

    public String base16() {
        return HexFormat.of().formatHex(digest);
    }

    /** Nix base32: character n from the end holds bits 5n…5n+4 of the little-endian digest. */
    public String base32() {
        int len = (SIZE * 8 - 1) / 5 + 1;
        StringBuilder sb = new StringBuilder(len);
        for (int n = len - 1; n >= 0; n--) {
            int b = n * 5;
            int i = b / 8;
            int j = b % 8;
            int c = (digest[i] & 0xff) >> j;
            if (i + 1 < SIZE) c |= (digest[i + 1] & 0xff) << (8 - j);
            sb.append(NIX32.charAt(c & 0x1f));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NixHash h && Arrays.equals(digest, h.digest);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return sri();
    }

    @Override
    public byte[] digest() {
        return digest.clone();
    }
}
