package scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nixpylab.Proc;
import nixpylab.nix.StorePath;
import org.junit.jupiter.api.Test;
import testkit.OnNix;
import testkit.ScriptRun;
import testkit.TinyWorkspace;

/** Chapter 10's steps on real Nix: Closure on the tiny package (whose python3 is the host's), and Language. */
@OnNix
class OpenLessonsTest {

    @Test
    void closureTellsWhatTheBuildNeedsFromWhatTheOutputNeeds() throws Exception {
        TinyWorkspace t = TinyWorkspace.fresh("closure", "0", false, 0);
        Path ws = t.lab();
        Proc.Result b = t.fromStart("Build");
        assertEquals(0, b.exitCode(), ScriptRun.describe(b));
        StorePath python = StorePath.find(Files.readSymbolicLink(ws.resolve("result")).toString()).orElseThrow();

        Proc.Result r = ScriptRun.run("Closure", ScriptRun.STEP, "--workdir", ws.toString(), "--nix-command");
        assertEquals(0, r.exitCode(), ScriptRun.describe(r));
        StorePath hello = StorePath.find(Files.readSymbolicLink(ws.resolve("result-hello")).toString()).orElseThrow();
        // Nix's own record, not the step's words: the output refers to the python that built it, not to the greeting
        List<String> refs = Proc.of("nix-store", "--option", "substituters", "", "-q", "--references", hello.path()).run().stdout().lines().toList();
        assertEquals(List.of(python.path()), refs);
        assertTrue(r.stdout().contains(python.hashPart() + " (" + python.name() + "): found in bin/hello, line 1"), r.stdout());
        assertTrue(r.stdout().contains("(greeting.txt): not in the output"), r.stdout());
        assertTrue(r.stdout().contains("is in the build's closure, not the runtime one"), r.stdout());
        assertTrue(r.stdout().contains("bin/hello:"), "why-depends --precise names the file: " + r.stdout());

        Proc.Result d = ScriptRun.run("ForceDelete", ScriptRun.STEP, "--workdir", ws.toString());
        assertEquals(0, d.exitCode(), ScriptRun.describe(d));
        assertFalse(Files.exists(Path.of(hello.path())), "hello-py is this workspace's build, so ForceDelete removes it too");
    }

    @Test
    void closureBeforeAnyBuildSaysWhichStepComesFirst() throws Exception {
        Path ws = Files.createTempDirectory(Path.of("/var/tmp"), "nixpylab-closure-early-");
        Proc.Result r = ScriptRun.run("Closure", ScriptRun.STEP, "--workdir", ws.resolve("lab").toString());
        assertNotEquals(0, r.exitCode());
        assertTrue(r.stderr().contains("needs the FetchFakeHash step first"), r.stderr());
        assertFalse(r.stderr().contains("Exception"), r.stderr());
        Proc.of("rm", "-rf", ws.toString()).run();
    }

    @Test
    void languageAsksNixAndShowsItsAnswersAndRefusals() throws Exception {
        Path ws = Files.createTempDirectory(Path.of("/var/tmp"), "nixpylab-language-");
        Proc.Result r = ScriptRun.run("Language", ScriptRun.STEP, "--workdir", ws.resolve("lab").toString());
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

    /** Each step's work again with the nix command, checked from Nix's records: nothing the tutorial built is lost, the live path was rebuilt in place. */
    @Test
    void theNixCommandDoesEachStepsWorkBesideTheClassicOne() throws Exception {
        TinyWorkspace t = TinyWorkspace.fresh("nix-command", "0", false, 0);
        Path ws = t.lab();
        assertEquals(0, t.fromStart("Build").exitCode());
        String python = Files.readSymbolicLink(ws.resolve("result")).toString();
        Proc.Result early = ScriptRun.run("NixCommand", ScriptRun.STEP, "--workdir", ws.toString());
        assertNotEquals(0, early.exitCode(), "Closure comes first: " + ScriptRun.describe(early));
        assertTrue(early.stderr().contains("Closure"), early.stderr());
        assertEquals(0, ScriptRun.run("Closure", ScriptRun.STEP, "--workdir", ws.toString()).exitCode());
        String hello = Files.readSymbolicLink(ws.resolve("result-hello")).toString();

        Proc.Result r = ScriptRun.run("NixCommand", ScriptRun.STEP, "--workdir", ws.toString());
        assertEquals(0, r.exitCode(), ScriptRun.describe(r));
        String all = r.stdout() + r.stderr();
        String file = t.nixFileName();
        for (String shown : List.of("-f " + file + " src --no-link --json", "-f " + file + " -o result --json", "store delete",
                "-f hello-py.nix --rebuild --no-link", "hello-py.nix --check --no-out-link", " log ", "--read-log ./result")) {
            assertTrue(all.contains(shown), "ran " + shown + ": " + all);
        }
        assertTrue(all.contains("since it is still alive"), "nix store delete refuses a live path: " + all);
        assertTrue(all.contains("the same output, already valid: nothing was built"), all);
        assertTrue(all.contains("built again at the same path; the rebuild of the live path gave the same bytes"), all);
        assertTrue(all.contains("the same postPatch, read from JSON"), all);
        // Nix's own records: the tutorial's python is still there and the workspace's root holds it; hello-py was built again at its path and is held again
        assertTrue(Proc.of("nix-store", "--check-validity", python).run().ok());
        assertEquals(python, Files.readSymbolicLink(ws.resolve("result")).toString());
        assertTrue(Proc.of("nix-store", "--check-validity", hello).run().ok(), "hello-py was deleted and built again at the same path");
        assertEquals(hello, Files.readSymbolicLink(ws.resolve("result-hello")).toString());
        String roots = Proc.of("nix-store", "--option", "substituters", "", "--query", "--roots", hello).run().stdout();
        assertTrue(roots.contains(ws.resolve("result-hello") + " -> " + hello), roots);
        assertEquals(0, ScriptRun.run("ForceDelete", ScriptRun.STEP, "--workdir", ws.toString()).exitCode());
    }

    /** Whoever runs it (here root, directly on the store): a file added, kept, refused while alive, deleted ignoring liveness, and gone in Nix's database. */
    @Test
    void trustAddsAFileAndDeletesItAgainTouchingNothingElse() throws Exception {
        Path ws = Files.createTempDirectory(Path.of("/var/tmp"), "nixpylab-trust-");
        Proc.Result r = ScriptRun.run("Trust", ScriptRun.STEP, "--workdir", ws.resolve("lab").toString());
        assertEquals(0, r.exitCode(), ScriptRun.describe(r));
        String all = r.stdout() + r.stderr();
        Matcher m = Pattern.compile("(?m)^(/nix/store/[0-9a-z]{32}-trust-note\\.txt)$").matcher(r.stdout());
        assertTrue(m.find(), all);
        assertFalse(Proc.of("nix-store", "--check-validity", m.group(1)).run().ok(), "gone from Nix's database");
        assertTrue(all.contains("since it is still alive"), "refused while trust-kept held it: " + all);
        assertTrue(r.stdout().contains("running as: root, directly on the store"), all);
        assertFalse(Files.exists(ws.resolve("lab/trust-kept")), "the dangling link is removed");
        Proc.of("rm", "-rf", ws.toString()).run();
    }
}
