package nixpylab.room;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import nixpylab.Proc;
import nixpylab.UserError;

/**
 * A binary cache's public key as Nix writes it, "NAME:BASE64" (an Ed25519 key of 32 bytes). The
 * instructor's pair is made by Nix itself ({@code nix-store --generate-binary-cache-key}); the
 * secret half stays in a folder only its owner may read.
 */
public record RoomKey(String name, String base64) {
    public static RoomKey parse(String text) {
        String t = text.strip();
        int colon = t.indexOf(':');
        if (colon <= 0) throw notAKey(t);
        byte[] key;
        try {
            key = Base64.getDecoder().decode(t.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw notAKey(t);
        }
        if (key.length != 32) throw notAKey(t);
        return new RoomKey(t.substring(0, colon), t.substring(colon + 1));
    }

    private static UserError notAKey(String t) {
        return new UserError("'" + t + "' is not a binary cache's public key (NAME:BASE64 of 32 bytes, as nix-store --generate-binary-cache-key writes it).",
                "Copy the key exactly as the instructor's serve command printed it, the name and the colon included.");
    }

    @Override
    public String toString() {
        return name + ":" + base64;
    }

    /** The instructor's pair in keys/ (secret: owner-only), made once; the public half is returned. */
    public static RoomKey ensurePair(Path keys, String name) {
        Path secret = keys.resolve("secret");
        Path pub = keys.resolve("public");
        try {
            if (!Files.exists(secret)) {
                Files.createDirectories(keys);
                Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwx------"));
                Proc.Result r = Proc.of("nix-store", "--generate-binary-cache-key", name, secret.toString(), pub.toString()).timeout(Duration.ofSeconds(30)).run();
                if (!r.ok()) throw new UserError("Nix could not make a signing key: " + r.lastErrorLine(), "Check that Nix works (nix-store --version) and that " + keys + " is writable.");
            }
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
            return parse(Files.readString(pub));
        } catch (IOException e) {
            throw new UserError("Cannot keep the signing key in " + keys + ": " + e.getMessage(), "Choose a room folder you can write (--room DIR).");
        }
    }
}
