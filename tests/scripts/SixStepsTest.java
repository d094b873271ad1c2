package scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nixpylab.Proc;
import nixpylab.derivation.SetupLocal;
import nixpylab.nix.NixHash;
import nixpylab.nix.StorePath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import testkit.OnNix;
import testkit.ScriptRun;
import testkit.TinyWorkspace;

/** The six step scripts, in order, on one workspace, with a tiny real derivation (seconds, real Nix). */
@OnNix
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SixStepsTest {
    static Path work;
    static Path tarball;

    @BeforeAll
    static void setUp() throws Exception {
        TinyWorkspace t = TinyWorkspace.fresh("six-steps");
        work = t.lab();
        tarball = t.tarball();
    }

    static String only(Pattern p, String text) {
        Matcher m = p.matcher(text);
        assertTrue(m.find(), "no match for " + p + " in\n" + text);
        return m.group(1);
    }

    @Test
    @Order(1)
    void fetchReadsTheRealHashFromNixsErrorAndWritesItBack() throws Exception {
        Proc.Result r = ScriptRun.step(work, "FetchFakeHash", "--source", tarball.toString(), "--trust-first-use", "--predict");
        assertEquals(0, r.exitCode(), ScriptRun.describe(r));
        assertTrue(r.stderr().contains("specified: sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="), r.stderr());
        assertTrue(r.stderr().contains("profile bare)"), "auto picks bare where <nixpkgs> does not resolve");
        String expected = NixHash.of(Files.readAllBytes(tarball)).sri();
        assertTrue(r.stderr().contains("got:    " + expected), r.stderr());
        assertTrue(r.stderr().contains("predicted: " + expected), r.stderr());
        assertTrue(r.stderr().contains("the prediction matches Nix's got: line"), r.stderr());
        Path nix = work.resolve("chrism-py01.nix");
        assertTrue(Files.readString(nix).contains("hash = \"" + expected + "\";"));
        StorePath src = StorePath.parse(r.stdout());
        assertTrue(Files.isRegularFile(Path.of(src.path())), "the proven source is in the store");
        assertEquals(-1, Files.mismatch(Path.of(src.path()), tarball));
    }

    @Test
    @Order(2)
    void postPatchAddsSetupLocalAndChangesTheDrv() throws Exception {
        Proc.Result r = ScriptRun.step(work, "PostPatch", "--without", "_tkinter");
        assertEquals(0, r.exitCode(), ScriptRun.describe(r));
        String before = only(Pattern.compile("before: (\\S+)"), r.stderr());
        String after = only(Pattern.compile("after:  (\\S+)"), r.stderr());
        assertNotEquals(before, after);
        assertEquals(after, r.stdout().strip());
        assertTrue(Files.readString(work.resolve("chrism-py01.nix")).contains("_lzma _lzmamodule.c -llzma"));
        assertFalse(Files.readString(work.resolve("chrism-py01.nix")).contains("_tkinter"));
    }

    @Test
    @Order(3)
    void buildLinksResultAndThePatchReachedTheBuild() throws Exception {
        Proc.Result r = ScriptRun.step(work, "Build");
        assertEquals(0, r.exitCode(), ScriptRun.describe(r));
        StorePath out = StorePath.parse(r.stdout());
        assertEquals(out.path(), Files.readSymbolicLink(work.resolve("result")).toString());
        String setup = Files.readString(Path.of(out.path(), "share/Setup.local"));
        assertEquals(SetupLocal.text(SetupLocal.select(List.of(), List.of("_tkinter")), "0.1"), setup);
        assertTrue(r.stderr().contains("Running phase") || r.stderr().contains("Phase"), r.stderr());
        assertTrue(Files.readString(work.resolve("logs").toFile().listFiles()[0].toPath()).contains("Running phase: installPhase"));

        Proc.Result again = ScriptRun.step(work, "Build");
        assertEquals(0, again.exitCode(), ScriptRun.describe(again));
        assertEquals(out.path(), again.stdout().strip());
        long ms = Long.parseLong(only(Pattern.compile("already in the store: nothing to build \\((\\d+) ms\\)"), again.stderr()));
        assertTrue(ms < 1000, "a build already in the store answers in under a second, took " + ms + " ms");

        // the tutorial's way: both streams on one terminal, the notes on how Nix runs here said once per run
        Path notesSaid = Files.createTempFile(work.getParent(), "notes", ".txt");
        Proc.Result first = tutorialStep(notesSaid, "Build");
        Proc.Result second = tutorialStep(notesSaid, "Build");
        assertEquals(0, first.exitCode() + second.exitCode(), ScriptRun.describe(first) + ScriptRun.describe(second));
        assertEquals(1, first.stdout().split(Pattern.quote(out.path()), -1).length - 1, "on one terminal the store path is said once, after result ->: " + first.stdout());
        assertFalse(first.stdout().contains("\n" + out.path() + "\n"), "not again on a line of its own: " + first.stdout());
        for (String note : Files.readAllLines(notesSaid)) {
            assertTrue(first.stdout().contains(note), "the first step of a run says " + note);
            assertFalse(second.stdout().contains(note), "the next one does not: " + second.stdout());
        }
        assertTrue(again.stdout().contains(out.path()), "with stdout apart from stderr the path is still the result");
    }

    /** A step as the tutorial runs it: stdout and stderr in one stream, and the file of notes already said. */
    static Proc.Result tutorialStep(Path notesSaid, String script) {
        return Proc.of(ScriptRun.REPO.resolve("jbang").toString(), "--quiet", ScriptRun.REPO.resolve("scripts/" + script + ".java").toString(), "--workdir", work.toString())
                .in(ScriptRun.REPO).timeout(ScriptRun.STEP).env("NIXPY_SOURCES", ScriptRun.TEST_SOURCES).env(terminal.Lab.NOTES_SAID_FILE, notesSaid.toString()).oneStream().run();
    }

    @Test
    @Order(4)
    void rootsNameTheResultLink() {
        Proc.Result r = ScriptRun.step(work, "Roots");
        assertEquals(0, r.exitCode(), ScriptRun.describe(r));
        assertTrue(r.stdout().contains(ScriptRun.shown(work.resolve("result")) + " -> /nix/store/"), r.stdout());
        assertTrue(r.stderr().contains("the symlink nix-build left behind"), r.stderr());
    }

    @Test
    @Order(5)
    void forceDeleteLeavesAPathSomeoneElseStillRoots() throws Exception {
        StorePath out = StorePath.find(Files.readSymbolicLink(work.resolve("result")).toString()).orElseThrow();
        Path other = Files.createDirectories(work.resolveSibling("six-steps-other")).resolve("keep");
        Proc.Result root = Proc.of("nix-store", "--option", "substituters", "", "-r", out.path(), "--add-root", other.toString(), "--indirect").run();
        assertEquals(0, root.exitCode(), root.stderr());
        try {
            Proc.Result r = ScriptRun.step(work, "ForceDelete");
            assertEquals(1, r.exitCode(), ScriptRun.describe(r));
            assertTrue(r.stderr().contains("also kept alive by a root outside this workspace (" + ScriptRun.shown(other) + ")"), r.stderr());
            assertTrue(Files.exists(Path.of(out.path())), "still in the store");
            assertTrue(Files.isSymbolicLink(work.resolve("result")), "the workspace's own link is kept too");
        } finally {
            Files.deleteIfExists(other);
        }
    }

    @Test
    @Order(6)
    void forceDeleteIsRefusedWhileAliveThenDeletesAndCleansTheLink() throws Exception {
        StorePath out = StorePath.find(Files.readSymbolicLink(work.resolve("result")).toString()).orElseThrow();
        Proc.Result dry = ScriptRun.step(work, "ForceDelete", "--dry-run");
        assertEquals(0, dry.exitCode(), ScriptRun.describe(dry));
        assertTrue(dry.stderr().contains("  " + out), dry.stderr());
        assertTrue(Files.exists(Path.of(out.path())), "--dry-run deletes nothing");

        Proc.Result r = ScriptRun.step(work, "ForceDelete");
        assertEquals(0, r.exitCode(), ScriptRun.describe(r));
        assertTrue(r.stderr().contains("since it is still alive"), r.stderr());
        assertTrue(r.stderr().contains("--ignore-liveness"), r.stderr());
        assertFalse(Files.exists(Path.of(out.path())), "the path is gone from the store");
        assertFalse(Files.isSymbolicLink(work.resolve("result")), "the dangling result link is removed");
        assertTrue(r.stdout().contains("deleted " + out));

        Proc.Result t = ScriptRun.step(work, "TestPython");
        assertEquals(1, t.exitCode(), ScriptRun.describe(t));
        assertTrue(t.stderr().contains("no longer in the store") || t.stderr().contains("needs the Build step"), t.stderr());
    }

    @Test
    @Order(7)
    void rebuildThenImportEachModule() {
        Proc.Result b = ScriptRun.step(work, "Build");
        assertEquals(0, b.exitCode(), ScriptRun.describe(b));
        Proc.Result r = ScriptRun.step(work, "TestPython");
        assertEquals(0, r.exitCode(), ScriptRun.describe(r));
        for (String m : new String[] {"zlib", "readline", "lzma", "sqlite3", "curses", "bz2", "ctypes", "hashlib", "ssl"}) {
            assertTrue(Pattern.compile("(?m)^" + m + "\\s+ok\\b").matcher(r.stdout()).find(), m + " in\n" + r.stdout());
        }
        assertTrue(r.stderr().contains("9 of 9 imports ok"), r.stderr());
    }

    @Test
    @Order(8)
    void aFailedImportFailsTheStep() {
        // the host python has no _tkinter module unless python3-tk is installed: add it and expect the row to say so
        Proc.Result p = ScriptRun.step(work, "PostPatch");
        assertEquals(0, p.exitCode(), ScriptRun.describe(p));
        Proc.Result b = ScriptRun.step(work, "Build");
        assertEquals(0, b.exitCode(), ScriptRun.describe(b));
        Proc.Result r = ScriptRun.step(work, "TestPython");
        boolean hostHasTk = Proc.of("/usr/bin/python3", "-c", "import tkinter").run().ok();
        assertEquals(hostHasTk ? 0 : 1, r.exitCode(), ScriptRun.describe(r));
        if (!hostHasTk) assertTrue(Pattern.compile("(?m)^tkinter\\s+failed\\s+\\S+").matcher(r.stdout()).find(), r.stdout());
    }

    @Test
    @Order(9)
    void forceDeleteRemovesEveryOlderBuildOfThisWorkspaceOnly() throws Exception {
        Proc.Result r = ScriptRun.step(work, "ForceDelete");
        assertEquals(0, r.exitCode(), ScriptRun.describe(r));
        long deleted = r.stdout().lines().filter(l -> l.startsWith("deleted ")).count();
        assertEquals(2, deleted, "the build without _tkinter and the one with it:\n" + r.stdout());
        String state = Files.readString(work.resolve(".nixpylab/state.properties"), StandardCharsets.UTF_8);
        assertFalse(state.contains("built="), state);
    }
}
