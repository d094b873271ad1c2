package scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nixpylab.Proc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import testkit.OnNix;
import testkit.Room;
import testkit.ScriptRun;
import testkit.TinyWorkspace;

/**
 * A workshop room for real: this machine's Nix (2.8) publishes a tiny tutorial build into a signed
 * binary cache that nginx serves on the loopback; the current Nix's root (2.34, its own store, other
 * libraries) is the learner's machine: it joins, and its tutorial steps copy the build from the room
 * instead of building. Then the faults: an altered NAR, a key that did not sign it, a server that
 * does not answer, and a learner who requires the room.
 */
@OnNix
@Room
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkshopRoomTest {
    static final Duration T = Duration.ofMinutes(5);
    static TinyWorkspace t;
    static Path room;
    static Process server;
    static String url;
    static String key;
    static String published;

    @BeforeAll
    static void anInstructorPublishesAndServes() throws Exception {
        t = TinyWorkspace.fresh("room");
        Proc.Result b = ScriptRun.run("Build", T, "--workdir", t.lab().toString(), "--from-start", "--source", t.tarball().toString(), "--trust-first-use");
        assertEquals(0, b.exitCode(), ScriptRun.describe(b));
        published = Files.readSymbolicLink(t.lab().resolve("result")).toString();
        room = t.base().resolve("room");
        Proc.Result p = ScriptRun.run("Workshop", T, "publish", "--room", room.toString(), "--from", t.lab().toString(), "--no-exercises");
        assertEquals(0, p.exitCode(), ScriptRun.describe(p));
        assertTrue(Pattern.compile("signed with nixpylab-room-[0-9a-f]{8} ").matcher(p.stdout()).find(), "a key of the room's own: " + p.stdout());
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        server = Proc.of(ScriptRun.REPO.resolve("jbang").toString(), "--quiet", ScriptRun.REPO.resolve("scripts/Workshop.java").toString(),
                "serve", "--room", room.toString(), "--address", "127.0.0.1", "--port", Integer.toString(port), "--minutes", "30")
                .in(ScriptRun.REPO).onLine(l -> lines.add(l.text())).spawn();
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < end) {
            String l = lines.poll(1, TimeUnit.SECONDS);
            if (l != null && l.contains(" join http://")) {
                String[] w = l.strip().split(" ");
                url = w[w.length - 2];
                key = w[w.length - 1];
                return;
            }
        }
        throw new AssertionError("serve printed no join line: " + lines);
    }

    @AfterAll
    static void stop() {
        if (server != null) Proc.halt(server);
    }

    /** A command on the learner's machine (the current Nix's root), in dir. */
    static Proc.Result learner(Path dir, String... command) {
        List<String> cmd = new ArrayList<>(List.of(ScriptRun.REPO.resolve("jbang").toString(), "--quiet", ScriptRun.REPO.resolve("scripts/CurrentNix.java").toString(), "shell", "--"));
        cmd.addAll(List.of(command));
        return Proc.of(cmd).in(dir).timeout(T).run();
    }

    static Proc.Result step(Path dir, String script, String... args) {
        List<String> cmd = new ArrayList<>(List.of(ScriptRun.REPO.resolve("jbang").toString(), "--quiet", ScriptRun.REPO.resolve("scripts/" + script + ".java").toString()));
        cmd.addAll(List.of(args));
        return learner(dir, cmd.toArray(String[]::new));
    }

    /** A learner's folder (workshop/ and lab/ side by side) that joined the room with this key. */
    static Path joined(String name, String withKey, String... options) throws Exception {
        Path dir = t.base().resolve("learner-" + name);
        Proc.of("rm", "-rf", dir.toString()).run();
        Files.createDirectories(dir);
        List<String> args = new ArrayList<>(List.of("join", url, withKey));
        args.addAll(List.of(options));
        Proc.Result j = step(dir, "Workshop", args.toArray(String[]::new));
        assertEquals(0, j.exitCode(), ScriptRun.describe(j));
        return dir;
    }

    /** The learner's tutorial up to PostPatch, as README teaches it: no --source, the room gives it. */
    static void patched(Path dir) {
        Proc.Result p = step(dir, "PostPatch", "--from-start");
        assertEquals(0, p.exitCode(), ScriptRun.describe(p));
    }

    /** Then the build. */
    static Proc.Result build(Path dir) {
        patched(dir);
        return step(dir, "Build");
    }

    /** Puts the learner's store back as it was (the copy is this workspace's: ForceDelete may delete it). */
    static void forget(Path dir) {
        Proc.Result d = step(dir, "ForceDelete");
        assertEquals(0, d.exitCode(), ScriptRun.describe(d));
    }

    @Test
    @Order(1)
    void theSecretKeyNeverLeavesTheInstructorsFolder() throws Exception {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(room.resolve("keys/secret"))));
        String secret = Files.readString(room.resolve("keys/secret")).strip();
        String secretHalf = secret.substring(secret.indexOf(':') + 1);
        try (Stream<Path> served = Files.walk(room.resolve("cache"))) {
            for (Path f : served.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(secretHalf), "the secret key is in " + f);
            }
        }
        assertTrue(Files.exists(room.resolve("cache/nixpylab-room.properties")));
    }

    @Test
    @Order(2)
    void aLearnerWithNoSourceGetsTheBuildFromTheRoomAndTestsIt() throws Exception {
        Path dir = joined("ok", key);
        try {
            Proc.Result b = build(dir);
            assertEquals(0, b.exitCode(), ScriptRun.describe(b));
            assertTrue(b.stderr().contains("copied from the workshop room's binary cache " + url), ScriptRun.describe(b));
            assertEquals(published, b.stdout().strip().lines().reduce((a, c) -> c).orElse(""), "the instructor's output path: the same derivation");
            assertTrue(Files.readString(dir.resolve("lab/chrism-py041.nix")).contains("url = \"" + url + "/sources/"), "the source came from the room");
            // the tiny package links the machine's own python3: on the learner's machine it is that one's (3.14 here, without tkinter)
            Proc.Result test = step(dir, "TestPython");
            assertTrue(test.stderr().contains("python: " + published + "/bin/python3"), ScriptRun.describe(test));
            assertTrue(test.stdout().contains("zlib       ok"), ScriptRun.describe(test));
        } finally {
            forget(dir);
        }
    }

    @Test
    @Order(3)
    void anAlteredNarIsRefusedAndTheLearnerBuildsInstead() throws Exception {
        Path dir = joined("altered", key);
        List<Path> nars;
        try (Stream<Path> s = Files.list(room.resolve("cache/nar"))) {
            nars = s.toList();
        }
        List<byte[]> before = new ArrayList<>();
        for (Path n : nars) {
            byte[] b = Files.readAllBytes(n);
            before.add(b.clone());
            b[b.length / 2] ^= 0x55;
            Files.write(n, b);
        }
        try {
            Proc.Result b = build(dir);
            forget(dir);
            assertEquals(0, b.exitCode(), ScriptRun.describe(b));
            assertTrue(b.stderr().contains("the workshop room could not give it: what the binary cache sent does not match"), ScriptRun.describe(b));
            assertTrue(b.stderr().contains("Nix built it here instead"), ScriptRun.describe(b));
            Path strict = joined("altered-require", key, "--require");
            Proc.Result r = build(strict);
            assertNotEquals(0, r.exitCode(), ScriptRun.describe(r));
            assertTrue(r.stderr().contains("requires the room (join --require), so nothing was built here"), ScriptRun.describe(r));
        } finally {
            for (int i = 0; i < nars.size(); i++) Files.write(nars.get(i), before.get(i));
        }
    }

    @Test
    @Order(4)
    void aKeyThatDidNotSignItIsNotTrusted() throws Exception {
        Proc.Result gen = Proc.of("nix-store", "--generate-binary-cache-key", "someone-else-1", t.base().resolve("other.sec").toString(), t.base().resolve("other.pub").toString()).run();
        assertEquals(0, gen.exitCode(), gen.stderr());
        Path dir = t.base().resolve("learner-other-key");
        Proc.of("rm", "-rf", dir.toString()).run();
        Files.createDirectories(dir);
        Proc.Result j = step(dir, "Workshop", "join", url, Files.readString(t.base().resolve("other.pub")).strip());
        assertEquals(1, j.exitCode(), ScriptRun.describe(j));
        assertTrue(j.stderr().contains("its description is not signed by someone-else-1"), ScriptRun.describe(j));
        assertFalse(Files.exists(dir.resolve("workshop/.nixpylab/room.properties")), "nothing recorded");
    }

    /** The room's source tarball altered on the server (or on the way): its hash is not the one the room signed, and the learner's FetchFakeHash refuses it. */
    @Test
    @Order(4)
    void anAlteredSourceIsRefusedAgainstTheRoomsSignedHash() throws Exception {
        Path dir = joined("altered-source", key);
        Path tarball;
        try (Stream<Path> s = Files.list(room.resolve("cache/sources"))) {
            tarball = s.filter(p -> !p.getFileName().toString().startsWith(".")).findFirst().orElseThrow();
        }
        byte[] before = Files.readAllBytes(tarball);
        byte[] altered = before.clone();
        altered[altered.length / 2] ^= 0x55;
        Files.write(tarball, altered);
        try {
            Proc.Result p = step(dir, "PostPatch", "--from-start");
            assertNotEquals(0, p.exitCode(), ScriptRun.describe(p));
            assertTrue(p.stderr().contains("knows that release with sha256 ") && p.stderr().contains("the workshop room " + url), ScriptRun.describe(p));
            assertFalse(p.stderr().contains("$ nix-build") && p.stderr().contains("-A src"), "nothing built from it");
        } finally {
            Files.write(tarball, before);
        }
    }

    @Test
    @Order(5)
    void aRoomThatDoesNotAnswerIsSaidAndTheLearnerBuilds() throws Exception {
        Path dir = joined("no-answer", key);
        patched(dir); // the room answered while the learner fetched; then it went away
        Path file = dir.resolve("workshop/.nixpylab/room.properties");
        Files.writeString(file, Files.readString(file).replace(url.replace(":", "\\:"), "http\\://127.0.0.1\\:1"));
        Proc.Result b = step(dir, "Build");
        forget(dir);
        assertEquals(0, b.exitCode(), ScriptRun.describe(b));
        assertTrue(b.stderr().contains("the binary cache http://127.0.0.1:1 does not answer"), ScriptRun.describe(b));
    }

    @Test
    @Order(6)
    void joiningSomethingThatIsNotARoomIsAClearError() throws Exception {
        Path dir = t.base().resolve("learner-bad-join");
        Files.createDirectories(dir);
        Proc.Result noServer = step(dir, "Workshop", "join", "http://127.0.0.1:1", key);
        assertEquals(1, noServer.exitCode(), ScriptRun.describe(noServer));
        assertTrue(noServer.stderr().contains("does not answer") && noServer.stderr().contains("next: "), noServer.stderr());
        Proc.Result badKey = step(dir, "Workshop", "join", url, "not-a-key");
        assertEquals(1, badKey.exitCode(), ScriptRun.describe(badKey));
        assertTrue(badKey.stderr().contains("NAME:BASE64"), badKey.stderr());
        assertFalse(Files.exists(dir.resolve("workshop/.nixpylab/room.properties")), "nothing recorded");
    }
}
