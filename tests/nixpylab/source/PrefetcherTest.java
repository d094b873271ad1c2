package nixpylab.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import nixpylab.Proc;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import testkit.Archives;
import testkit.OnNix;
import testkit.Slow;

/** The toolkit's hashes against real Nix's, on archives built here with every awkward case. */
@OnNix
class PrefetcherTest {
    static String nix(String... cmd) {
        Proc.Result r = Proc.of(cmd).timeout(Duration.ofMinutes(2)).run();
        assertEquals(0, r.exitCode(), String.join(" ", cmd) + "\n" + r.stderr());
        String[] lines = r.stdout().strip().split("\n");
        return lines[lines.length - 1];
    }

    /** Archives must be readable by the nixbld user that runs builtin fetches: keep them in /var/tmp. */
    static Path shared(Path temp) throws Exception {
        Path d = Files.createDirectories(Path.of("/var/tmp/nixpylab-test-archives").resolve(temp.getFileName()));
        Files.setPosixFilePermissions(d.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
        return d;
    }

    static void assertLikeNix(Path archive) {
        Prefetcher.Result r = Prefetcher.of(archive, true);
        String url = archive.toUri().toString();
        assertEquals(nix("nix-prefetch-url", "--option", "substituters", "", url), r.flat().base32(), "flat hash of " + archive);
        Prefetcher.Stripped s = assertInstanceOf(Prefetcher.Stripped.class, r.unpacked());
        assertEquals(nix("nix-prefetch-url", "--option", "substituters", "", "--unpack", url), s.hash().base32(), "unpacked hash of " + archive);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gz", "xz", "bz2", "zst", "none"})
    void everyEdgeCaseInEveryCompression(String compression, @TempDir Path temp) throws Exception {
        Path a = Archives.tar(shared(temp).resolve("edge-" + compression + ".tar" + (compression.equals("none") ? "" : "." + compression)),
                Archives.edgeCases(), compression, TarArchiveOutputStream.LONGFILE_POSIX);
        assertLikeNix(a);
    }

    @Test
    void gnuLongNames(@TempDir Path temp) throws Exception {
        assertLikeNix(Archives.tar(shared(temp).resolve("gnu.tar.gz"), Archives.edgeCases(), "gz", TarArchiveOutputStream.LONGFILE_GNU));
    }

    /**
     * Nix 2.8's libarchive reads zip names in the C locale and fails on non-ASCII ones ("Pathname
     * cannot be converted from UTF-8 to current locale"), so the comparison uses the ASCII members;
     * the non-ASCII zip is read by the toolkit all the same.
     */
    @Test
    void zipFiles(@TempDir Path temp) throws Exception {
        List<Archives.Member> ascii = Archives.edgeCases().stream().filter(m -> m.name().chars().allMatch(c -> c < 128)).toList();
        assertLikeNix(Archives.zip(shared(temp).resolve("edge.zip"), ascii));
        Prefetcher.Stripped all = (Prefetcher.Stripped) Prefetcher.of(Archives.zip(temp.resolve("utf8.zip"), Archives.edgeCases()), true).unpacked();
        assertEquals(11, all.explanation().files(), "every file but the hard link, which zip cannot hold");
    }

    /** What Nix gets after unpacking with tar: nix-hash of the tree is the NAR hash. */
    @Test
    void treeUnpackedByTarHashesAlike(@TempDir Path temp) throws Exception {
        Path a = Archives.tar(temp.resolve("edge.tar.gz"), Archives.edgeCases(), "gz", TarArchiveOutputStream.LONGFILE_POSIX);
        Path out = Files.createDirectories(temp.resolve("out"));
        assertEquals(0, Proc.of("tar", "-xzf", a.toString(), "-C", out.toString()).run().exitCode());
        Prefetcher.Stripped s = (Prefetcher.Stripped) Prefetcher.of(a, true).unpacked();
        assertEquals(nix("nix-hash", "--type", "sha256", "--base32", out.resolve("pkg").toString()), s.hash().base32());
    }

    @Test
    void severalTopLevelEntriesAreReportedAsFetchzipWould(@TempDir Path temp) throws Exception {
        Path a = Archives.tar(shared(temp).resolve("two-tops.tar.gz"),
                List.of(Archives.Member.file("one/a.txt", "a\n", 0644), Archives.Member.file("two.txt", "b\n", 0755)), "gz", TarArchiveOutputStream.LONGFILE_POSIX);
        Prefetcher.NotSingle n = assertInstanceOf(Prefetcher.NotSingle.class, Prefetcher.of(a, true).unpacked());
        assertEquals(List.of("one", "two.txt"), n.topLevel());
        // nix-prefetch-url --unpack (2.8, src/nix-prefetch-url/nix-prefetch-url.cc) strips only a single top-level entry; otherwise it hashes the whole tree
        assertEquals(nix("nix-prefetch-url", "--option", "substituters", "", "--unpack", a.toUri().toString()), n.wholeTreeHash().base32());
        Path out = Files.createDirectories(temp.resolve("out"));
        assertEquals(0, Proc.of("tar", "-xzf", a.toString(), "-C", out.toString()).run().exitCode());
        assertEquals(nix("nix-hash", "--type", "sha256", "--base32", out.toString()), n.wholeTreeHash().base32());
    }

    @Test
    void aLoneFileIsHashedAsNixDoesAndFetchzipMakesItExecutable(@TempDir Path temp) throws Exception {
        Path a = Archives.tar(shared(temp).resolve("lone.tar.gz"), List.of(Archives.Member.file("lone.txt", "alone\n", 0644)), "gz", TarArchiveOutputStream.LONGFILE_POSIX);
        assertLikeNix(a);
        Prefetcher.Stripped s = (Prefetcher.Stripped) Prefetcher.of(a, true).unpacked();
        assertTrue(s.topIsFile());
        Path f = temp.resolve("lone-exec");
        Files.writeString(f, "alone\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(nix("nix-hash", "--type", "sha256", "--base32", f.toString()), s.fetchzipHash().base32());
    }

    /** The CPython tarball the tutorial builds: the same as nix-prefetch-url --unpack. */
    @Slow
    @Test
    void cpythonSourceTarball() throws Exception {
        Path cache = SourceLocator.defaultCacheDir();
        Path tarball;
        try (var s = Files.list(cache)) {
            tarball = s.filter(p -> p.getFileName().toString().matches("(?i)python.*\\.(tgz|tar\\.(gz|xz))")).findFirst().orElse(null);
        }
        if (tarball == null) {
            Path ws = Files.createTempDirectory("nixpylab-prefetch-ws");
            PythonSource src = new SourceLocator(cache, Duration.ofSeconds(3)).locate(null, null, "3.10.5");
            tarball = Path.of(URI.create(src.url()).getPath());
            if (!Files.exists(tarball)) return; // upstream URL: only reachable with network
            Files.deleteIfExists(ws);
        }
        assertLikeNix(tarball);
    }
}
