package scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import nixpylab.Proc;
import nixpylab.DiffoscopeView;
import nixpylab.SearchPath;
import nixpylab.nix.NixConfig;
import nixpylab.nix.NixVersion;
import nixpylab.derivation.RepeatableBuild;
import nixpylab.nix.StorePath;
import org.junit.jupiter.api.Test;
import testkit.HostOnly;
import testkit.OnNix;
import testkit.ScriptRun;
import testkit.TinyWorkspace;
import testkit.VariedLeftovers;

/** The closing chapter's steps on real Nix, with the tiny package: repeatable or not, and a named root. */
@OnNix
class RepeatAndRememberTest {

    static Path built(String name, boolean nondeterministic) throws Exception {
        TinyWorkspace t = TinyWorkspace.fresh("repeat-" + name, nondeterministic ? "1" : "0", nondeterministic, 0);
        Path tarball = t.tarball();
        Path ws = t.lab();
        Proc.Result b = ScriptRun.run("Build", ScriptRun.STEP, "--workdir", ws.toString(), "--from-start", "--source", tarball.toString(), "--trust-first-use");
        assertEquals(0, b.exitCode(), ScriptRun.describe(b));
        return ws;
    }

    @Test
    void aDeterministicBuildIsReportedRepeatable() throws Exception {
        Path ws = built("same", false);
        Proc.Result r = ScriptRun.run("Repeatable", ScriptRun.STEP, "--workdir", ws.toString());
        assertEquals(0, r.exitCode(), ScriptRun.describe(r));
        assertTrue(r.stdout().contains("repeatable: the second build is bit for bit the same"), r.stdout());
        assertTrue(r.stderr().contains("--check"), r.stderr());
        ScriptRun.run("ForceDelete", ScriptRun.STEP, "--workdir", ws.toString());
    }

    @Test
    void aTimestampMakesTheBuildDifferAndTheStepSaysWhere() throws Exception {
        Path ws = built("differs", true);
        Proc.Result r = ScriptRun.run("Repeatable", ScriptRun.STEP, "--workdir", ws.toString());
        assertEquals(104, r.exitCode(), ScriptRun.describe(r));
        assertTrue(r.stderr().contains("may not be deterministic"), r.stderr());
        assertTrue(r.stdout().contains("not repeatable: 1 differing path\n"), r.stdout());
        // date +%s%N: a number, which the bytes alone do not tell from any other number
        assertTrue(Pattern.compile("(?m)^      1  unexplained\\s+bytes that none of the other classes explains$").matcher(r.stdout()).find(), r.stdout());
        assertTrue(Pattern.compile("(?m)^  contents\\s+unexplained\\s+share/built-at\\n      line 1: \\d+ \\| \\d+$").matcher(r.stdout()).find(), r.stdout());
        assertFalse(r.stdout().contains("share/Setup.local"), "only the timestamp differs");
        // diffoscope's second opinion on that file, or how to get it
        if (DiffoscopeView.installed()) {
            assertTrue(Pattern.compile("(?m)^diffoscope's view of one file of each kind.*\\n  unexplained\\s+share/built-at\\n").matcher(r.stdout()).find(), r.stdout());
        } else {
            assertTrue(r.stderr().contains("apt-get install diffoscope-minimal"), r.stderr());
        }
        StorePath out = StorePath.find(Files.readSymbolicLink(ws.resolve("result")).toString()).orElseThrow();
        assertFalse(Files.exists(Path.of(out.path() + ".check")), "the second result is cleaned up");

        // without diffoscope on PATH: the step says how to get it and goes on with its own comparison
        Proc.Result without = ScriptRun.run("Repeatable", ScriptRun.STEP, List.<String[]>of(new String[] {"PATH", pathWithout(ws.resolve("../no-diffoscope"), "diffoscope")}),
                "--workdir", ws.toString());
        assertEquals(104, without.exitCode(), ScriptRun.describe(without));
        assertTrue(without.stderr().contains("diffoscope is not installed, so there is no second opinion: as root, apt-get install diffoscope-minimal"), without.stderr());
        assertTrue(without.stdout().contains("not repeatable: 1 differing path\n") && !without.stdout().contains("diffoscope's view"), without.stdout());
        ScriptRun.run("ForceDelete", ScriptRun.STEP, "--workdir", ws.toString());
    }

