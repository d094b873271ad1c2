package nixpylab.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import nixpylab.nix.NixHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who vouches for the hash Nix computed: the known releases, Debian's signed index, the room; and what each refuses. */
class HashProvenanceTest {
    static final String PY3112_TGZ = "2411c74bda5bbcfcddaf4531f66d1adc73f247f529aee981b029513aefdbf849";
    static final String PY3105_XZ = "8437efd5b106ef0a75aabfbf23d880625120a73a86a22ade4d2e2e68d7b74486";

    static NixHash hex(String h) {
        return new NixHash(HexFormat.of().parseHex(h));
    }

    static PythonSource source(String url, PythonSource.Origin origin) {
        return new PythonSource(origin, url, "3.11.2", "test");
    }

    @Test
    void aKnownReleaseIsVouchedForWhateverItsFileIsCalled() {
        HashProvenance p = HashProvenance.of(source("file:///nowhere/python3.11_3.11.2.orig.tar.gz", PythonSource.Origin.GIVEN_FILE), hex(PY3112_TGZ));
        HashProvenance.Vouched v = assertInstanceOf(HashProvenance.Vouched.class, p);
        assertTrue(v.by().get(0).contains("pyenv's python-build 3.11.2"), v.by().toString());
    }

    @Test
    void aReleasesNameWithOtherBytesIsContradicted() {
        HashProvenance p = HashProvenance.of(source("https://www.python.org/ftp/python/3.10.5/Python-3.10.5.tar.xz", PythonSource.Origin.UPSTREAM), hex(PY3112_TGZ.replace('2', '7')));
        HashProvenance.Disagrees d = assertInstanceOf(HashProvenance.Disagrees.class, p);
        assertTrue(d.theirs().contains(PY3105_XZ), d.theirs());
    }

    @Test
    void nobodyVouchesForAnUnknownTarballOrGitHubsArchive() {
        assertInstanceOf(HashProvenance.Unvouched.class, HashProvenance.of(source("file:///nowhere/tiny-0.1.tar.gz", PythonSource.Origin.GIVEN_FILE), hex("00".repeat(31) + "01")));
        HashProvenance.Unvouched g = assertInstanceOf(HashProvenance.Unvouched.class,
                HashProvenance.of(source(PythonSource.githubArchive("python", "cpython", "v3.10.5"), PythonSource.Origin.GITHUB), hex(PY3105_XZ)));
        assertTrue(g.why().contains("GitHub publishes no checksum"), g.why());
    }

    @Test
    void theRoomsSignedHashVouchesForItsOwnSourceOnlyAndRefusesOtherBytes() {
        String url = "http://10.0.0.5:8417/sources/tiny.tar.gz";
        String hash = "ab".repeat(32);
        List<HashProvenance.Witness> room = List.of(new HashProvenance.Witness(url, "the workshop room", hash));
        assertInstanceOf(HashProvenance.Vouched.class, HashProvenance.of(source(url, PythonSource.Origin.GIVEN_URL), hex(hash), room));
        assertInstanceOf(HashProvenance.Disagrees.class, HashProvenance.of(source(url, PythonSource.Origin.GIVEN_URL), hex("cd".repeat(32)), room));
        assertInstanceOf(HashProvenance.Unvouched.class, HashProvenance.of(source("file:///x/tiny.tar.gz", PythonSource.Origin.GIVEN_FILE), hex(hash), room),
                "the room speaks for its own URL only");
    }

    /** A Sources index that is not the one the signed InRelease names, or an InRelease no key signed, vouches for nothing. */
    @Test
    void anUnsignedOrAlteredDebianIndexVouchesForNothing(@TempDir Path dir) throws Exception {
        Path lists = Files.createDirectories(dir.resolve("apt/lists"));
        Files.writeString(lists.resolve("mirror_debian_dists_bookworm_InRelease"), "Suite: stable\nSHA256:\n " + "00".repeat(32) + " 10 main/source/Sources\n");
        Files.writeString(lists.resolve("mirror_debian_dists_bookworm_main_source_Sources"),
                "Package: python3.11\nVersion: 3.11.2-6\nChecksums-Sha256:\n " + PY3112_TGZ + " 26437858 python3.11_3.11.2.orig.tar.gz\n");
        assertEquals(Optional.empty(), DebianIndex.find(lists, "python3.11_3.11.2.orig.tar.gz"), "no signature, no vouching");
    }

    /** On a machine where apt fetched CPython's source (the tutorial does), the real signed index vouches for it and contradicts other bytes. */
    @Test
    void theRealSignedIndexVouchesForDebiansTarball() {
        Path lists = SourceLocator.defaultCacheDir().resolve("apt/lists");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(lists), "apt has not fetched CPython's source on this machine");
        var listed = DebianIndex.find(lists, "python3.11_3.11.2.orig.tar.gz");
        org.junit.jupiter.api.Assumptions.assumeTrue(listed.isPresent(), "this machine's archive is not bookworm's");
        assertEquals(PY3112_TGZ, listed.get().sha256());
        // gpgv names the key's owner ("Debian Archive Automatic Signing Key"), sqv the keyring and the fingerprint
        assertTrue(listed.get().signer().contains("Debian") || listed.get().signer().contains("debian-archive-keyring.gpg, fingerprint "), listed.get().signer());
    }
}
