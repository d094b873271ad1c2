package scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import nixpylab.Proc;
import nixpylab.currentnix.CurrentNixRoot;
import org.junit.jupiter.api.Test;
import testkit.ScriptRun;
import testkit.Slow;

/**
 * README's first command: the whole tutorial on the bare profile, building real CPython twice
 * (minutes). On this machine's Nix, when README's first command already ran in lab/ (CI runs it
 * before the tests, and so does {@link ReadmeOrderTest} when lab/ has no build) and kept its output
 * in {@link ReadmeOrderTest#FIRST_OUTPUT}, that run is the one checked: the same command, so its two
 * builds are not paid again. Otherwise (on the current Nix, or a lab/ built before) it runs the
 * tutorial itself in tests/work/full-tutorial.
 */
@Slow
class FullTutorialTest {
    @Test
    void realCpythonImportsEveryModule() throws Exception {
        Optional<String> readme = CurrentNixRoot.inside() ? Optional.empty() : readmeFirstRun();
        if (readme.isPresent()) {
            System.out.println("    (checking README's first command's own run in lab/, kept in " + ScriptRun.REPO.relativize(ReadmeOrderTest.FIRST_OUTPUT) + ")");
            check(readme.get(), readme.get());
            return;
        }
        Path ws = ScriptRun.REPO.resolve("tests/work/full-tutorial");
        Proc.of("rm", "-rf", ws.toString()).run();
        Proc.Result r = Proc.of(ScriptRun.REPO.resolve("jbang").toString(), "--quiet", "scripts/Tutorial.java", "--workdir", ws.toString())
                .in(ScriptRun.REPO).timeout(Duration.ofMinutes(40)).run();
        assertEquals(0, r.exitCode(), ScriptRun.describe(r));
        check(r.stdout(), r.stderr());
        // leave the store as we found it, so that other tests' builds are their own
        Proc.Result clean = ScriptRun.run("ForceDelete", Duration.ofMinutes(2), "--workdir", ws.toString());
        assertEquals(0, clean.exitCode(), ScriptRun.describe(clean));
    }

    static void check(String stdout, String stderr) {
        for (String m : new String[] {"zlib", "readline", "lzma", "sqlite3", "curses", "bz2", "ctypes", "ssl", "tkinter"}) {
            assertTrue(Pattern.compile("(?m)^" + m + "\\s+ok\\s+built-in$").matcher(stdout).find(), m + ":\n" + stdout);
        }
        assertTrue(stderr.contains("since it is still alive"), "the forced delete was first refused");
        assertTrue(Pattern.compile("(?m)^\\s*Build\\s+ok .*built in").matcher(stderr).find(), "the first build built CPython:\n" + stderr);
        assertTrue(Pattern.compile("(?m)^\\s*ForceDelete\\s+ok\\s.*deleted 1").matcher(stderr).find(), "the forced delete deleted its build:\n" + stderr);
        assertTrue(Pattern.compile("(?m)^\\s*Build \\(again\\)\\s+ok .*built in").matcher(stderr).find(), "and it was built again:\n" + stderr);
        assertTrue(Pattern.compile("TestPython\\s+ok").matcher(stderr).find(), stderr);
        assertTrue(stderr.contains("CPython 3.") || stdout.contains("CPython 3."), stderr);
    }

    /** README's first command's output, when it is kept and made the build lab/result holds now. */
    static Optional<String> readmeFirstRun() throws Exception {
        Path kept = ReadmeOrderTest.FIRST_OUTPUT;
        Optional<Path> lab = ReadmeOrderTest.labBuild();
        if (!Files.isRegularFile(kept) || lab.isEmpty()) return Optional.empty();
        String text = Files.readString(kept);
        return text.contains("result -> " + lab.get()) ? Optional.of(text) : Optional.empty();
    }
}
