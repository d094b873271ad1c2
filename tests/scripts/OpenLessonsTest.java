package scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import nixpylab.Proc;
import nixpylab.nix.StorePath;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import testkit.ScriptRun;
import testkit.TinyWorkspace;

/** Chapter 10's steps on real Nix: Closure on the tiny package (whose python3 is the host's), and Language. */
@Tag("nix")
class OpenLessonsTest {
    static final Duration T = Duration.ofMinutes(3);

    @Test
    void closureTellsWhatTheBuildNeedsFromWhatTheOutputNeeds() throws Exception {
        TinyWorkspace t = TinyWorkspace.fresh("closure", 4, "0", false, 0);
        Path ws = t.lab();
        Proc.Result b = ScriptRun.run("Build", T, "--workdir", ws.toString(), "--from-start", "--source", t.tarball().toString(), "--trust-first-use");
        assertEquals(0, b.exitCode(), ScriptRun.describe(b));
        StorePath python = StorePath.find(Files.readSymbolicLink(ws.resolve("result")).toString()).orElseThrow();

        Proc.Result r = ScriptRun.run("Closure", T, "--workdir", ws.toString(), "--nix-command");
        assertEquals(0, r.exitCode(), ScriptRun.describe(r));
        StorePath hello = StorePath.find(Files.readSymbolicLink(ws.resolve("result-hello")).toString()).orElseThrow();
        // Nix's own record, not the step's words: the output refers to the python that built it, not to the greeting
        List<String> refs = Proc.of("nix-store", "--option", "substituters", "", "-q", "--references", hello.path()).run().stdout().lines().toList();
        assertEquals(List.of(python.path()), refs);
        assertTrue(r.stdout().contains(python.hashPart() + " (" + python.name() + "): found in bin/hello, line 1"), r.stdout());
        assertTrue(r.stdout().contains("(greeting.txt): not in the output"), r.stdout());
        assertTrue(r.stdout().contains("is in the build's closure, not the runtime one"), r.stdout());
        assertTrue(r.stdout().contains("bin/hello:"), "why-depends --precise names the file: " + r.stdout());

        Proc.Result d = ScriptRun.run("ForceDelete", T, "--workdir", ws.toString());
        assertEquals(0, d.exitCode(), ScriptRun.describe(d));
        assertFalse(Files.exists(Path.of(hello.path())), "hello-py is this workspace's build, so ForceDelete removes it too");
    }

    @Test
    void closureBeforeAnyBuildSaysWhichStepComesFirst() throws Exception {
        Path ws = Files.createTempDirectory(Path.of("/var/tmp"), "nixpylab-closure-early-");
        Proc.Result r = ScriptRun.run("Closure", T, "--workdir", ws.resolve("lab").toString());
        assertNotEquals(0, r.exitCode());
        assertTrue(r.stderr().contains("needs the FetchFakeHash step first"), r.stderr());
        assertFalse(r.stderr().contains("Exception"), r.stderr());
        Proc.of("rm", "-rf", ws.toString()).run();
    }

    @Test
    void languageAsksNixAndShowsItsAnswersAndRefusals() throws Exception {
        Path ws = Files.createTempDirectory(Path.of("/var/tmp"), "nixpylab-language-");
        Proc.Result r = ScriptRun.run("Language", T, "--workdir", ws.resolve("lab").toString());
        assertEquals(0, r.exitCode(), ScriptRun.describe(r));
        String all = r.stdout() + r.stderr();
        assertTrue(all.contains("video-as-written.nix:14:3"), "the video's file stops at the stray '': " + all);
        assertTrue(all.contains("(with rec { pkgs = (import (__findFile __nixPath \"nixpkgs\") { }); };"), all);
        assertTrue(all.contains("undefined variable 'greeting'"), all);
        assertEquals(2, r.stdout().lines().filter(l -> l.equals("\"hello!\"")).count(), r.stdout());
        assertTrue(r.stdout().contains("\"cat << EOF > Modules/Setup.local\\nzlib zlibmodule.c -lz\\n  # this line is indented two more\\nEOF\\n\""), r.stdout());
        assertTrue(all.contains("undefined variable 'HOME'"), all);
        assertTrue(r.stdout().contains("also known as $HOME"), r.stdout());
        assertTrue(r.stdout().contains("\"this came from the folder -I named\""), r.stdout());
        Proc.of("rm", "-rf", ws.toString()).run();
    }
}
