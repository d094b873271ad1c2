package site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import nixpylab.Proc;
import nixpylab.nix.NixVersion;
import org.junit.jupiter.api.Test;
import testkit.Learner;
import testkit.OnNix;
import testkit.ScriptRun;

/**
 * A block run as an ordinary user through the daemon (as=learner), recorded for real: with no
 * daemon, Site says which command starts one and records nothing; with one (started here and
 * stopped again), the transcript is the learner's run through it, and the page says so.
 */
@OnNix
class SiteLearnerBlockTest {
    static final Path SOCKET = Path.of("/nix/var/nix/daemon-socket/socket");

    @Test
    void aLearnerBlockNeedsTheDaemonAndRecordsTheLearnersRunThroughIt() throws Exception {
        assumeFalse(Files.exists(SOCKET), "a daemon of this machine's own is running; this test starts and stops its own");
        Learner.ensure();
        Path base = Files.createTempDirectory(Path.of("/var/tmp"), "nixpylab-site-learner-");
        Proc.of("chmod", "755", base.toString()).run();
        Path chapters = Files.createDirectories(base.resolve("chapters"));
        Files.writeString(chapters.resolve("01-who.adoc"), "= Who\n\n:nixpylab-workspace: learner\n\nrun::Trust[as=learner, id=who]\n");
        List<String> args = List.of("--chapters", chapters.toString(), "--out", base.resolve("site").toString(), "--workdir", base.resolve("work").toString());
        Process daemon = null;
        try {
            Proc.Result none = ScriptRun.run("Site", Duration.ofMinutes(5), args.toArray(String[]::new));
            assertNotEquals(0, none.exitCode(), ScriptRun.describe(none));
            assertTrue(none.stderr().contains("the daemon does not answer " + Learner.NAME), none.stderr());
            assertTrue(none.stderr().contains("systemctl start nix-daemon") && none.stderr().contains("Nothing was recorded"), none.stderr());
            assertFalse(none.stderr().contains("Exception"), none.stderr());
            assertFalse(Files.exists(chapters.resolve("transcripts")) && transcripts(chapters) > 0, "nothing recorded");

            Path socketDir = SOCKET.getParent();
            Files.createDirectories(socketDir);
            assertTrue(Proc.of("chown", "root:nix-users", socketDir.toString()).run().ok());
            assertTrue(Proc.of("chmod", "770", socketDir.toString()).run().ok());
            daemon = Proc.of("nix-daemon").spawn();
            for (int i = 0; i < 100 && !Files.exists(SOCKET); i++) Thread.sleep(100);
            assertTrue(Files.exists(SOCKET), "nix-daemon made its socket");

            Proc.Result r = ScriptRun.run("Site", Duration.ofMinutes(8), args.toArray(String[]::new));
            assertEquals(0, r.exitCode(), ScriptRun.describe(r));
            Path t = chapters.resolve("transcripts/01-who/01-Trust/nix-" + NixVersion.installed().text() + ".txt");
            String recorded = Files.readString(t);
            assertTrue(recorded.contains("running as: " + Learner.NAME + ", through the Nix daemon as " + Learner.NAME + " (not a trusted user)"), recorded);
            assertTrue(recorded.contains("error: you are not allowed to ignore liveness"), recorded);
            String page = Files.readString(base.resolve("site/01-who.html"));
            assertTrue(page.contains("<div class=\"as-user\">Run as " + Learner.NAME), "the page says who ran it");
        } finally {
            if (daemon != null) Proc.halt(daemon);
            Files.deleteIfExists(SOCKET);
            Proc.of("rm", "-rf", base.toString()).timeout(Duration.ofMinutes(1)).run();
        }
    }

    private static long transcripts(Path chapters) throws Exception {
        try (Stream<Path> s = Files.walk(chapters.resolve("transcripts"))) {
            return s.filter(Files::isRegularFile).count();
        }
    }
}
