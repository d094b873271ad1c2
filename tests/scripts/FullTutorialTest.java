package scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nixpylab.Proc;
import nixpylab.nix.NixVersion;
import nixpylab.workspace.TutorialRun;
import org.junit.jupiter.api.Test;
import testkit.ScriptRun;
import testkit.Slow;

/**
 * README's first command: the whole tutorial on the bare profile, building real CPython twice
 * (minutes). When that command already ran in lab/ on this Nix (a learner runs it before the
 * tests, as README says; so do CI and {@link ReadmeOrderTest} when lab/ has no build), the run it
 * kept there ({@link TutorialRun}) is the one checked, against Nix's records: its result valid in
 * this store and still lab/result's, built from lab/'s derivation, and its modules imported again
 * now. Otherwise (on the current Nix, whose store lab/'s builds are not in) it runs the tutorial
 * itself in tests/work/full-tutorial.
 */
@Slow
class FullTutorialTest {
    static final Pattern BUILT = Pattern.compile("^built in .*");

    @Test
    void realCpythonImportsEveryModule() throws Exception {
        Optional<TutorialRun> learners = learnersRun(ReadmeOrderTest.LAB);
        if (learners.isPresent()) {
            System.out.println("    (checking the tutorial run README's first command made in lab/, finished " + learners.get().finished() + ")");
            check(learners.get());
            Proc.Result imports = ScriptRun.run("TestPython", ScriptRun.STEP, "--workdir", ReadmeOrderTest.LAB.toString());
            assertEquals(0, imports.exitCode(), ScriptRun.describe(imports));
            checkModules(imports.stdout());
            return;
        }
        Path ws = ScriptRun.REPO.resolve("tests/work/full-tutorial");
        Proc.of("rm", "-rf", ws.toString()).run();
        Proc.Result r = Proc.of(ScriptRun.REPO.resolve("jbang").toString(), "--quiet", "scripts/Tutorial.java", "--workdir", ws.toString())
                .in(ScriptRun.REPO).timeout(Duration.ofMinutes(40)).run();
        assertEquals(0, r.exitCode(), ScriptRun.describe(r));
        checkModules(r.stdout());
        assertTrue(r.stderr().contains("since it is still alive"), "the forced delete was first refused");
        TutorialRun kept = TutorialRun.read(ws).orElseThrow(() -> new AssertionError("the tutorial kept no record of its run in " + ws));
        check(kept);
        assertEquals(NixVersion.installed().text(), kept.nixVersion());
        assertEquals(ReadmeOrderTest.labBuild(ws).map(Path::toString), kept.result(), "the record names the build the workspace's result link holds");
        // leave the store as we found it, so that other tests' builds are their own
        Proc.Result clean = ScriptRun.run("ForceDelete", Duration.ofMinutes(2), "--workdir", ws.toString());
        assertEquals(0, clean.exitCode(), ScriptRun.describe(clean));
    }

    static void checkModules(String stdout) {
        for (String m : new String[] {"zlib", "readline", "lzma", "sqlite3", "curses", "bz2", "ctypes", "ssl", "tkinter"}) {
            assertTrue(Pattern.compile("(?m)^" + m + "\\s+ok\\s+built-in$").matcher(stdout).find(), m + ":\n" + stdout);
        }
    }

    /** What a whole tutorial run must have done, step by step, as it kept it. */
    static void check(TutorialRun run) {
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(List.of("FetchFakeHash", "PostPatch", "Build", "Roots", "ForceDelete", "Build (again)", "TestPython"),
                run.steps().stream().map(TutorialRun.StepRun::name).toList(), "every step ran, in the tutorial's order");
        for (TutorialRun.StepRun s : run.steps()) assertEquals(0, s.exitCode(), s.toString());
        assertTrue(run.step("Build").orElseThrow().said().startsWith("built in"), "the first build built CPython: " + run);
        assertEquals("deleted 1", run.step("ForceDelete").orElseThrow().said(), "the forced delete deleted its build");
        assertTrue(run.step("Build (again)").orElseThrow().said().startsWith("built in"), "and it was built again: " + run);
        assertTrue(run.step("TestPython").orElseThrow().said().matches("(\\d+) of \\1 imports ok"), run.toString());
    }

    /**
     * The run the tutorial kept in a workspace, when it is a whole run on this Nix whose result Nix
     * says is valid here, is still the workspace's result, and was built from the workspace's file.
     */
    static Optional<TutorialRun> learnersRun(Path lab) throws Exception {
        Optional<TutorialRun> run = TutorialRun.read(lab);
        Optional<Path> built = ReadmeOrderTest.labBuild(lab);
        if (run.isEmpty() || built.isEmpty() || run.get().result().isEmpty()) return Optional.empty();
        if (!run.get().nixVersion().equals(NixVersion.installed().text()) || !run.get().result().get().equals(built.get().toString())) return Optional.empty();
        Proc.Result valid = Proc.of("nix-store", "--check-validity", built.get().toString()).timeout(ScriptRun.STEP).run();
        if (valid.exitCode() != 0) return Optional.empty();
        Path nixFile;
        try (Stream<Path> files = Files.list(lab)) {
            nixFile = files.filter(p -> p.getFileName().toString().matches("chrism-py\\d+\\.nix")).findFirst().orElse(null);
        }
        if (nixFile == null) return Optional.empty();
        Proc.Result drv = Proc.of("nix-store", "--query", "--deriver", built.get().toString()).timeout(ScriptRun.STEP).run();
        Proc.Result instantiated = Proc.of("nix-instantiate", "--option", "substituters", "", nixFile.toString()).timeout(ScriptRun.STEP).run();
        return drv.stdout().strip().equals(instantiated.stdout().strip()) ? run : Optional.empty();
    }
}
