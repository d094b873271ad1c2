package scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.regex.Pattern;
import nixpylab.Proc;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import testkit.HostOnly;
import testkit.ScriptRun;
import testkit.Slow;

/** Runs last: after every other test (other tutorials, the site, the workshop), README's first command's CPython is still there and works. */
@Slow
@HostOnly
@Order(Integer.MAX_VALUE)
class ReadmeOrderLastTest {
    @Test
    void theFirstCommandsBuildOutlivedEveryOtherTest() throws Exception {
        assertNotNull(ReadmeOrderTest.before, "ReadmeOrderTest ran first");
        assertEquals(ReadmeOrderTest.before, ReadmeOrderTest.labBuild().orElse(null), "lab/result still points to the same live build");
        assertTrue(Files.isDirectory(ReadmeOrderTest.before), "and it is in the store");
        Proc.Result r = ScriptRun.run("TestPython", Duration.ofMinutes(2), "--workdir", ReadmeOrderTest.LAB.toString());
        assertEquals(0, r.exitCode(), ScriptRun.describe(r));
        assertTrue(Pattern.compile("(?m)^tkinter\\s+ok\\s+built-in$").matcher(r.stdout()).find(), r.stdout());
    }
}
