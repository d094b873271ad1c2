package nixpylab.room;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import nixpylab.AtomicFile;
import nixpylab.PropertiesText;
import nixpylab.UserError;

/**
 * A learner's place in a workshop room: the instructor's cache (its URL and public key), what the
 * room says about itself, and whether to require the cache (never build what it should hold).
 * Kept in the workshop folder ({@code workshop/.nixpylab/room.properties}); the tutorial's steps
 * find it there from their workspace's folder ({@code lab/} next to {@code workshop/}).
 */
public record Membership(String url, RoomKey key, RoomInfo info, boolean require) {
    static final String FILE = ".nixpylab/room.properties";

    /** The room recorded for a workshop folder, if it joined one. */
    public static Optional<Membership> of(Path workshopDir) {
        Path f = workshopDir.resolve(FILE);
        if (!Files.isRegularFile(f)) return Optional.empty();
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(f)));
            Optional<RoomInfo> info = RoomInfo.parse(p.getProperty("info", "").replace("\\n", "\n"));
            String url = p.getProperty("url");
            if (url == null || info.isEmpty()) return Optional.empty();
            return Optional.of(new Membership(url, RoomKey.parse(p.getProperty("key", "")), info.get(), Boolean.parseBoolean(p.getProperty("require", "false"))));
        } catch (IOException | RuntimeException e) {
            throw new UserError("The workshop room recorded in " + f + " cannot be read (" + e.getMessage() + ").",
                    "Join again: ./jbang scripts/Workshop.java join URL KEY (or leave the room: ./jbang scripts/Workshop.java leave).");
        }
    }

    /** The room of the workshop folder next to a tutorial workspace (lab/ and workshop/ side by side). */
    public static Optional<Membership> near(Path workspaceDir) {
        Path parent = workspaceDir.toAbsolutePath().normalize().getParent();
        return parent == null ? Optional.empty() : of(parent.resolve("workshop"));
    }

    /** Asks the room's server what it is (nix-cache-info, then the room's own file) and records it. */
    public static Membership join(Path workshopDir, String url, RoomKey key, boolean require) {
        String base = url.replaceAll("/+$", "");
        if (!base.matches("https?://[^/\\s]+(/\\S*)?")) {
            throw new UserError("'" + url + "' is not an http(s) URL.", "Copy the URL exactly as the instructor's serve command printed it (http://ADDRESS:PORT).");
        }
        String cacheInfo = get(base + "/nix-cache-info");
        if (!cacheInfo.contains("StoreDir: /nix/store")) {
            throw new UserError(base + " answers, but it is not a Nix binary cache for /nix/store (its nix-cache-info says: " + cacheInfo.strip().replace("\n", "; ") + ").",
                    "Check the URL with the instructor.");
        }
        RoomInfo info = RoomInfo.parse(get(base + "/" + RoomInfo.FILE)).orElseThrow(() -> new UserError(
                base + " is a Nix binary cache, but not a NixPy Lab room (no " + RoomInfo.FILE + ").", "Ask the instructor to publish the room: ./jbang scripts/Workshop.java publish."));
        Membership m = new Membership(base, key, info, require);
        m.save(workshopDir);
        return m;
    }

    void save(Path workshopDir) {
        Properties p = new Properties();
        p.setProperty("url", url);
        p.setProperty("key", key.toString());
        p.setProperty("info", info.text().replace("\n", "\\n"));
        p.setProperty("require", Boolean.toString(require));
        AtomicFile.write(workshopDir.resolve(FILE), PropertiesText.of(p, "NixPy Lab: the workshop room this folder joined (Workshop.java join; leave forgets it)"));
    }

    /** Forgets the room; true when there was one. */
    public static boolean leave(Path workshopDir) {
        try {
            return Files.deleteIfExists(workshopDir.resolve(FILE));
        } catch (IOException e) {
            throw new UserError("Cannot remove " + workshopDir.resolve(FILE) + ": " + e.getMessage(), "Remove it by hand.");
        }
    }

    /** The source tarball as the room serves it. */
    public String sourceUrl() {
        return url + "/sources/" + info.sourceFile();
    }

    private static String get(String url) {
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new UserError(url + " answered " + r.statusCode() + ".", "Check the URL with the instructor (the room is served by ./jbang scripts/Workshop.java serve).");
            return r.body();
        } catch (IOException e) {
            throw new UserError("The room's server does not answer at " + url + " (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ").",
                    "Check that you are on the workshop's network and that the instructor's serve command is running; then join again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("Interrupted while asking " + url + ".", "Join again.");
        }
    }
}