    /** A PATH with every program of this one but the one named: links to them in dir, which comes first, and none of PATH's own folders that hold that program. */
    static String pathWithout(Path dir, String program) throws Exception {
        Files.createDirectories(dir);
        List<String> keep = new ArrayList<>(List.of(dir.toString()));
        for (String folder : System.getenv("PATH").split(":")) {
            Path f = Path.of(folder);
            if (!Files.exists(f.resolve(program))) {
                keep.add(folder);
                continue;
            }
            try (var programs = Files.list(f)) {
                for (Path p : programs.toList()) {
                    Path link = dir.resolve(p.getFileName());
                    if (!p.getFileName().toString().equals(program) && !Files.exists(link, LinkOption.NOFOLLOW_LINKS)) Files.createSymbolicLink(link, p);
                }
            }
        }
        return String.join(":", keep);
    }

    @Test
    void aVariedSecondBuildFindsWhatAPlainOneHidesAndSaysWhatItTried() throws Exception {
        TinyWorkspace t = TinyWorkspace.fresh("repeat-vary", "3", false, 0, true);
        Path ws = t.lab();
        Proc.Result b = t.fromStart("Build");
        assertEquals(0, b.exitCode(), ScriptRun.describe(b));
        Proc.Result plain = ScriptRun.run("Repeatable", ScriptRun.STEP, "--workdir", ws.toString());
        assertEquals(0, plain.exitCode(), "a plain second build hides the folder and the order: " + ScriptRun.describe(plain));
        assertFalse(plain.stdout().contains("varied on purpose"), plain.stdout());

        Proc.Result varied = ScriptRun.run("Repeatable", ScriptRun.STEP, "--workdir", ws.toString(), "--vary");
        String out = varied.stdout();
        assertTrue(out.contains("varied on purpose, as reprotest does:"), out);
        assertTrue(Pattern.compile("(?m)^  time {10}not tried: Nix starts the builder with the derivation's environment only").matcher(out).find(), out);
        if (NixConfig.read(NixVersion.installed()).sandboxed()) {
            // the sandbox shows the builder /build, and disorderfs's folder was refused to it: nothing varied, and it says so
            assertEquals(0, varied.exitCode(), ScriptRun.describe(varied));
            assertTrue(out.contains("  build folder  not seen by the builder: with the sandbox on, it builds in /build"), out);
            assertTrue(out.contains("  file order    not tried: with the sandbox on"), out);
            assertTrue(out.contains("nothing could be varied here: this was a plain second build"), out);
        } else {
            assertEquals(104, varied.exitCode(), ScriptRun.describe(varied));
            assertTrue(Pattern.compile("(?m)^  build folder  built under /\\S+/varied-[0-9a-f]{8}/\\S+ instead of Nix's usual folder$").matcher(out).find(), out);
            assertTrue(varied.stderr().contains("TMPDIR=/"), "the command as typed names the folder: " + varied.stderr());
            assertTrue(Pattern.compile("(?m)^  contents\\s+build path\\s+share/built-in$").matcher(out).find(), out);
            if (SearchPath.onPath("disorderfs")) {
                assertTrue(out.contains("  file order    the entries of each folder under the build folder listed in a new random order each time (disorderfs --shuffle-dirents=yes)"), out);
                assertTrue(Pattern.compile("(?m)^  contents\\s+entry order\\s+share/listing$").matcher(out).find(), out);
                assertTrue(out.contains("not repeatable: 2 differing paths"), out);
            } else {
                assertTrue(out.contains("  file order    not tried: disorderfs is not installed (as root: apt-get install disorderfs)"), out);
                assertTrue(out.contains("not repeatable: 1 differing path"), out);
            }
        }
        // what it made is gone: no mount, no folder
        VariedLeftovers.assertNone();
        ScriptRun.run("ForceDelete", ScriptRun.STEP, "--workdir", ws.toString());
    }

