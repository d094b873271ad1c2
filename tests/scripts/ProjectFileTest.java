package scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import nixpylab.Proc;
import org.junit.jupiter.api.Test;
import testkit.HostOnly;
import testkit.ScriptRun;
import testkit.Slow;

/**
 * build.jbang, the project file JBang (with --preview) and the editors' JBang integrations read for
 * the whole repository: it runs the tutorial, its classpath is every script's, and it declares
 * nothing that scripts/nixpylab/Toolkit.java declares (the scripts reach that through their own
 * //SOURCES).
 */
@Slow
@HostOnly // JBang's, not Nix's
class ProjectFileTest {
    static final List<String> TOOLKITS_OWN = List.of("DEPS", "REPOS", "JAVA", "FILES", "JAVA_OPTIONS", "COMPILE_OPTIONS");

    @Test
    void declaresOnlyWhatTheScriptsDoNot() throws Exception {
        List<String> lines = Files.readAllLines(ScriptRun.REPO.resolve("build.jbang"));
        for (String l : lines) {
            String directive = l.strip().split("\\s+")[0];
            assertTrue(!TOOLKITS_OWN.contains(directive), "build.jbang declares " + directive + ", which Toolkit.java declares for every script: " + l);
        }
        assertTrue(lines.contains("SOURCES scripts/*.java"), "every script is in the project: " + lines);
        assertTrue(lines.contains("MAIN Tutorial"), "the project runs the tutorial: " + lines);
    }

    @Test
    void runsTheTutorialWithEveryScriptsClasspath() {
        Proc.Result help = Proc.of(ScriptRun.REPO.resolve("jbang").toString(), "--preview", ".", "--help").in(ScriptRun.REPO).timeout(Duration.ofMinutes(5)).run();
        assertEquals(0, help.exitCode(), ScriptRun.describe(help));
        assertTrue(help.stdout().startsWith("Usage: Tutorial "), help.stdout());
        Proc.Result cp = Proc.of(ScriptRun.REPO.resolve("jbang").toString(), "--preview", "info", "classpath", ".").in(ScriptRun.REPO).timeout(Duration.ofMinutes(5)).run();
        assertEquals(0, cp.exitCode(), ScriptRun.describe(cp));
        for (String jar : List.of("picocli-", "commons-compress-", "asciidoctorj-")) {
            assertTrue(cp.stdout().contains("/" + jar), "the classpath an editor gets has " + jar + " (Toolkit's and Site's dependencies): " + cp.stdout());
        }
    }
}
