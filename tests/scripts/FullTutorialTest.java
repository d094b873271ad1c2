package scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import nixpylab.Proc;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import testkit.ScriptRun;

/** README's first command: the whole tutorial on the bare profile, building real CPython (minutes). */
@Tag("slow")
class FullTutorialTest {
    @Test
    void realCpythonImportsEveryModule() {
        Path ws = ScriptRun.REPO.resolve("tests/work/full-tutorial");
        Proc.of("rm", "-rf", ws.toString()).run();
        Proc.Result r = Proc.of(ScriptRun.REPO.resolve("jbang").toString(), "--quiet", "scripts/Tutorial.java", "--workdir", ws.toString())
                .in(ScriptRun.REPO).timeout(Duration.ofMinutes(40)).run();
        assertEquals(0, r.exitCode(), ScriptRun.describe(r));
        for (String m : new String[] {"zlib", "readline", "lzma", "sqlite3", "curses", "bz2", "ctypes", "ssl", "tkinter"}) {
            assertTrue(Pattern.compile("(?m)^" + m + "\\s+ok\\s+built-in$").matcher(r.stdout()).find(), m + ":\n" + r.stdout());
        }
        assertTrue(r.stderr().contains("since it is still alive"), "the forced delete was first refused");
        assertTrue(Pattern.compile("TestPython\\s+ok").matcher(r.stderr()).find(), r.stderr());
        assertTrue(r.stderr().contains("CPython 3."), r.stderr());
        // leave the store as we found it, so that other tests' builds are their own
        Proc.Result clean = ScriptRun.run("ForceDelete", Duration.ofMinutes(2), "--workdir", ws.toString());
        assertEquals(0, clean.exitCode(), ScriptRun.describe(clean));
    }
}