    @Test
    void fixWritesItsFixesOnceIntoAnUntouchedFileAndTheCheckWaitsForTheirBuild() throws Exception {
        TinyWorkspace t = TinyWorkspace.fresh("repeat-fix", "2", false, 0);
        Path ws = t.lab();
        Proc.Result early = ScriptRun.run("Repeatable", ScriptRun.STEP, "--workdir", ws.toString(), "--fix");
        assertTrue(early.exitCode() != 0 && early.stderr().contains("needs the FetchFakeHash step first"), ScriptRun.describe(early));

        Proc.Result b = t.fromStart("Build");
        assertEquals(0, b.exitCode(), ScriptRun.describe(b));
        Path file;
        try (var files = Files.list(ws)) {
            file = files.filter(p -> p.getFileName().toString().endsWith(".nix")).findFirst().orElseThrow();
        }
        String before = Files.readString(file);
        Proc.Result fix = ScriptRun.run("Repeatable", ScriptRun.STEP, "--workdir", ws.toString(), "--fix");
        assertEquals(0, fix.exitCode(), ScriptRun.describe(fix));
        String after = Files.readString(file);
        assertTrue(after.contains(RepeatableBuild.MARK + "build time") && after.contains("export LDFLAGS_NODIST=\"-Wl,--build-id=none\""), after);
        assertTrue(Pattern.compile("store derivation: /nix/store/\\S+\\.drv -> /nix/store/\\S+\\.drv").matcher(fix.stderr() + fix.stdout()).find(), ScriptRun.describe(fix));
        assertFalse(before.contains(RepeatableBuild.MARK), before);

        Proc.Result again = ScriptRun.run("Repeatable", ScriptRun.STEP, "--workdir", ws.toString(), "--fix");
        assertEquals(0, again.exitCode(), ScriptRun.describe(again));
        assertTrue(again.stdout().contains("has the fixes already: nothing written"), ScriptRun.describe(again));
        assertEquals(after, Files.readString(file));

        // the result link still points to the build without the fixes: there is nothing to compare yet
        Proc.Result check = ScriptRun.run("Repeatable", ScriptRun.STEP, "--workdir", ws.toString());
        assertTrue(check.exitCode() != 0 && check.stderr().contains("has not been built as it is now"), ScriptRun.describe(check));
        assertFalse(check.stderr().contains("Exception"), check.stderr());

        Files.writeString(file, after.replace("--build-id=none", "--build-id=sha1"));
        Proc.Result edited = ScriptRun.run("Repeatable", ScriptRun.STEP, "--workdir", ws.toString(), "--fix");
        assertTrue(edited.exitCode() != 0 && edited.stderr().contains("error: "), ScriptRun.describe(edited));
        assertTrue(Files.readString(file).contains("--build-id=sha1"), "a hand-edited file is left as the learner left it");
        Files.writeString(file, after);
        ScriptRun.run("ForceDelete", ScriptRun.STEP, "--workdir", ws.toString());
    }

