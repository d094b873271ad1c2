package nixpylab.source;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import nixpylab.Proc;
import nixpylab.SearchPath;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * What Debian's archive says a source package's file holds, checked from the signature down, every
 * time: the InRelease file apt fetched is verified with gpgv (or sqv, where apt uses it) against the machine's archive keyring,
 * the Sources index is hashed and compared with the sha256 the signed InRelease gives it, and only
 * then is the file's sha256 read from the index. Nothing apt left on disk is trusted for being there.
 */
public final class DebianIndex {
    /** A file of a source package, as the signed index lists it. */
    public record Listed(String file, String sha256, String pkg, String version, String suite, String verifier, String signer) {}

    static final List<Path> KEYRINGS = List.of(Path.of("/usr/share/keyrings/debian-archive-keyring.gpg"));
    private static final Pattern SIGNER = Pattern.compile("Good signature from \"([^\"]+)\"");

    private DebianIndex() {}

    /** The signed listing of a file (python3.11_3.11.2.orig.tar.gz) in the apt lists of a folder, if a signature vouches for one. */
    public static Optional<Listed> find(Path lists, String file) {
        if (!Files.isDirectory(lists)) return Optional.empty();
        List<Path> keyrings = KEYRINGS.stream().filter(Files::isRegularFile).toList();
        if (keyrings.isEmpty() || !(SearchPath.onPath("gpgv") || SearchPath.onPath("sqv"))) return Optional.empty();
        try (Stream<Path> s = Files.list(lists)) {
            for (Path inRelease : s.filter(p -> p.getFileName().toString().endsWith("_InRelease")).sorted().toList()) {
                Optional<Listed> l = inRelease(inRelease, keyrings, file);
                if (l.isPresent()) return l;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.empty();
    }

    private static Optional<Listed> inRelease(Path inRelease, List<Path> keyrings, String file) throws IOException {
        Optional<Signed> verified = SearchPath.onPath("gpgv") ? gpgv(inRelease, keyrings) : sqv(inRelease, keyrings);
        if (verified.isEmpty()) return Optional.empty();
        String signed = verified.get().text();
        Signed by = verified.get();
        String suite = field(signed, "Suite").orElse(field(signed, "Codename").orElse("?"));
        String prefix = inRelease.getFileName().toString().replaceFirst("InRelease$", "");
        for (String[] entry : sha256Entries(signed)) {
            if (!entry[2].matches("[\\w-]+/source/Sources")) continue;
            Optional<Path> index = localIndex(inRelease.getParent(), prefix + entry[2].replace('/', '_'));
            if (index.isEmpty()) continue;
            Optional<Listed> l = search(index.get(), entry[0], Long.parseLong(entry[1]), file, suite, by);
            if (l.isPresent()) return l;
        }
        return Optional.empty();
    }

    /** The text a signature covers, and who signed it. */
    private record Signed(String text, String verifier, String signer) {}

    /** The signed text of an InRelease file and who signed it, when gpgv finds a good signature by a key of the keyrings. */
    private static Optional<Signed> gpgv(Path inRelease, List<Path> keyrings) {
        List<String> cmd = new ArrayList<>(List.of("gpgv"));
        for (Path k : keyrings) cmd.addAll(List.of("--keyring", k.toString()));
        cmd.addAll(List.of("--output", "-", inRelease.toString()));
        Proc.Result r = Proc.of(cmd).timeout(Duration.ofSeconds(30)).run();
        if (!r.ok()) return Optional.empty();
        Matcher who = SIGNER.matcher(r.stderr());
        return Optional.of(new Signed(r.stdout(), "gpgv", who.find() ? who.group(1) : "a key of " + keyrings.get(0)));
    }

    /** The same with sqv, apt's verifier where gpgv is not installed (Debian sid): one valid signature by a key of the keyrings. */
    private static Optional<Signed> sqv(Path inRelease, List<Path> keyrings) throws IOException {
        Path dir = Files.createTempDirectory("nixpylab-inrelease-");
        Path out = dir.resolve("signed.txt"); // sqv writes a file that does not exist yet
        try {
            List<String> cmd = new ArrayList<>(List.of("sqv"));
            for (Path k : keyrings) cmd.add("--keyring=" + k);
            cmd.addAll(List.of("--output=" + out, "--cleartext", inRelease.toString()));
            Proc.Result r = Proc.of(cmd).timeout(Duration.ofSeconds(30)).run();
            if (!r.ok()) return Optional.empty();
            String fingerprint = r.stdout().strip().split("\n")[0];
            return Optional.of(new Signed(Files.readString(out), "sqv", "a key of " + keyrings.get(0).getFileName() + ", fingerprint " + fingerprint));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(dir);
        }
    }

    /** The "SHA256:" section of a Release file: hash, size, path. */
    static List<String[]> sha256Entries(String release) {
        List<String[]> out = new ArrayList<>();
        boolean in = false;
        for (String line : release.split("\n")) {
            if (!line.startsWith(" ")) {
                in = line.equals("SHA256:");
                continue;
            }
            String[] f = line.strip().split("\\s+");
            if (in && f.length == 3) out.add(f);
        }
        return out;
    }

    static Optional<String> field(String stanza, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + ": (.+)$").matcher(stanza);
        return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
    }

    /** apt keeps an index as it downloaded it or recompressed (lz4, gz, xz, zst). */
    private static Optional<Path> localIndex(Path dir, String name) {
        for (String ext : List.of("", ".lz4", ".gz", ".xz", ".zst")) {
            Path p = dir.resolve(name + ext);
            if (Files.isRegularFile(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** Reads the whole index (so that its hash can be checked), keeping the stanza that lists the file. */
    private static Optional<Listed> search(Path index, String wantedSha256, long wantedSize, String file, String suite, Signed by) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String found = null;
        String pkg = null, version = null;
        long[] size = {0};
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(index), 1 << 16);
             DigestInputStream in = new DigestInputStream(counted(decompressed(raw, index.getFileName().toString()), size), sha);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            String stanzaPkg = null, stanzaVersion = null;
            boolean checksums = false;
            while ((line = r.readLine()) != null) {
                if (found != null) continue;
                if (line.isEmpty()) {
                    stanzaPkg = null;
                    stanzaVersion = null;
                } else if (line.startsWith("Package: ")) {
                    stanzaPkg = line.substring(9);
                } else if (line.startsWith("Version: ")) {
                    stanzaVersion = line.substring(9);
                } else if (!line.startsWith(" ")) {
                    checksums = line.startsWith("Checksums-Sha256:");
                } else if (checksums && line.endsWith(" " + file)) {
                    String[] f = line.strip().split("\\s+");
                    if (f.length == 3 && f[2].equals(file)) {
                        found = f[0];
                        pkg = stanzaPkg;
                        version = stanzaVersion;
                    }
                }
            }
        }
        String got = HexFormat.of().formatHex(sha.digest());
        if (!got.equals(wantedSha256) || size[0] != wantedSize) return Optional.empty(); // not the index the signature vouches for
        return found == null ? Optional.empty() : Optional.of(new Listed(file, found, pkg, version, suite, by.verifier(), by.signer()));
    }

    private static InputStream counted(InputStream in, long[] count) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) count[0]++;
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) count[0] += n;
                return n;
            }
        };
    }

    private static InputStream decompressed(InputStream in, String name) throws IOException {
        if (name.endsWith(".lz4")) return new FramedLZ4CompressorInputStream(in, true);
        if (name.endsWith(".gz")) return new GZIPInputStream(in, 1 << 16);
        if (name.endsWith(".xz")) return XZCompressorInputStream.builder().setInputStream(in).setDecompressConcatenated(true).get();
        if (name.endsWith(".zst")) return new ZstdCompressorInputStream(in);
        return in;
    }
}
