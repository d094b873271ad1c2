package scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nixpylab.BuildTimes;
import nixpylab.Proc;
import nixpylab.currentnix.CurrentNixRoot;
import nixpylab.room.RoomCache;
import nixpylab.room.RoomKey;
import nixpylab.room.WebServer;
import nixpylab.workspace.Workspace;
import nixpylab.workspace.WorkspaceState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import testkit.OnNix;
import testkit.Room;
import testkit.ScriptRun;
import testkit.Slow;

/**
 * The tutorial's real CPython from a room: published from README's own lab/ (built by its first
 * command; built here when it is not), served by nginx on the loopback, and taken by learners in
 * the current Nix's root (Nix 2.34, its own store and libraries). Measured: N = 1, 5 and 10 learner
 * stores of their own (each a real Nix store, nothing in it yet) substituting at the same time,
 * with the wall time until every learner has CPython, the server's peak memory and the bytes it
 * served, next to the time a build takes. Then one learner with no source tarball runs the
 * tutorial's steps and TestPython on the copy, and a transfer cut short midway is said as such.
 */
@OnNix
@Room
@Slow
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkshopRoomScaleTest {
    static final Duration T = Duration.ofMinutes(30);
    static final Path BASE = ScriptRun.REPO.resolve("tests/work/room-scale");
    static RoomCache room;
    static String python;
    static RoomKey key;
    static Duration build;
    /** Exercise 2's starting build (a quick CPython), published with the room. */
    static String exercisePython;

    @BeforeAll
    static void anInstructorPublishesTheTutorialsCPython() throws Exception {
        Proc.of("rm", "-rf", BASE.toString()).run();
        Path lab = ScriptRun.REPO.resolve("lab");
        List<String> publish = new ArrayList<>(List.of("publish", "--room", BASE.resolve("room").toString()));
        if (readmeLabIsPublishable(lab)) publish.addAll(List.of("--from", lab.toString()));
        Proc.Result p = ScriptRun.run("Workshop", T, publish.toArray(String[]::new));
        assertEquals(0, p.exitCode(), ScriptRun.describe(p));
        exercisePython = p.stdout().lines().map(String::strip).filter(l -> l.startsWith("/nix/store/") && l.endsWith("-workshop-python")).findFirst()
                .orElseThrow(() -> new AssertionError("exercise 2's starting build was not published:\n" + p.stdout()));
        room = new RoomCache(BASE.resolve("room"));
        python = room.info().orElseThrow().python();
        key = room.publicKey().orElseThrow();
        build = Duration.ofSeconds(room.info().orElseThrow().buildSeconds());
        if (build.isZero()) build = BuildTimes.standard().last("chrism-py311").orElse(Duration.ZERO);
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    @Order(1)
    void tenLearnersGetCPythonFromOneServerFasterThanOneBuild() throws Exception {
        int port = freePort();
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "    %-9s %10s %12s %14s%n", "learners", "wall", "nginx peak", "served"));
        try (WebServer server = WebServer.start(room.cache(), "127.0.0.1", port, room.server())) {
            long servedBefore = 0;
            for (int n : new int[] {1, 5, 10}) {
                List<Process> learners = new ArrayList<>();
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    String store = "/var/tmp/nixpylab-room-scale/n" + n + "-learner" + i;
                    learners.add(Proc.of(ScriptRun.REPO.resolve("jbang").toString(), "--quiet", ScriptRun.REPO.resolve("scripts/CurrentNix.java").toString(), "shell", "--",
                            "nix-store", "--store", "local?root=" + store, "-r", python, "--option", "substituters", server.localUrl(),
                            "--option", "trusted-public-keys", key.toString(), "--option", "connect-timeout", "5").in(ScriptRun.REPO).onLine(l -> {}).spawn());
                }
                for (Process l : learners) {
                    assertTrue(l.waitFor(T.toMinutes(), TimeUnit.MINUTES), "a learner finished");
                    assertEquals(0, l.exitValue(), "every learner got CPython from the room");
                }
                Duration wall = Duration.ofNanos(System.nanoTime() - t0);
                for (int i = 0; i < n; i++) {
                    Path copied = CurrentNixRoot.standard().dir().resolve("var/tmp/nixpylab-room-scale/n" + n + "-learner" + i + python);
                    assertTrue(Files.isRegularFile(copied.resolve("bin/python3.11")) || Files.exists(copied.resolve("bin/python3")), "learner " + i + " has " + copied);
                }
                long served = server.served().bytes();
                report.append(String.format(Locale.ROOT, "    %-9d %8.1f s %9d MiB %10.1f MiB%n", n, wall.toMillis() / 1000.0, server.peakMemoryKb() / 1024, (served - servedBefore) / 1048576.0));
                servedBefore = served;
                if (!build.isZero()) assertTrue(wall.compareTo(build) < 0, n + " learners took " + wall + ", longer than one build (" + build + ")");
                Proc.of("rm", "-rf", CurrentNixRoot.standard().dir().resolve("var/tmp/nixpylab-room-scale").toString()).timeout(Duration.ofMinutes(5)).run();
            }
        }
        report.append("    (one build of it: ").append(build.toSeconds()).append(" s)");
        System.out.println(report);
    }

    /** A learner's folder (workshop/ and lab/ side by side) that joined the room at url. */
    static Path joined(String name, String url, String... options) throws Exception {
        Path dir = BASE.resolve("learner-" + name);
        Proc.of("rm", "-rf", dir.toString()).run();
        Files.createDirectories(dir);
        List<String> args = new ArrayList<>(List.of("join", url, key.toString()));
        args.addAll(List.of(options));
        Proc.Result j = WorkshopRoomTest.step(dir, "Workshop", args.toArray(String[]::new));
        assertEquals(0, j.exitCode(), ScriptRun.describe(j));
        Proc.Result p = WorkshopRoomTest.step(dir, "PostPatch", "--from-start");
        assertEquals(0, p.exitCode(), ScriptRun.describe(p));
        return dir;
    }

    @Test
    @Order(2)
    void aLearnerWithNoSourceTarballGetsTheTutorialsCPythonAndItsImportsWork() throws Exception {
        int port = freePort();
        try (WebServer server = WebServer.start(room.cache(), "127.0.0.1", port, room.server())) {
            Path dir = joined("cpython", server.localUrl());
            try {
                assertFalse(Files.readString(dir.resolve("lab/chrism-py311.nix")).contains("file://"), "the source comes from the room, not from a file here");
                Proc.Result b = WorkshopRoomTest.step(dir, "Build");
                assertEquals(0, b.exitCode(), ScriptRun.describe(b));
                assertTrue(b.stderr().contains("copied from the workshop room's binary cache " + server.localUrl()), ScriptRun.describe(b));
                assertEquals(python, b.stdout().strip().lines().reduce((a, c) -> c).orElse(""), "the instructor's CPython: the same derivation");
                Proc.Result test = WorkshopRoomTest.step(dir, "TestPython");
                assertEquals(0, test.exitCode(), ScriptRun.describe(test));
                assertTrue(test.stderr().contains("python: " + python + "/bin/python3"), ScriptRun.describe(test));
                assertTrue(test.stderr().contains("10 of 10 imports ok"), ScriptRun.describe(test));
                assertTrue(signedByTheRoom(dir, python), "the learner's CPython is the room's copy, with its signature");
                // the workshop's checks ask the room too: exercise 2's starting build arrives instead of being built
                WorkshopRoomTest.learner(dir, "nix-store", "--delete", exercisePython); // a copy left by an earlier run would prove nothing
                Proc.Result check = WorkshopRoomTest.step(dir, "Workshop", "check", "2");
                assertEquals(1, check.exitCode(), ScriptRun.describe(check));
                assertTrue((check.stdout() + check.stderr()).contains("The build succeeded but 'import lzma' fails"), ScriptRun.describe(check));
                assertTrue(signedByTheRoom(dir, exercisePython), "exercise 2's python came from the room: " + exercisePython);
                Files.deleteIfExists(dir.resolve("workshop/02-lzma/result"));
                WorkshopRoomTest.learner(dir, "nix-store", "--delete", exercisePython);
                // every import Build warned about really fails on this machine (the warning is not a guess)
                Matcher warned = Pattern.compile("import ([\\w.]+)(?:, | will fail here)").matcher(b.stderr());
                while (warned.find()) {
                    Proc.Result imp = WorkshopRoomTest.learner(dir, python + "/bin/python3", "-c", "import " + warned.group(1));
                    assertNotEquals(0, imp.exitCode(), "Build warned that import " + warned.group(1) + " fails here, but it imports:\n" + b.stderr());
                }
            } finally {
                Proc.Result d = WorkshopRoomTest.step(dir, "ForceDelete");
                assertEquals(0, d.exitCode(), ScriptRun.describe(d));
            }
        }
    }

    /** The path is in the learner's store with the room's signature: Nix copied it from the room rather than building it. */
    static boolean signedByTheRoom(Path dir, String path) {
        Proc.Result sigs = WorkshopRoomTest.learner(dir, "nix", "--extra-experimental-features", "nix-command", "path-info", "--sigs", path);
        return sigs.ok() && sigs.stdout().contains(key.name() + ":");
    }

    @Test
    @Order(3)
    void aTransferCutShortIsSaidAndALearnerWhoRequiresTheRoomBuildsNothing() throws Exception {
        int port = freePort();
        Path dir;
        // about 4 MB/s: CPython's NAR takes long enough to be cut midway
        try (WebServer slow = WebServer.start(room.cache(), "127.0.0.1", port, BASE.resolve("server-slow"), 4000)) {
            dir = joined("cut-short", slow.localUrl(), "--require");
            Thread stopper = new Thread(() -> {
                try {
                    Thread.sleep(4000);
                } catch (InterruptedException e) {
                    return;
                }
                slow.close();
            });
            stopper.start();
            Proc.Result b = WorkshopRoomTest.step(dir, "Build");
            stopper.join();
            assertNotEquals(0, b.exitCode(), ScriptRun.describe(b));
            assertTrue(b.stderr().contains("the workshop room could not give it: the download from the binary cache " + slow.localUrl() + " broke off"), ScriptRun.describe(b));
            assertTrue(b.stderr().contains("so nothing was built here"), ScriptRun.describe(b));
        }
        Proc.Result where = WorkshopRoomTest.learner(dir, "nix-store", "--check-validity", python);
        assertNotEquals(0, where.exitCode(), "no partial copy is left in the learner's store");
    }

    /** README's lab/ when it was built by this version (its derivation carries its identity). */
    static boolean readmeLabIsPublishable(Path lab) throws Exception {
        if (!Files.isSymbolicLink(lab.resolve("result"))) return false;
        WorkspaceState st = Workspace.peek(lab);
        Path nix = lab.resolve(st.nixFile().orElse("none"));
        return Files.exists(nix) && Files.readString(nix).contains("workspace = \"" + st.identity() + "\";");
    }
}
