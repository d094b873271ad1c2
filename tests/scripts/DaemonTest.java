package scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nixpylab.AtomicFile;
import nixpylab.Proc;
import nixpylab.nix.NixConfig;
import nixpylab.nix.NixHash;
import nixpylab.nix.NixVersion;
import nixpylab.room.RoomCache;
import nixpylab.room.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import testkit.Learner;
import testkit.OnNix;
import testkit.ScriptRun;
import testkit.TinyPackage;
import testkit.TinyWorkspace;

/**
 * The six steps as learners run them on a multi-user Nix: an ordinary user (not root, not trusted)
 * through nix-daemon, which this test starts and stops. On whichever Nix is here: the host's 2.8
 * (sandbox off, as Debian configures it) and, with --nix current, 2.34 (sandbox on), where the
 * untrusted user is first stopped before any build, with the nix.conf line to ask for; the test
 * then does what that message says, as an administrator would, and the steps work.
 */
@OnNix
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DaemonTest {
    static final Path SOCKET = Path.of("/nix/var/nix/daemon-socket/socket");
    /**
     * The daemon's and the learner's nix.conf: a copy of the host's in a folder of the test's own
     * (NIX_CONF_DIR), so that what an administrator would add to /etc/nix/nix.conf is added there,
     * and a test killed midway leaves the host's configuration as it found it.
     */
    static Path confDir;
    static Path NIX_CONF;
    static Process daemon;
    static String nixConfBefore;
    static Path dir;
    static Path ws;
    static Path tarball;
    static List<String> env;

    @BeforeAll
    static void startTheDaemon() throws Exception {
        Learner.ensure();
        dir = Learner.folder("daemon-test");
        confDir = Files.createDirectories(dir.resolve("etc-nix"));
        NIX_CONF = confDir.resolve("nix.conf");
        Path hostConf = Path.of("/etc/nix/nix.conf");
        nixConfBefore = Files.exists(hostConf) ? Files.readString(hostConf) : "";
        AtomicFile.write(NIX_CONF, nixConfBefore);
        Proc.of("chmod", "-R", "a+rX", confDir.toString()).run();
        restartDaemon();
        ws = dir.resolve("lab");
        Path src = Files.createDirectories(dir.resolve("src"));
        tarball = TinyPackage.create(src, TinyWorkspace.version("daemon"));
        Proc.of("chmod", "-R", "a+rX", src.toString()).run();
        env = List.of("NIXPY_SOURCES=" + dir.resolve("sources"), "NIX_CONF_DIR=" + confDir);
    }

    static void restartDaemon() throws Exception {
        if (daemon != null) Proc.halt(daemon);
        Files.deleteIfExists(SOCKET);
        Path socketDir = SOCKET.getParent();
        Files.createDirectories(socketDir);
        // as Debian's systemd-tmpfiles sets it up: the daemon is for the group nix-users only
        assertTrue(Proc.of("chown", "root:nix-users", socketDir.toString()).run().ok());
        assertTrue(Proc.of("chmod", "770", socketDir.toString()).run().ok());
        daemon = Proc.of("nix-daemon").env("NIX_CONF_DIR", confDir.toString()).spawn();
        for (int i = 0; i < 100 && !Files.exists(SOCKET); i++) Thread.sleep(100);
        assertTrue(Files.exists(SOCKET), "nix-daemon made its socket");
    }

    @AfterAll
    static void stopTheDaemon() throws Exception {
        try {
            if (ws != null) Learner.step(dir, env, "ForceDelete", "--workdir", "lab");
        } finally {
            if (daemon != null) Proc.halt(daemon);
            Files.deleteIfExists(SOCKET);
        }
    }

    static Proc.Result ok(String script, String... args) {
        Proc.Result r = step(script, args);
        assertEquals(0, r.exitCode(), ScriptRun.describe(r));
        return r;
    }

    static Proc.Result step(String script, String... args) {
        return Learner.step(dir, env, script, ScriptRun.inWorkspace("lab", args));
    }

    @Test
    @Order(1)
    void theSixStepsRunAsAnOrdinaryUserThroughTheDaemon() throws Exception {
        NixConfig config = NixConfig.read(NixVersion.installed());
        if (config.sandboxed()) {
            Proc.Result refused = step("FetchFakeHash", "--source", tarball.toString(), "--trust-first-use");
            assertEquals(1, refused.exitCode(), ScriptRun.describe(refused));
            assertTrue(refused.stderr().contains("only a trusted user may open paths in the sandbox, and the Nix daemon does not trust " + Learner.NAME), refused.stderr());
            assertFalse(refused.stderr().contains("$ nix-build"), "it stops before building");
            assertFalse(refused.stderr().contains("Exception"), refused.stderr());
            Matcher line = Pattern.compile("add '(extra-sandbox-paths = [^']+)' to /etc/nix/nix.conf").matcher(refused.stderr());
            assertTrue(line.find(), refused.stderr());
            // what the message says, done as an administrator would: the line into nix.conf, the daemon restarted
            AtomicFile.write(NIX_CONF, nixConfBefore + line.group(1) + "\n");
            restartDaemon();
        }
        Proc.Result f = ok("FetchFakeHash", "--source", tarball.toString(), "--trust-first-use");
        assertTrue(f.stderr().contains("through the Nix daemon as " + Learner.NAME + " (not a trusted user)"), f.stderr());
        assertTrue(f.stderr().contains("got:    " + NixHash.of(Files.readAllBytes(tarball)).sri()), f.stderr());
        ok("PostPatch", "--without", "_tkinter");
        Proc.Result b = ok("Build");
        assertTrue(b.stderr().contains("built in "), b.stderr());
        String out = Files.readSymbolicLink(ws.resolve("result")).toString();
        Proc.Result roots = ok("Roots");
        assertTrue(roots.stdout().contains("lab/result -> " + out), roots.stdout());

        Proc.Result d = ok("ForceDelete");
        assertTrue(d.stderr().contains("since it is still alive"), d.stderr());
        assertTrue(d.stderr().contains("error: you are not allowed to ignore liveness"), "the daemon's own refusal is shown:\n" + d.stderr());
        assertTrue(d.stderr().contains("$ rm lab/result"), "the safe way: this workspace's root removed:\n" + d.stderr());
        assertTrue(d.stdout().contains("deleted " + out), d.stdout());
        assertFalse(Files.exists(Path.of(out)), "the path is gone");
        assertFalse(Files.isSymbolicLink(ws.resolve("result")));

        assertEquals(1, step("TestPython").exitCode());
        ok("Build");
        Proc.Result t = ok("TestPython");
        assertTrue(t.stderr().contains("9 of 9 imports ok"), t.stderr());

        Proc.Result c = ok("Configuration");
        assertTrue(c.stdout().contains("running as: " + Learner.NAME + " (not root)"), c.stdout());
        assertTrue(c.stdout().contains("builds go through the Nix daemon"), c.stdout());
        assertTrue(c.stdout().contains("which does not trust " + Learner.NAME), c.stdout());
    }

    /**
     * A workshop room and a learner the daemon does not trust: Nix ignores the room's cache, the
     * learner is told why and which two nix.conf lines an administrator adds; once they are there,
     * the build is copied from the room.
     */
    @Test
    @Order(2)
    void anUntrustedLearnerIsToldWhatTheAdministratorAddsThenCopiesFromTheRoom() throws Exception {
        Path room = dir.resolve("room");
        Proc.Result p = ScriptRun.run("Workshop", Duration.ofMinutes(5), "publish", "--room", room.toString(), "--from", ws.toString(), "--no-exercises");
        assertEquals(0, p.exitCode(), ScriptRun.describe(p));
        String published = Files.readSymbolicLink(ws.resolve("result")).toString();
        RoomCache cache = new RoomCache(room);
        String key = cache.publicKey().orElseThrow().toString();
        ok("ForceDelete"); // the learner's machine does not hold it yet
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path learner = Learner.folder("daemon-room");
        try (WebServer server = WebServer.start(cache.cache(), "127.0.0.1", port, room.resolve("server"))) {
            String url = server.localUrl();
            Proc.Result j = Learner.step(learner, env, "Workshop", "join", url, key);
            assertEquals(0, j.exitCode(), ScriptRun.describe(j));
            assertTrue(j.stdout().contains("extra-trusted-substituters = " + url) && j.stdout().contains("extra-trusted-public-keys = " + key), ScriptRun.describe(j));
            // the same Setup.local as the instructor's workspace (the six steps' --without _tkinter), so the same derivation
            Proc.Result patched = Learner.step(learner, env, "PostPatch", "--from-start", "--without", "_tkinter");
            assertEquals(0, patched.exitCode(), "the room gives the source: " + ScriptRun.describe(patched));
            Proc.Result ignored = Learner.step(learner, env, "Build");
            assertEquals(0, ignored.exitCode(), ScriptRun.describe(ignored));
            assertTrue(ignored.stderr().contains("the workshop room could not give it: the Nix daemon ignored the binary cache " + url), ScriptRun.describe(ignored));
            assertTrue(ignored.stderr().contains("Nix built it here instead"), ScriptRun.describe(ignored));
            assertEquals(published, Files.readSymbolicLink(learner.resolve("lab/result")).toString(), "the same derivation as the room's");
            assertEquals(0, Learner.step(learner, env, "ForceDelete").exitCode());
            // what the learner was told, done as an administrator would
            String conf = Files.exists(NIX_CONF) ? Files.readString(NIX_CONF) : "";
            AtomicFile.write(NIX_CONF, conf + "extra-trusted-substituters = " + url + "\nextra-trusted-public-keys = " + key + "\n");
            restartDaemon();
            Proc.Result copied = Learner.step(learner, env, "Build");
            assertEquals(0, copied.exitCode(), ScriptRun.describe(copied));
            assertTrue(copied.stderr().contains("copied from the workshop room's binary cache " + url), ScriptRun.describe(copied));
            assertFalse(copied.stderr().contains("does not trust " + Learner.NAME + " to add a binary cache"), "no stale advice once nix.conf trusts the room:\n" + copied.stderr());
        } finally {
            Learner.step(learner, env, "ForceDelete");
        }
    }

    /**
     * Who needs root, as an ordinary user: the file the learner adds belongs to the store's owner,
     * the daemon refuses --ignore-liveness, a restricted setting passed on the command line is not
     * applied (2.34 warns; 2.8 says nothing), and the safe delete works. Checked from Nix's records:
     * the path is valid after the add and not after the step.
     */
    @Test
    @Order(3)
    void whoNeedsRootAnOrdinaryUserAddsAndDeletesThroughTheDaemon() throws Exception {
        Proc.Result r = Learner.step(dir, env, "Trust", "--workdir", "trust");
        assertEquals(0, r.exitCode(), ScriptRun.describe(r));
        String all = r.stdout() + r.stderr();
        Matcher added = Pattern.compile("(?m)^(/nix/store/[0-9a-z]{32}-trust-note\\.txt)$").matcher(r.stdout());
        assertTrue(added.find(), all);
        String note = added.group(1);
        assertFalse(Proc.of("nix-store", "--check-validity", note).run().ok(), "Nix's database no longer holds " + note);
        assertTrue(r.stdout().contains("running as: " + Learner.NAME + ", through the Nix daemon as " + Learner.NAME + " (not a trusted user)"), all);
        assertTrue(r.stdout().contains("owner of " + note + ": root (not the caller, " + Learner.NAME + ")"), all);
        assertTrue(all.contains("error: you are not allowed to ignore liveness"), all);
        assertTrue(all.contains("$ rm trust-kept"), "the safe way, the root removed first: " + all);
        boolean warned = all.contains("ignoring the client-specified setting 'sandbox-paths', because it is a restricted setting and you are not a trusted user");
        NixVersion v = NixVersion.installed();
        if (v.atLeast(2, 34)) assertTrue(warned, "2.34 warns that it ignores the restricted setting: " + all);
        if (!v.atLeast(2, 9)) assertFalse(warned, "2.8 ignores it silently (a debug message): " + all);
        assertFalse(all.contains("Exception"), all);
    }
}
