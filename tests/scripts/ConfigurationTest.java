package scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import nixpylab.Proc;
import nixpylab.nix.NixConfig;
import nixpylab.nix.NixVersion;
import org.junit.jupiter.api.Test;
import testkit.OnNix;
import testkit.ScriptRun;
import testkit.TinyWorkspace;

/** Who builds, and a shell.nix that really depends on the build (nix-shell runs its python). */
@OnNix
class ConfigurationTest {
    @Test
    void reportsBuildUsersAndAShellThatUsesTheBuild() throws Exception {
        TinyWorkspace tiny = TinyWorkspace.fresh("configuration");
        Path tarball = tiny.tarball();
        Path ws = tiny.lab();
        Duration t = Duration.ofMinutes(3);
        Proc.Result b = ScriptRun.run("Build", t, "--workdir", ws.toString(), "--from-start", "--source", tarball.toString(), "--trust-first-use");
        assertEquals(0, b.exitCode(), ScriptRun.describe(b));
        Proc.Result r = ScriptRun.run("Configuration", t, "--workdir", ws.toString());
        assertEquals(0, r.exitCode(), ScriptRun.describe(r));
        assertTrue(r.stdout().contains("running as: root (root)"), r.stdout());
        assertTrue(r.stdout().contains("builders run as: members of 'nixbld'"), r.stdout());
        assertTrue(r.stdout().contains("no daemon: the store is used directly (store local)"), "what nix store info said:\n" + r.stdout());
        assertTrue(r.stdout().contains("sandbox = " + NixConfig.read(NixVersion.installed()).sandbox()), r.stdout());
        assertTrue(Pattern.compile("(?m)^  /nix/store/[a-z0-9]{32}-chrism-py06/bin/python3\n  import ssl: ok$").matcher(r.stdout()).find(),
                "nix-shell put the build's python on PATH:\n" + r.stdout());
        for (String f : new String[] {"shell.nix", "configuration-snippet.nix"}) {
            Proc.Result parse = Proc.of("nix-instantiate", "--parse", ws.resolve(f).toString()).run();
            assertEquals(0, parse.exitCode(), f + ": " + parse.stderr());
        }
        // as the snippet says: copied with the tutorial's file into a folder of their own (here standing in for /etc/nixos), it names the workspace's python
        Path etcNixos = Files.createDirectories(ws.resolveSibling("etc-nixos"));
        String file;
        try (var files = Files.list(ws)) {
            file = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("chrism-py\\d+\\.nix")).findFirst().orElseThrow();
        }
        String snippet = Files.readString(ws.resolve("configuration-snippet.nix"));
        assertFalse(snippet.contains(ws.toString()), "no path into the workspace, which a later step may rewrite or remove:\n" + snippet);
        Files.copy(ws.resolve(file), etcNixos.resolve(file));
        Files.writeString(etcNixos.resolve("configuration.nix"), snippet);
        Proc.Result inSystem = Proc.of("nix-instantiate", "--eval", "--option", "substituters", "", "-E",
                "(builtins.head ((import " + etcNixos.resolve("configuration.nix") + " { }).environment.systemPackages)).drvPath").timeout(Duration.ofMinutes(1)).run();
        Proc.Result inWorkspace = Proc.of("nix-instantiate", "--option", "substituters", "", ws.resolve(file).toString()).timeout(Duration.ofMinutes(1)).run();
        assertEquals(0, inSystem.exitCode(), inSystem.stderr());
        assertEquals("\"" + inWorkspace.stdout().strip() + "\"", inSystem.stdout().strip(), "the system's package is the workspace's derivation");
        ScriptRun.run("ForceDelete", t, "--workdir", ws.toString());
    }
}
