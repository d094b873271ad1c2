package nixpylab.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import nixpylab.UserError;
import nixpylab.workspace.WorkspaceState;
import org.junit.jupiter.api.Test;
import testkit.Captures;

/** The one ordered list of steps: what each needs first, the tutorial's order, and a script and chapter for each. */
class StepTest {
    @Test
    void eachStepNeedsTheOnesBeforeItUpToTheBuild() {
        assertEquals(List.of(), Step.FETCH_FAKE_HASH.needs());
        assertEquals(List.of(Step.FETCH_FAKE_HASH), Step.POST_PATCH.needs());
        assertEquals(List.of(Step.FETCH_FAKE_HASH, Step.POST_PATCH), Step.BUILD.needs());
        for (Step s : List.of(Step.ROOTS, Step.FORCE_DELETE, Step.TEST_PYTHON, Step.REPEATABLE, Step.REMEMBER, Step.INPUTS, Step.CONFIGURATION)) {
            assertEquals(List.of(Step.FETCH_FAKE_HASH, Step.POST_PATCH, Step.BUILD), s.needs(), s.name());
        }
    }

    @Test
    void theTutorialBuildsAgainAfterTheForcedDelete() {
        assertEquals(List.of(Step.FETCH_FAKE_HASH, Step.POST_PATCH, Step.BUILD, Step.ROOTS, Step.FORCE_DELETE, Step.BUILD, Step.TEST_PYTHON), Step.tutorial());
    }

    @Test
    void everyStepHasItsScriptItsClassAndItsChapter() {
        Path repo = Captures.repo();
        for (Step s : Step.values()) {
            assertTrue(Files.isRegularFile(repo.resolve("scripts/" + s.script() + ".java")), s.script());
            assertTrue(Files.isRegularFile(repo.resolve("scripts/nixpylab/steps/" + s.script() + "Step.java")), s.script() + "Step");
            assertTrue(Files.isRegularFile(repo.resolve("chapters/" + s.chapter() + ".adoc")), s.chapter());
        }
    }

    @Test
    void aStepBeforeItsPredecessorIsRefusedNamingTheScriptToRun() {
        WorkspaceState st = new WorkspaceState();
        UserError e = assertThrows(UserError.class, () -> Step.BUILD.requireDone(st::done, Path.of("lab")));
        assertTrue(e.getMessage().contains("needs the FetchFakeHash step first"), e.getMessage());
        st.done(Step.FETCH_FAKE_HASH, Instant.now());
        e = assertThrows(UserError.class, () -> Step.BUILD.requireDone(st::done, Path.of("lab")));
        assertTrue(e.next().contains("./jbang scripts/PostPatch.java"), e.next());
    }
}
