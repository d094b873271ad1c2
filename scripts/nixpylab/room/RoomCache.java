package nixpylab.room;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import nixpylab.AtomicFile;
import nixpylab.Proc;
import nixpylab.UserError;
import nixpylab.nix.Nix;
import nixpylab.nix.NixErrors;
import nixpylab.nix.StorePath;

/**
 * The instructor's room folder: keys/ (the signing pair, owner-only), cache/ (a Nix binary cache
 * that any web server can serve: nix-cache-info, NAR files, narinfos signed with the room's key,
 * plus sources/ with the tarball and nixpylab-room.properties), server/ (the web server's
 * configuration and logs). Nix writes the cache itself ({@code nix copy --to file://…?secret-key=…}).
 */
public final class RoomCache {
    private final Path dir;

    public RoomCache(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        // Nix reads the cache as file://DIR?secret-key=…, nginx as "root DIR;": a space, ?, #, ; or quote would cut it or add a setting
        if (!this.dir.toString().matches("[A-Za-z0-9._/+@=,-]+")) {
            throw new UserError("The room's folder " + this.dir + " has a character Nix's store URL or nginx's configuration would misread (a space, ?, #, ;, a quote or the like).",
                    "Choose a folder whose path has only letters, digits and . _ - / (--room DIR).");
        }
    }

    public Path dir() {
        return dir;
    }

    public Path cache() {
        return dir.resolve("cache");
    }

    public Path keys() {
        return dir.resolve("keys");
    }

    public Path server() {
        return dir.resolve("server");
    }

    /** What one publish did: the paths signed and copied, and what their closures take in the cache (compressed NARs). */
    public record Published(RoomKey key, List<StorePath> paths, long closureBytes, Duration took) {}

    /**
     * Signs and copies the closures of paths into cache/ (zstd: fast to pack and to unpack), puts
     * the source tarball under cache/sources/, and writes what the room says about itself.
     */
    public Published publish(Nix nix, List<StorePath> paths, Path tarball, RoomInfo info) {
        long t0 = System.nanoTime();
        RoomKey key = RoomKey.ensurePair(keys(), newKeyName());
        List<String> cmd = new ArrayList<>(List.of("nix", "--extra-experimental-features", "nix-command", "copy", "--to",
                "file://" + cache() + "?secret-key=" + keys().resolve("secret") + "&compression=zstd"));
        for (StorePath p : paths) cmd.add(p.path());
        Proc.Result r = Proc.of(cmd).timeout(Duration.ofMinutes(30)).run();
        if (!r.ok()) throw new UserError("Nix could not copy the paths into the room's cache: " + NixErrors.firstError(r.stderr()).orElse(r.lastErrorLine()),
                "Check that " + cache() + " is writable and the paths are in the store (nix-store --verify-path PATH).");
        try {
            Path sources = Files.createDirectories(cache().resolve("sources"));
            Path copy = sources.resolve(info.sourceFile());
            if (!Files.exists(copy) || Files.mismatch(copy, tarball) != -1) {
                Path tmp = sources.resolve("." + info.sourceFile() + ".part");
                Files.copy(tarball, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            String text = info.text();
            AtomicFile.write(cache().resolve(RoomInfo.FILE), text);
            AtomicFile.write(cache().resolve(RoomInfo.FILE + RoomSignature.SUFFIX), RoomSignature.sign(text.getBytes(StandardCharsets.UTF_8), keys().resolve("secret")) + "\n");
            return new Published(key, paths, closureBytes(paths), Duration.ofNanos(System.nanoTime() - t0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A name for a new room's key: Nix keeps the first trusted key of each name, so a name two
     * rooms shared would make a learner's Nix, trusting last week's room, refuse this week's.
     */
    static String newKeyName() {
        byte[] b = new byte[4];
        new SecureRandom().nextBytes(b);
        return "nixpylab-room-" + HexFormat.of().formatHex(b);
    }

    /** The compressed NAR sizes (narinfo FileSize) of the paths' closures, as this cache holds them. */
    long closureBytes(List<StorePath> paths) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("nix-store", "-qR"));
        for (StorePath p : paths) cmd.add(p.path());
        Proc.Result r = Proc.of(cmd).timeout(Duration.ofMinutes(2)).run();
        long sum = 0;
        for (String line : r.ok() ? r.stdout().split("\n") : new String[0]) {
            if (line.isBlank()) continue;
            Path narinfo = cache().resolve(StorePath.parse(line.strip()).hashPart() + ".narinfo");
            if (!Files.exists(narinfo)) continue;
            for (String l : Files.readAllLines(narinfo)) if (l.startsWith("FileSize: ")) sum += Long.parseLong(l.substring(10).strip());
        }
        return sum;
    }

    public Optional<RoomInfo> info() {
        try {
            return Files.exists(cache().resolve(RoomInfo.FILE)) ? RoomInfo.parse(Files.readString(cache().resolve(RoomInfo.FILE))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public Optional<RoomKey> publicKey() {
        try {
            return Files.exists(keys().resolve("public")) ? Optional.of(RoomKey.parse(Files.readString(keys().resolve("public")))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
