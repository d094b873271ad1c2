package nixpylab.room;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import nixpylab.AtomicFile;
import nixpylab.Ownership;
import nixpylab.PropertiesText;
import nixpylab.UserError;
import nixpylab.nix.Nix;

/**
 * A learner's place in a workshop room: the instructor's cache (its URL and public key), what the
 * room says about itself (as the room's key signed it), and whether to require the cache (never
 * build what it should hold). Kept in the workshop folder ({@code workshop/.nixpylab/room.properties});
 * the tutorial's steps find it there from their workspace's folder ({@code lab/} next to
 * {@code workshop/}). It is read only when this user (or root) alone could have written it, its URL
 * is checked and its description's signature verified each time: a room planted next to a learner's
 * workspace, or edited by someone else, is refused.
 */
public record Membership(String url, RoomKey key, RoomInfo info, String infoText, String signature, boolean require) {
    static final String FILE = ".nixpylab/room.properties";

    /** The room recorded for a workshop folder, if it joined one. */
    public static Optional<Membership> of(Path workshopDir) {
        Path f = workshopDir.resolve(FILE);
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(f)) return Optional.empty();
        Optional<String> planted = Ownership.whyOthersMayWriteAny(f, f.getParent(), workshopDir.toAbsolutePath().normalize());
        if (planted.isPresent()) {
            throw new UserError("The workshop room recorded in " + f + " is not this user's alone (" + planted.get() + "), so NixPy Lab does not use it: a room another user could have written could hand you anything.",
                    "If you joined that room yourself, remove the file and join again from a folder of your own (./jbang scripts/Workshop.java join URL KEY); else remove it.");
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(f)));
        } catch (IOException | IllegalArgumentException e) {
            throw unreadable(f, e.getMessage());
        }
        String url = RoomUrl.check(p.getProperty("url", ""));
        RoomKey key = RoomKey.parse(p.getProperty("key", ""));
        String text = p.getProperty("info", "");
        String sig = p.getProperty("signature", "");
        if (!RoomSignature.verifies(text, sig, key)) {
            throw new UserError("The workshop room's description kept in " + f + " is not signed by the room's key " + key.name() + ".",
                    "Join again: ./jbang scripts/Workshop.java join URL KEY (or leave the room: ./jbang scripts/Workshop.java leave).");
        }
        RoomInfo info = RoomInfo.parse(text).orElseThrow(() -> unreadable(f, "its description names no identity, source or source hash"));
        return Optional.of(new Membership(url, key, info, text, sig, Boolean.parseBoolean(p.getProperty("require", "false"))));
    }

    private static UserError unreadable(Path f, String why) {
        return new UserError("The workshop room recorded in " + f + " cannot be read (" + why + ").",
                "Join again: ./jbang scripts/Workshop.java join URL KEY (or leave the room: ./jbang scripts/Workshop.java leave).");
    }

    /** The room of the workshop folder next to a tutorial workspace (lab/ and workshop/ side by side). */
    public static Optional<Membership> near(Path workspaceDir) {
        Path parent = workspaceDir.toAbsolutePath().normalize().getParent();
        return parent == null ? Optional.empty() : of(parent.resolve("workshop"));
    }

    /** Asks the room's server what it is (nix-cache-info, then the room's own file and its signature) and records it. */
    public static Membership join(Path workshopDir, String url, RoomKey key, boolean require) {
        String base = RoomUrl.check(url);
        String cacheInfo = get(base + "/nix-cache-info");
        if (!cacheInfo.contains("StoreDir: /nix/store")) {
            throw new UserError(base + " answers, but it is not a Nix binary cache for /nix/store (its nix-cache-info says: " + cacheInfo.strip().replace("\n", "; ") + ").",
                    "Check the URL with the instructor.");
        }
        String text = get(base + "/" + RoomInfo.FILE);
        String sig = get(base + "/" + RoomInfo.FILE + RoomSignature.SUFFIX).strip();
        if (!RoomSignature.verifies(text, sig, key)) {
            throw new UserError(base + " says it is a NixPy Lab room, but its description is not signed by " + key.name() + " (it is signed " + sig.replaceFirst(":.*", "") + ", or altered on the way).",
                    "Check the key with the instructor: copy it exactly as the serve command printed it; if it is right, someone between you and the room changed what it sent.");
        }
        RoomInfo info = RoomInfo.parse(text).orElseThrow(() -> new UserError(
                base + " is a Nix binary cache, but not a NixPy Lab room this NixPy Lab can read (its " + RoomInfo.FILE + " names no identity, source or source hash).",
                "Ask the instructor to publish the room again: ./jbang scripts/Workshop.java publish."));
        Membership m = new Membership(base, key, info, text, sig, require);
        m.save(workshopDir);
        return m;
    }

    void save(Path workshopDir) {
        Properties p = new Properties();
        p.setProperty("url", url);
        p.setProperty("key", key.toString());
        p.setProperty("info", infoText);
        p.setProperty("signature", signature);
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

    /** Nix for the tutorial's steps: the room's cache asked first, and required when the learner joined with --require. */
    public Nix forSteps(Nix nix) {
        return nix.withSubstituter(url, key.toString(), require);
    }

    /** Nix for the workshop's exercises: the room's cache asked first but never required, since an exercise's builds are the learner's own. */
    public Nix forExercises(Nix nix) {
        return nix.withSubstituter(url, key.toString(), false);
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
