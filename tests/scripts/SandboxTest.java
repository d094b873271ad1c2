package scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nixpylab.Proc;
import nixpylab.nix.NixConfig;
import nixpylab.nix.NixHash;
import nixpylab.nix.NixVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import testkit.OnNix;
import testkit.ScriptRun;
import testkit.TinyWorkspace;

/**
 * The build sandbox for real, on whichever Nix is here (the host's 2.8 gets it turned on through
 * NIX_CONFIG; sid's 2.34 has it on already, with no fallback): a sandboxed builder does not see the
 * host's /usr, and the bare profile opens it, says so, and builds, without harming the host.
 */
@OnNix
class SandboxTest {
    static final String SANDBOX_ON = "sandbox = true\nsandbox-fallback = false";
    static Path base;
    static TinyWorkspace tiny;

    @BeforeAll
    static void setUp() throws Exception {
        tiny = TinyWorkspace.fresh("sandbox");
        base = tiny.base();
    }

    @Test
    void aSandboxedBuilderDoesNotSeeTheHostsUsr() throws Exception {
        Path probe = base.resolve("probe.nix");
        Files.writeString(probe, "derivation {\n  name = \"sandbox-probe-" + System.nanoTime() + "\";\n  system = builtins.currentSystem;\n  builder = \"/bin/sh\";\n"
                + "  args = [ \"-c\" \"if [ -e /usr/bin/gcc ]; then echo visible > $out; else echo hidden > $out; fi\" ];\n}\n");
        List<String> cmd = new ArrayList<>(List.of("nix-build", "--option", "substituters", "", probe.toString(), "--no-out-link"));
        NixConfig config = NixConfig.read(NixVersion.installed());
        // Debian's 2.8 has no /bin/sh for sandboxed builders; give it the host's dash and what dash loads (libc), no /usr
        if (config.list("sandbox-paths").stream().noneMatch(e -> e.startsWith("/bin/sh="))) {
            cmd.addAll(List.of("--option", "sandbox-paths", "/bin/sh=" + Path.of("/bin/sh").toRealPath() + " /lib64=" + Path.of("/lib64").toRealPath() + " /lib=" + Path.of("/lib").toRealPath()));
        }
        Proc.Result r = Proc.of(cmd).env("NIX_CONFIG", SANDBOX_ON).timeout(ScriptRun.STEP).run();
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("hidden", Files.readString(Path.of(r.stdout().strip())).strip(), "the builder could not see /usr/bin/gcc");
    }

    @Test
    void theBareProfileOpensTheHostsToolchainSaysSoAndBuilds() throws Exception {
        Path shell = Path.of("/bin/sh").toRealPath();
        String shellBefore = NixHash.of(Files.readAllBytes(shell)).sri();
        Path ws = tiny.lab();
        Path tarball = tiny.tarball();
        List<String[]> env = List.<String[]>of(new String[] {"NIX_CONFIG", SANDBOX_ON});
        for (String[] step : new String[][] {{"FetchFakeHash", "--source", tarball.toString(), "--trust-first-use"}, {"PostPatch", "--without", "_tkinter"}, {"Build"}, {"TestPython"}}) {
            List<String> args = new ArrayList<>(List.of(step).subList(1, step.length));
            args.addAll(List.of("--workdir", ws.toString()));
            Proc.Result r = ScriptRun.run(step[0], ScriptRun.STEP, env, args.toArray(String[]::new));
            assertEquals(0, r.exitCode(), ScriptRun.describe(r));
            assertTrue(r.stderr().contains("the build sandbox is on; this build opens /usr "), "it says what it opens:\n" + r.stderr());
            assertTrue(r.stderr().contains("inputs Nix does not track"), "and why:\n" + r.stderr());
            if (step[0].equals("Build")) assertTrue(r.stderr().contains("--option extra-sandbox-paths '/usr "), "the command shows it:\n" + r.stderr());
        }
        assertEquals(shellBefore, NixHash.of(Files.readAllBytes(shell)).sri(), shell + " (the host's /bin/sh) is untouched by the sandbox's mounts");
        ScriptRun.run("ForceDelete", ScriptRun.STEP, env, "--workdir", ws.toString());
    }
}
