package workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nixpylab.UserError;
import org.junit.jupiter.api.Test;
import testkit.Captures;

/** The exercises in the repository are complete, and the workshop reads their files the way they are written. */
class ExerciseCatalogTest {
    static final Path EXERCISES = Captures.repo().resolve("exercises");

    @Test
    void everyExerciseIsComplete() throws Exception {
        Catalog c = Catalog.load(EXERCISES);
        assertEquals(6, c.exercises().size(), "six exercises");
        int n = 1;
        for (Exercise e : c.exercises()) {
            assertEquals(n++, e.number(), "numbered without gaps: " + e.slug());
            assertFalse(e.title().equals(e.slug()), e.slug() + " has a title");
            for (String ch : e.chapters()) assertTrue(Files.exists(Captures.repo().resolve("chapters").resolve(ch + ".adoc")), e.slug() + ": chapter " + ch + " exists");
            Check.of(e); // a known check, or a UserError
            assertTrue(e.hints().size() >= 2, e.slug() + " has hints to reveal one at a time");
            assertTrue(e.task().startsWith("= " + e.title() + "\n"), e.slug() + ": task.adoc's title is the exercise's title");
            assertFalse(e.files().isEmpty(), e.slug() + " names the learner's files");
            for (String f : e.files()) assertTrue(Files.isRegularFile(e.startDir().resolve(f)), e.slug() + ": starting file " + f);
            assertFalse(Exercise.filesUnder(e.solutionDir()).isEmpty() && e.solutionCommands().isEmpty(), e.slug() + " has a reference solution");
            for (String f : Exercise.filesUnder(e.solutionDir())) {
                assertNotEquals(Files.readString(e.startDir().resolve(f)), Files.readString(e.solutionDir().resolve(f)), e.slug() + ": the solution changes " + f);
            }
        }
    }

    @Test
    void eachExercisesChapterPointsToItAndTheWorkshopChapterListsThem() throws Exception {
        Catalog c = Catalog.load(EXERCISES);
        Path chapters = Captures.repo().resolve("chapters");
        for (Exercise e : c.exercises()) {
            for (String ch : e.chapters()) {
                assertTrue(Files.readString(chapters.resolve(ch + ".adoc")).contains("exercise::" + e.slug() + "[]"), ch + " points to " + e.slug());
            }
        }
        assertTrue(Files.readString(chapters.resolve("09-workshop.adoc")).contains("exercises::[]"));
    }

    @Test
    void exercisesFindByNumberOrFolderAndRefuseOthers() {
        Catalog c = Catalog.load(EXERCISES);
        assertEquals("03-two-builds", c.find("3").slug());
        assertEquals("03-two-builds", c.find("03-two-builds").slug());
        UserError e = assertThrows(UserError.class, () -> c.find("9"));
        assertTrue(e.getMessage().contains("numbered 1 to 6"), e.getMessage());
        assertThrows(UserError.class, () -> c.find("lzma"));
    }

    @Test
    void hintsAreTheSectionsInOrder() {
        List<String> h = Exercise.parseHints("intro ignored\n== Hint 1\nfirst\nline\n\n== Hint 2\nsecond\n");
        assertEquals(List.of("first\nline", "second"), h);
        assertEquals(List.of(), Exercise.parseHints(""));
    }

    @Test
    void commandsAreWordListsWithoutAShell() {
        List<List<String>> c = Exercise.parseCommands("# comment\n\nrm  result\nnix-store --delete @out:old.nix@\n");
        assertEquals(List.of(List.of("rm", "result"), List.of("nix-store", "--delete", "@out:old.nix@")), c);
    }

    @Test
    void placeholdersAreFilledAndUnknownOnesRefused() {
        Map<String, String> v = Map.of("sourceUrl", "file:///x.tgz", "out:old.nix", "/nix/store/abc-old");
        assertEquals("url = \"file:///x.tgz\"; p = /nix/store/abc-old; a@b.c", ExerciseTemplate.fill("url = \"@sourceUrl@\"; p = @out:old.nix@; a@b.c", v::get));
        UserError e = assertThrows(UserError.class, () -> ExerciseTemplate.fill("@nope@", v::get));
        assertTrue(e.getMessage().contains("@nope@"), e.getMessage());
    }

    @Test
    void theWatcherIgnoresEditorDebrisAndHiddenFiles() {
        assertTrue(Watcher.hidden(".python.nix.swp"));
        assertTrue(Watcher.hidden("app.nix~"));
        assertTrue(Watcher.hidden("4913"));
        assertTrue(Watcher.hidden(".git/config"));
        assertFalse(Watcher.hidden("src/hello.py"));
        assertFalse(Watcher.hidden("python.nix"));
    }
}
