package nixpylab.room;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import nixpylab.UserError;

/**
 * The room's own signature on what it says about itself (nixpylab-room.properties), made with the
 * Ed25519 key Nix generated for its binary cache and checked with the public half the learner
 * joined with: "NAME:BASE64", as Nix writes a narinfo's Sig line. Nix's secret key file holds the
 * 32-byte seed followed by the 32-byte public key.
 */
public final class RoomSignature {
    public static final String SUFFIX = ".sig";

    private RoomSignature() {}

    /** Signs the bytes with the secret key file Nix wrote (never copied anywhere: read, used, dropped). */
    public static String sign(byte[] data, Path secretKeyFile) {
        try {
            String text = Files.readString(secretKeyFile).strip();
            int colon = text.indexOf(':');
            byte[] secret = Base64.getDecoder().decode(text.substring(colon + 1));
            byte[] seed = Arrays.copyOf(secret, 32);
            Arrays.fill(secret, (byte) 0);
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
            Arrays.fill(seed, (byte) 0);
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(data);
            return text.substring(0, colon) + ":" + Base64.getEncoder().encodeToString(s.sign());
        } catch (IOException | GeneralSecurityException | IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw new UserError("Cannot sign the room's description with " + secretKeyFile + " (" + e.getMessage() + ").",
                    "Check the room's key pair (ROOM/keys/secret, made by nix-store --generate-binary-cache-key); remove ROOM/keys to make a new one.");
        }
    }

    /** Whether sig ("NAME:BASE64") is the key's signature on the bytes, under the key's own name. */
    public static boolean verifies(byte[] data, String sig, RoomKey key) {
        String s = sig.strip();
        int colon = s.indexOf(':');
        if (colon <= 0 || !s.substring(0, colon).equals(key.name())) return false;
        try {
            Signature v = Signature.getInstance("Ed25519");
            v.initVerify(publicKey(Base64.getDecoder().decode(key.base64())));
            v.update(data);
            return v.verify(Base64.getDecoder().decode(s.substring(colon + 1)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public static boolean verifies(String text, String sig, RoomKey key) {
        return verifies(text.getBytes(StandardCharsets.UTF_8), sig, key);
    }

    /** An Ed25519 public key from its 32-byte encoding (little-endian y, the top bit x's parity). */
    static PublicKey publicKey(byte[] encoded) throws GeneralSecurityException {
        if (encoded.length != 32) throw new GeneralSecurityException("an Ed25519 public key has 32 bytes");
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) be[i] = encoded[31 - i];
        boolean xOdd = (be[0] & 0x80) != 0;
        be[0] &= 0x7f;
        return KeyFactory.getInstance("Ed25519").generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, new EdECPoint(xOdd, new BigInteger(1, be))));
    }
}
