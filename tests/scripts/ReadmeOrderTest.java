package scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import nixpylab.Proc;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import testkit.HostOnly;
import testkit.ScriptRun;
import testkit.Slow;

/**
 * README's two commands in the order it gives them: the tutorial first, in lab/, then the tests.
 * This class runs first (RunTests orders classes by @Order): when lab/ holds no live build of the
 * first command (CI runs it before the tests; a developer may not have), it runs that command, as
 * README writes it. Every other test then runs with that CPython in the store, as a learner's
 * machine has it; {@link ReadmeOrderLastTest} checks at the end that none of them touched it.
 */
@Slow
@HostOnly
@Order(1)
class ReadmeOrderTest {
    static final Path LAB = ScriptRun.REPO.resolve("lab");

    /** README's first command, word for word. */
    static List<String> firstCommand() throws Exception {
        for (String line : Files.readAllLines(ScriptRun.REPO.resolve("README.adoc"))) {
            if (line.startsWith("./jbang ")) return List.of(line.strip().split("\\s+"));
        }
        throw new AssertionError("README.adoc has no ./jbang command");
    }

    /** The store path lab/result points to, when it is a live build. */
    static Optional<Path> labBuild() throws Exception {
        return labBuild(LAB);
    }

    /** The store path a workspace's result link points to, when it is a live build. */
    static Optional<Path> labBuild(Path workspace) throws Exception {
        Path link = workspace.resolve("result");
        if (!Files.isSymbolicLink(link) || !Files.exists(link)) return Optional.empty();
        return Optional.of(Files.readSymbolicLink(link));
    }

    static Path before;

    @Test
    void theTutorialRanFirstInLab() throws Exception {
        List<String> cmd = firstCommand();
        assertEquals(List.of("./jbang", "scripts/Tutorial.java"), cmd, "README's first command runs the whole tutorial on the default");
        if (labBuild().isEmpty()) {
            Proc.Result r = Proc.of(cmd).in(ScriptRun.REPO).timeout(Duration.ofMinutes(40)).run();
            assertEquals(0, r.exitCode(), ScriptRun.describe(r));
        }
        before = labBuild().orElseThrow(() -> new AssertionError("README's first command left no live lab/result"));
        assertTrue(before.getFileName().toString().contains("-chrism-py3"), before.toString());
    }
}
