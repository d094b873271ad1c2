package nixpylab.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import nixpylab.Proc;
import nixpylab.derivation.NixpkgsDerivation;
import nixpylab.derivation.Profile;
import nixpylab.derivation.SetupLocal;
import org.junit.jupiter.api.Test;
import testkit.NixpkgsDouble;
import testkit.OnNix;
import testkit.ScriptRun;
import testkit.TinyWorkspace;

class InputAuditTest {
    @Test
    void proposesOneInputPerLibraryTheModulesLink() {
        assertEquals(List.of("zlib", "readline", "xz", "sqlite", "ncurses", "bzip2", "libffi", "openssl", "tk"),
                InputsStep.proposed(Profile.NIXPKGS, SetupLocal.VIDEO_MODULES));
        assertEquals(List.of("zlib1g-dev", "liblzma-dev"), InputsStep.proposed(Profile.BARE, List.of("zlib", "_lzma")));
        assertEquals(26, NixpkgsDerivation.BUILD_INPUTS.size());
    }

    @Test
    void theSmallerListIsWrittenIntoTheFile() {
        String t = NixpkgsDerivation.of("0123abcd", "3.11.2", null).withBuildInputs(List.of("zlib", "xz")).text();
        assertTrue(t.contains("  buildInputs = [\n    pkgs.zlib\n    pkgs.xz\n  ];\n"), t);
    }

    /** The nixpkgs profile on the tiny package through the nixpkgs test double: audit, then build with the smaller list. */
    @OnNix
    @Test
    void auditProvesTheSmallerListByBuildingWithIt() throws Exception {
        TinyWorkspace tiny = TinyWorkspace.fresh("input-audit");
        Path base = tiny.base();
        Path sources = Files.createDirectories(Path.of("/var/tmp/nixpylab-test-double"));
        String version = tiny.version();
        Path tarball = tiny.tarball();
        Files.copy(tarball, sources.resolve("python-cpython-v" + version + ".tar.gz"), StandardCopyOption.REPLACE_EXISTING);
        List<String[]> env = NixpkgsDouble.env(sources);
        Path ws = base.resolve("lab");
        Duration t = Duration.ofMinutes(3);
        String dbl = ScriptRun.REPO.resolve("tests/nixpkgs-double").toString();
        Proc.Result f = ScriptRun.run("FetchFakeHash", t, env, "--workdir", ws.toString(), "--nixpkgs", dbl, "--python-version", version, "--trust-first-use");
        assertEquals(0, f.exitCode(), ScriptRun.describe(f));
        Proc.Result p = ScriptRun.run("PostPatch", t, env, "--workdir", ws.toString(), "--without", "_tkinter");
        assertEquals(0, p.exitCode(), ScriptRun.describe(p));
        Proc.Result b = ScriptRun.run("Build", t, env, "--workdir", ws.toString());
        assertEquals(0, b.exitCode(), ScriptRun.describe(b));

        Proc.Result r = ScriptRun.run("Inputs", t, env, "--workdir", ws.toString());
        assertEquals(0, r.exitCode(), ScriptRun.describe(r));
        assertTrue(r.stdout().contains("declared buildInputs: 26"), r.stdout());
        assertTrue(r.stdout().contains("proposed (what the Setup.local modules need): 8 instead of 26"), r.stdout());
        assertTrue(r.stdout().contains("9 of 9 imports ok with the smaller list"), r.stdout());
        Path minimal = ws.resolve("newchrism-py05-minimal.nix");
        assertTrue(Files.readString(minimal).contains("  buildInputs = [\n    pkgs.zlib\n    pkgs.readline\n"), "the smaller file was written");
        assertTrue(Files.isSymbolicLink(ws.resolve("result-minimal")));

        Proc.Result d = ScriptRun.run("ForceDelete", t, env, "--workdir", ws.toString());
        assertEquals(0, d.exitCode(), ScriptRun.describe(d));
        assertEquals(2, d.stdout().lines().filter(l -> l.startsWith("deleted ")).count(), "the main build and the minimal one:\n" + d.stdout());
    }
}
