package nixpylab.room;

import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import java.util.Properties;
import nixpylab.PropertiesText;

/**
 * What a room's cache says about itself, next to Nix's files (nixpylab-room.properties, signed by
 * the room's key in nixpylab-room.properties.sig): the tutorial workspace's identity (so that a
 * learner's CPython is the same derivation as the instructor's, and Nix finds it in the cache), the
 * source tarball's file name under sources/ and its sha256 (hex), the CPython output path, and how
 * long the instructor's build took.
 */
public record RoomInfo(String identity, String sourceFile, String python, long buildSeconds, String nixVersion, String published, String sourceSha256) {
    public static final String FILE = "nixpylab-room.properties";

    public String text() {
        Properties p = new Properties();
        p.setProperty("identity", identity);
        p.setProperty("source", sourceFile);
        p.setProperty("python", python);
        p.setProperty("build-seconds", Long.toString(buildSeconds));
        p.setProperty("nix", nixVersion);
        p.setProperty("published", published);
        p.setProperty("source-sha256", sourceSha256);
        return PropertiesText.of(p, "NixPy Lab workshop room: written by Workshop.java publish");
    }

    public static Optional<RoomInfo> parse(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String id = p.getProperty("identity", "");
        if (!id.matches("[0-9a-f]{8}")) return Optional.empty();
        long secs;
        try {
            secs = Long.parseLong(p.getProperty("build-seconds", "0"));
        } catch (NumberFormatException e) {
            secs = 0;
        }
        String sha = p.getProperty("source-sha256", "");
        if (!sha.matches("[0-9a-f]{64}") || !p.getProperty("source", "").matches("[A-Za-z0-9._+-]+")) return Optional.empty();
        return Optional.of(new RoomInfo(id, p.getProperty("source", ""), p.getProperty("python", ""), secs, p.getProperty("nix", "?"), p.getProperty("published", "?"), sha));
    }
}