    /** --fix CLASS: one fix at a time, by the names the step prints; a wrong name is said and changes nothing; --fix then writes the rest. */
    @HostOnly // what it writes does not depend on which Nix runs; both Nix build and check it in chapter 8's recorded blocks
    @Test
    void fixOfOneClassWritesOnlyItsFixAndAWrongClassChangesNothing() throws Exception {
        TinyWorkspace t = TinyWorkspace.fresh("repeat-one", "4", false, 0);
        Path ws = t.lab();
        Proc.Result pp = t.fromStart("PostPatch");
        assertEquals(0, pp.exitCode(), ScriptRun.describe(pp));
        Path file;
        try (var files = Files.list(ws)) {
            file = files.filter(p -> p.getFileName().toString().endsWith(".nix")).findFirst().orElseThrow();
        }
        Proc.Result id = ScriptRun.run("Repeatable", ScriptRun.STEP, "--workdir", ws.toString(), "--fix", "build-id");
        assertEquals(0, id.exitCode(), ScriptRun.describe(id));
        assertTrue(id.stderr().contains("the fix for build-id (build id)"), ScriptRun.describe(id));
        String one = Files.readString(file);
        assertTrue(one.contains(RepeatableBuild.MARK + "build id") && one.contains("--build-id=none"), one);
        for (String other : List.of("build time", "byte-code contents", "build path", "byte-code hash")) assertFalse(one.contains(RepeatableBuild.MARK + other), other + ": " + one);

        for (String wrong : List.of("unexplained", "time", "build_id")) {
            Proc.Result w = ScriptRun.run("Repeatable", ScriptRun.STEP, "--workdir", ws.toString(), "--fix", wrong);
            assertEquals(1, w.exitCode(), ScriptRun.describe(w));
            assertTrue(w.stderr().contains("--fix " + wrong + ": Repeatable has no fix for a class of that name.") && w.stderr().contains("build-time, byte-code-timestamp"), ScriptRun.describe(w));
            assertFalse(w.stderr().contains("Exception"), w.stderr());
            assertEquals(one, Files.readString(file), "a wrong name leaves the file as it was");
        }

        // by the other name of a class the same fix removes, two at once
        Proc.Result two = ScriptRun.run("Repeatable", ScriptRun.STEP, "--workdir", ws.toString(), "--fix", "byte-code-timestamp,byte-code-references");
        assertEquals(0, two.exitCode(), ScriptRun.describe(two));
        String three = Files.readString(file);
        assertTrue(three.contains(RepeatableBuild.MARK + "build time") && three.contains(RepeatableBuild.MARK + "byte-code contents") && !three.contains(RepeatableBuild.MARK + "byte-code hash"), three);
        Proc.Result again = ScriptRun.run("Repeatable", ScriptRun.STEP, "--workdir", ws.toString(), "--fix", "build-id");
        assertTrue(again.exitCode() == 0 && again.stdout().contains("has the fix for build-id already: nothing written"), ScriptRun.describe(again));
        assertEquals(three, Files.readString(file));

        Proc.Result rest = ScriptRun.run("Repeatable", ScriptRun.STEP, "--workdir", ws.toString(), "--fix");
        assertEquals(0, rest.exitCode(), ScriptRun.describe(rest));
        String all = Files.readString(file);
        int at = -1;
        for (String cls : List.of("build time", "byte-code contents", "build path", "build id", "byte-code hash")) {
            int i = all.indexOf(RepeatableBuild.MARK + cls);
            assertTrue(i > at, cls + " comes after the fix before it, as --fix alone writes them: " + all);
            at = i;
        }
        Proc.Result done = ScriptRun.run("Repeatable", ScriptRun.STEP, "--workdir", ws.toString(), "--fix");
        assertTrue(done.exitCode() == 0 && done.stdout().contains("has the fixes already: nothing written"), ScriptRun.describe(done));
    }

    @Test
    void aNamedRootIsShownByRootsAndCleanedByForceDelete() throws Exception {
        Path ws = built("named", false);
        Proc.Result r = ScriptRun.run("Remember", ScriptRun.STEP, "--workdir", ws.toString(), "--name", "my-python");
        assertEquals(0, r.exitCode(), ScriptRun.describe(r));
        Path link = ws.resolve("my-python");
        assertTrue(Files.isSymbolicLink(link));
        StorePath out = StorePath.find(Files.readSymbolicLink(link).toString()).orElseThrow();
        Proc.Result roots = ScriptRun.run("Roots", ScriptRun.STEP, "--workdir", ws.toString());
        assertTrue(roots.stdout().contains(ScriptRun.shown(link) + " -> " + out), roots.stdout());

        Files.delete(ws.resolve("result"));
        Proc.Result plain = Proc.of("nix-store", "--option", "substituters", "", "--delete", out.path()).run();
        assertTrue(plain.stderr().contains("since it is still alive"), "the named root alone keeps it alive: " + plain.stderr());

        Proc.Result d = ScriptRun.run("ForceDelete", ScriptRun.STEP, "--workdir", ws.toString());
        assertEquals(0, d.exitCode(), ScriptRun.describe(d));
        assertFalse(Files.exists(Path.of(out.path())));
        assertFalse(Files.isSymbolicLink(link), "the dangling named root is removed");
        assertTrue(d.stderr().contains("removed the dangling link " + ScriptRun.shown(link)), d.stderr());

        Proc.Result bad = ScriptRun.run("Remember", ScriptRun.STEP, "--workdir", ws.toString(), "--name", "../escape");
        assertTrue(bad.exitCode() != 0 && bad.stderr().contains("error: "), ScriptRun.describe(bad));
    }
}
