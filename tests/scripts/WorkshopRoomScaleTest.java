package scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nixpylab.BuildTimes;
import nixpylab.Proc;
import nixpylab.WorkspaceState;
import nixpylab.room.RoomCache;
import nixpylab.room.RoomKey;
import nixpylab.room.WebServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import testkit.ScriptRun;

/**
 * A room of N learners at once, measured: the tutorial's real CPython published from README's own
 * lab/ (built by its first command; built here when it is not), nginx on the loopback, and N learner
 * stores of their own inside the current Nix's root (each a real Nix store, nothing in it yet), all
 * substituting at the same time. Prints, for N = 1, 5 and 10: the wall time until every learner has
 * CPython, the server's peak memory and the bytes it served, next to the time a build takes.
 */
@Tag("nix")
@Tag("room")
@Tag("slow")
class WorkshopRoomScaleTest {
    static final Duration T = Duration.ofMinutes(30);

    @Test
    void tenLearnersGetCPythonFromOneServerFasterThanOneBuild() throws Exception {
        Path base = ScriptRun.REPO.resolve("tests/work/room-scale");
        Proc.of("rm", "-rf", base.toString()).run();
        Path lab = ScriptRun.REPO.resolve("lab");
        List<String> publish = new ArrayList<>(List.of("publish", "--room", base.resolve("room").toString()));
        if (readmeLabIsPublishable(lab)) publish.addAll(List.of("--from", lab.toString()));
        Proc.Result p = ScriptRun.run("Workshop", T, publish.toArray(String[]::new));
        assertEquals(0, p.exitCode(), ScriptRun.describe(p));
        RoomCache room = new RoomCache(base.resolve("room"));
        String python = room.info().orElseThrow().python();
        RoomKey key = room.publicKey().orElseThrow();
        Duration build = Duration.ofSeconds(room.info().orElseThrow().buildSeconds());
        if (build.isZero()) build = BuildTimes.standard().last("chrism-py311").orElse(Duration.ZERO);
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
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
                    assertTrue(l.waitFor(T.toMinutes(), java.util.concurrent.TimeUnit.MINUTES), "a learner finished");
                    assertEquals(0, l.exitValue(), "every learner got CPython from the room");
                }
                Duration wall = Duration.ofNanos(System.nanoTime() - t0);
                for (int i = 0; i < n; i++) {
                    Path copied = nixpylab.nix.CurrentNixRoot.standard().dir().resolve("var/tmp/nixpylab-room-scale/n" + n + "-learner" + i + python);
                    assertTrue(Files.isRegularFile(copied.resolve("bin/python3.11")) || Files.exists(copied.resolve("bin/python3")), "learner " + i + " has " + copied);
                }
                long served = server.served().bytes();
                report.append(String.format(Locale.ROOT, "    %-9d %8.1f s %9d MiB %10.1f MiB%n", n, wall.toMillis() / 1000.0, server.peakMemoryKb() / 1024, (served - servedBefore) / 1048576.0));
                servedBefore = served;
                if (!build.isZero()) assertTrue(wall.compareTo(build) < 0, n + " learners took " + wall + ", longer than one build (" + build + ")");
                Proc.of("rm", "-rf", nixpylab.nix.CurrentNixRoot.standard().dir().resolve("var/tmp/nixpylab-room-scale").toString()).timeout(Duration.ofMinutes(5)).run();
            }
        }
        report.append("    (one build of it: ").append(build.toSeconds()).append(" s)");
        System.out.println(report);
    }

    /** README's lab/ when it was built by this version (its derivation carries its identity). */
    static boolean readmeLabIsPublishable(Path lab) throws Exception {
        if (!Files.isSymbolicLink(lab.resolve("result"))) return false;
        WorkspaceState st = nixpylab.Workspace.peek(lab);
        Path nix = lab.resolve(st.nixFile().orElse("none"));
        return Files.exists(nix) && Files.readString(nix).contains("workspace = \"" + st.identity() + "\";");
    }
}
