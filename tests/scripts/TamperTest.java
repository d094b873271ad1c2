package scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import nixpylab.Proc;
import nixpylab.nix.NixHash;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import testkit.HostOnly;
import testkit.OnNix;
import testkit.ScriptRun;
import testkit.TinyWorkspace;

/**
 * The attacker's and the fault's side of "trust only what was checked", end to end on real Nix:
 * a tarball nobody vouches for, a release tarball altered (its name known, its bytes not), a
 * token in NIX_CONFIG that must never reach the cache, a room planted next to a workspace. Each
 * ends in a refusal that says why, and nothing is written, built or kept that should not be.
 */
@OnNix
class TamperTest {
    static Path base;
    static Path tarball;

    @BeforeAll
    static void setUp() throws Exception {
        TinyWorkspace t = TinyWorkspace.fresh("tamper");
        base = t.base();
        tarball = t.tarball();
    }

    /** Nix's got: line alone is trust on first use: without --trust-first-use the file keeps its fake hash and nothing is built. */
    @Test
    void aHashNobodyVouchesForIsNotWrittenBack() throws Exception {
        Path ws = base.resolve("unvouched");
        Proc.Result r = ScriptRun.run("FetchFakeHash", ScriptRun.STEP, "--workdir", ws.toString(), "--source", tarball.toString());
        BadInputTest.assertCleanError(r, "Only the download itself vouches for the hash Nix computed");
        assertTrue(r.stderr().contains("--trust-first-use"), "says how to go on knowingly:\n" + r.stderr());
        assertTrue(r.stderr().contains(NixHash.of(Files.readAllBytes(tarball)).sri()), "names the hash Nix computed:\n" + r.stderr());
        try (var files = Files.list(ws)) {
            for (Path nix : files.filter(p -> p.toString().endsWith(".nix")).toList()) {
                assertTrue(Files.readString(nix).contains(NixHash.fake().sri()), "the file keeps the fake hash: " + nix);
            }
        }
        Proc.Result knowingly = ScriptRun.run("FetchFakeHash", ScriptRun.STEP, "--workdir", ws.toString(), "--source", tarball.toString(), "--trust-first-use");
        assertEquals(0, knowingly.exitCode(), ScriptRun.describe(knowingly));
        assertTrue(knowingly.stderr().contains("vouched for by nobody but the download: written on first use, as asked"), knowingly.stderr());
    }

    /** A tarball that carries a release's name and other bytes (planted, or altered on the way) is refused by the authority that knows the release. */
    @Test
    void aReleasesNameWithOtherBytesIsRefused() throws Exception {
        Path dir = Files.createDirectories(base.resolve("impostor"));
        Path impostor = Files.copy(tarball, dir.resolve("Python-3.10.5.tar.xz"));
        Proc.of("chmod", "a+rX", dir.toString(), impostor.toString()).run();
        Path ws = base.resolve("impostor-lab");
        Proc.Result r = ScriptRun.run("FetchFakeHash", ScriptRun.STEP, "--workdir", ws.toString(), "--source", impostor.toString(), "--trust-first-use");
        BadInputTest.assertCleanError(r, "these bytes are not CPython's release");
        assertTrue(r.stderr().contains("8437efd5b106ef0a75aabfbf23d880625120a73a86a22ade4d2e2e68d7b74486"), "names what the release's sha256 is:\n" + r.stderr());
        assertTrue(r.stderr().contains("pyenv"), "names who says so:\n" + r.stderr());
        try (var files = Files.list(ws)) {
            for (Path nix : files.filter(p -> p.toString().endsWith(".nix")).toList()) assertTrue(Files.readString(nix).contains(NixHash.fake().sri()), nix.toString());
        }
    }

    /** A GitHub token in NIX_CONFIG (what nix config show then prints as access-tokens) never reaches a file of the cache; its files are the user's alone. */
    @Test
    @HostOnly // the toolkit's own cache folder, whatever Nix
    void aTokenInNixConfigNeverReachesTheCache() throws Exception {
        Path cache = Files.createDirectories(base.resolve("xdg-cache"));
        String token = "ghp_NixPyLabTamperTest" + ProcessHandle.current().pid();
        Proc.Result r = Proc.of(ScriptRun.REPO.resolve("jbang").toString(), "--quiet", "scripts/Workshop.java", "list", "--workdir", base.resolve("token-workshop").toString())
                .in(ScriptRun.REPO).env("XDG_CACHE_HOME", cache.toString()).env("NIX_CONFIG", "access-tokens = github.com=" + token).timeout(ScriptRun.STEP).run();
        assertEquals(0, r.exitCode(), ScriptRun.describe(r));
        List<Path> kept;
        try (var walk = Files.walk(cache.resolve("nixpylab"))) {
            kept = walk.toList();
        }
        assertTrue(kept.stream().anyMatch(p -> p.toString().contains("nix-answers/")), "Nix's answers were kept: " + kept);
        for (Path p : kept) {
            String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
            if (Files.isDirectory(p)) assertEquals("rwx------", mode, p.toString());
            else {
                assertEquals("rw-------", mode, p.toString());
                assertFalse(Files.readString(p, StandardCharsets.ISO_8859_1).contains(token), "the token is in " + p);
            }
        }
    }

    /** A room planted next to a learner's workspace by another user is refused by every step, with what to do. */
    @Test
    void aRoomAnotherUserPlantedIsRefused() throws Exception {
        testkit.Learner.ensure();
        Path ws = base.resolve("planted/lab");
        Path room = Files.createDirectories(base.resolve("planted/workshop/.nixpylab"));
        Files.writeString(room.resolve("room.properties"), "url=http\\://127.0.0.1\\:9/?trusted\\=1\nkey=evil-1\\:" + "A".repeat(43) + "=\ninfo=identity\\=0a1b2c3d\n");
        Proc.of("chown", "-R", testkit.Learner.NAME, base.resolve("planted/workshop").toString()).run();
        Proc.Result r = ScriptRun.run("FetchFakeHash", ScriptRun.STEP, "--workdir", ws.toString(), "--source", tarball.toString(), "--trust-first-use");
        BadInputTest.assertCleanError(r, "is not this user's alone");
        assertTrue(r.stderr().contains("belongs to " + testkit.Learner.NAME), r.stderr());
        assertFalse(r.stderr().contains("$ nix-build"), "nothing was built:\n" + r.stderr());
    }
}
