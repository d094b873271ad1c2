package scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nixpylab.Proc;
import nixpylab.ShellWords;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import testkit.OnNix;
import testkit.ScriptRun;
import testkit.TinyWorkspace;

/**
 * The steps a learner does by hand (--by-hand), on a tiny real derivation: the step says what to
 * write and type, Nix decides whether it is done, and the wrong answers learners give are named
 * without a byte of their file changed; a learner who stops goes on with the same command.
 * Input ends at once here (no terminal), so each run checks once and stops, as "q" would.
 */
@OnNix
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ByHandTest {
    static Path work;
    static Path file;
    static List<String> postPatchLines;

    static TinyWorkspace tiny;

    @BeforeAll
    static void emptyWorkspace() {
        tiny = TinyWorkspace.fresh("by-hand");
        work = tiny.lab();
        file = work.resolve(tiny.nixFileName());
    }

    /** The commands the step told the learner to type, as words. */
    static List<List<String>> typed(Proc.Result r) {
        return r.stderr().lines().filter(l -> l.startsWith("  $ ")).map(l -> ShellWords.split(l.substring(4))).toList();
    }

    @Test
    @Order(0)
    void theHashIsCopiedFromNixsGotLineByHand() throws Exception {
        String source = tiny.tarball().toString();
        Proc.Result first = ScriptRun.step(work, "FetchFakeHash", "--by-hand", "--source", source, "--trust-first-use");
        String fake = Files.readString(file);
        assertStoppedUnchanged(first, fake, "still has the fake hash");
        List<String> nixBuild = typed(first).get(1);
        assertEquals("nix-build", nixBuild.get(0), first.stderr());
        Proc.Result failing = Proc.of(nixBuild).in(work).timeout(ScriptRun.STEP).run();
        Matcher got = Pattern.compile("got:\\s+(sha256-[A-Za-z0-9+/]{43}=)").matcher(failing.stderr());
        assertTrue(got.find(), "the learner reads the hash off Nix's error: " + failing.stderr());
        String fakeHash = "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
        assertTrue(fake.contains(fakeHash), fake);
        // copied wrong: one character off (Nix fetches and refuses), and one character lost (not a hash at all);
        // a lost closing = is not wrong: Nix 2.8 reads the hash without its padding too, so the check leaves that to Nix
        String real = got.group(1);
        String typo = real.substring(0, 10) + (real.charAt(10) == 'A' ? 'B' : 'A') + real.substring(11);
        for (String wrong : List.of(typo, real.substring(0, 20) + real.substring(21))) {
            String mine = fake.replace(fakeHash, wrong);
            Files.writeString(file, mine);
            Proc.Result r = ScriptRun.step(work, "FetchFakeHash", "--by-hand", "--source", source, "--trust-first-use");
            assertStoppedUnchanged(r, mine, wrong.equals(typo) ? "but the file declares " + typo : "Nix could not");
        }
        String right = fake.replace(fakeHash, real);
        Files.writeString(file, right);
        // the right hash, but a made-up tarball nobody vouches for: not done without --trust-first-use
        Proc.Result unvouched = ScriptRun.step(work, "FetchFakeHash", "--by-hand", "--source", source);
        assertStoppedUnchanged(unvouched, right, "--trust-first-use");
        Proc.Result done = ScriptRun.step(work, "FetchFakeHash", "--by-hand", "--source", source, "--trust-first-use");
        assertEquals(0, done.exitCode(), ScriptRun.describe(done));
        assertTrue(done.stderr().contains("Nix accepts the source with the hash you wrote (" + real + ")"), done.stderr());
        assertEquals(right, Files.readString(file));
    }

    /** The file with these lines put in before its closing brace, as a learner pastes them. */
    static String withLines(String text, List<String> lines) {
        int end = text.stripTrailing().lastIndexOf('}');
        return text.substring(0, end) + String.join("\n", lines) + "\n" + text.substring(end);
    }

    static void assertStoppedUnchanged(Proc.Result r, String before, String says) throws Exception {
        assertEquals(3, r.exitCode(), ScriptRun.describe(r));
        assertTrue(r.stderr().contains(says), "says: " + says + "\n" + r.stderr());
        assertTrue(r.stderr().contains("stopped: nothing was changed"), r.stderr());
        assertEquals(before, Files.readString(file), "the learner's file is left as they wrote it");
    }

    @Test
    @Order(1)
    void postPatchSaysWhatToWriteAndWaits() throws Exception {
        String before = Files.readString(file);
        Proc.Result r = ScriptRun.step(work, "PostPatch", "--by-hand", "--without", "_tkinter");
        assertStoppedUnchanged(r, before, "has no postPatch: the file does not set one yet");
        assertTrue(r.stderr().contains("by hand: give the derivation a postPatch"), r.stderr());
        postPatchLines = new ArrayList<>();
        boolean in = false;
        for (String l : r.stderr().split("\n")) {
            if (l.startsWith("write into ")) in = true;
            else if (in && l.startsWith("  ")) postPatchLines.add(l.substring(2));
            else if (in) break;
        }
        assertTrue(postPatchLines.stream().anyMatch(l -> l.contains("postPatch")) && postPatchLines.stream().anyMatch(l -> l.strip().startsWith("zlib ")), postPatchLines.toString());
    }

    @Test
    @Order(2)
    void wrongPostPatchesAreNamedAndLeftAlone() throws Exception {
        String clean = Files.readString(file);
        // a postPatch that writes the modules somewhere else
        String elsewhere = withLines(clean, List.of("  postPatch = ''", "    echo 'zlib zlibmodule.c -lz' > Setup.local", "  '';"));
        Files.writeString(file, elsewhere);
        assertStoppedUnchanged(ScriptRun.step(work, "PostPatch", "--by-hand", "--without", "_tkinter"), elsewhere, "does not write Modules/Setup.local");
        // the right place, one module forgotten
        List<String> noLzma = postPatchLines.stream().filter(l -> !l.strip().startsWith("_lzma ")).toList();
        String forgot = withLines(clean, noLzma);
        Files.writeString(file, forgot);
        assertStoppedUnchanged(ScriptRun.step(work, "PostPatch", "--by-hand", "--without", "_tkinter"), forgot, "without a line for _lzma");
        // a file Nix cannot read: Nix's own words
        String broken = withLines(clean, List.of("  postPatch = ''"));
        Files.writeString(file, broken);
        assertStoppedUnchanged(ScriptRun.step(work, "PostPatch", "--by-hand", "--without", "_tkinter"), broken, "Nix could not evaluate");
        Files.writeString(file, clean);
    }

    @Test
    @Order(3)
    void theRightPostPatchIsFoundDoneByNixAndLaterStepsWorkFromIt() throws Exception {
        String mine = withLines(Files.readString(file), postPatchLines);
        Files.writeString(file, mine);
        Proc.Result r = ScriptRun.step(work, "PostPatch", "--by-hand", "--without", "_tkinter");
        assertEquals(0, r.exitCode(), ScriptRun.describe(r));
        assertTrue(r.stderr().contains("done already, by hand: Nix's derivation /nix/store/"), r.stderr());
        assertEquals(mine, Files.readString(file), "the learner's own file stays");
        Proc.Result again = ScriptRun.step(work, "PostPatch", "--by-hand", "--without", "_tkinter");
        assertEquals(0, again.exitCode(), "a learner who comes back finds it done: " + ScriptRun.describe(again));
    }

    @Test
    @Order(4)
    void buildByHandWantsTheOutputInTheStoreAndTheWorkspacesResultAsItsRoot() throws Exception {
        Proc.Result r = ScriptRun.step(work, "Build", "--by-hand");
        assertEquals(3, r.exitCode(), ScriptRun.describe(r));
        assertTrue(r.stderr().contains("is not in the store"), r.stderr());
        List<String> nixBuild = new ArrayList<>(typed(r).get(1));
        assertEquals(file.getFileName().toString(), nixBuild.get(nixBuild.size() - 1), "the file, typed in the workspace's folder");
        // typed in another folder: Nix built the output, but the workspace's result is not its root
        Path elsewhere = Files.createTempDirectory(work.getParent(), "elsewhere");
        List<String> there = new ArrayList<>(nixBuild);
        there.set(there.size() - 1, file.toString());
        Proc.Result built = Proc.of(there).in(elsewhere).timeout(ScriptRun.STEP).run();
        assertEquals(0, built.exitCode(), ScriptRun.describe(built));
        Proc.Result notMine = ScriptRun.step(work, "Build", "--by-hand");
        assertEquals(3, notMine.exitCode(), ScriptRun.describe(notMine));
        assertTrue(notMine.stderr().contains("is not one of its roots") && notMine.stderr().contains(elsewhere.resolve("result").toString()), notMine.stderr());
        Files.delete(elsewhere.resolve("result"));
        Proc.Result mine = Proc.of(nixBuild).in(work).timeout(ScriptRun.STEP).run();
        assertEquals(0, mine.exitCode(), ScriptRun.describe(mine));
        Proc.Result done = ScriptRun.step(work, "Build", "--by-hand");
        assertEquals(0, done.exitCode(), ScriptRun.describe(done));
        assertTrue(done.stderr().contains("is its root"), done.stderr());
        Proc.Result roots = ScriptRun.step(work, "Roots");
        assertEquals(0, roots.exitCode(), "the next step goes on from the learner's build: " + ScriptRun.describe(roots));
    }

    @Test
    @Order(6)
    void theTutorialByHandStopsWhereTheLearnerStopsAndGoesOnFromThere() throws Exception {
        TinyWorkspace t = TinyWorkspace.fresh("by-hand-tutorial");
        Path lab = t.lab();
        Path nix = lab.resolve(t.nixFileName());
        List<String> args = List.of("--by-hand", "--workdir", lab.toString(), "--source", t.tarball().toString(), "--trust-first-use");
        Proc.Result first = ScriptRun.run("Tutorial", Duration.ofMinutes(5), args.toArray(String[]::new));
        assertEquals(3, first.exitCode(), ScriptRun.describe(first));
        assertTrue(first.stderr().contains("still has the fake hash") && first.stderr().contains("run ./jbang scripts/Tutorial.java --by-hand again"), first.stderr());
        assertTrue(Pattern.compile("FetchFakeHash\\s+stopped").matcher(first.stderr()).find(), first.stderr());
        // the learner copies the hash Nix reports, and comes back
        Matcher got = Pattern.compile("got:\\s+(sha256-[A-Za-z0-9+/]{43}=)").matcher(Proc.of(typed(first).get(1)).in(lab).timeout(ScriptRun.STEP).run().stderr());
        assertTrue(got.find());
        Files.writeString(nix, Files.readString(nix).replace("sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", got.group(1)));
        Proc.Result second = ScriptRun.run("Tutorial", Duration.ofMinutes(5), args.toArray(String[]::new));
        assertEquals(3, second.exitCode(), ScriptRun.describe(second));
        assertTrue(second.stderr().contains("Nix accepts the source with the hash you wrote"), second.stderr());
        assertTrue(second.stderr().contains("has no postPatch"), "then PostPatch waits for the learner: " + second.stderr());
        Proc.Result third = ScriptRun.run("Tutorial", Duration.ofMinutes(5), args.toArray(String[]::new));
        assertEquals(3, third.exitCode(), ScriptRun.describe(third));
        assertTrue(third.stderr().contains("Going on by hand where you stopped: step 2, PostPatch"), third.stderr());
        assertTrue(!third.stderr().contains("== FetchFakeHash"), "a finished step is not run again: " + third.stderr());
    }

    @Test
    @Order(5)
    void deleteByHandWantsThePathGoneFromTheStoreAndNamesWhatStillHoldsIt() throws Exception {
        Path out = Files.readSymbolicLink(work.resolve("result"));
        Proc.Result r = ScriptRun.step(work, "ForceDelete", "--by-hand");
        assertEquals(3, r.exitCode(), ScriptRun.describe(r));
        assertTrue(r.stderr().contains("is still in the store: Nix's roots for it are " + work.resolve("result")), r.stderr());
        List<List<String>> typed = typed(r);
        List<String> delete = typed.get(typed.size() - 1);
        assertEquals("nix-store", delete.get(0));
        assertEquals(List.of("--delete", out.toString()), delete.subList(delete.size() - 2, delete.size()));
        // the plain delete first, as the video did: Nix refuses while result holds it
        Proc.Result refused = Proc.of(delete).in(work).timeout(ScriptRun.STEP).run();
        assertTrue(refused.exitCode() != 0 && refused.stderr().contains("still alive"), ScriptRun.describe(refused));
        Files.delete(work.resolve("result"));
        Proc.Result rootless = ScriptRun.step(work, "ForceDelete", "--by-hand");
        assertEquals(3, rootless.exitCode(), ScriptRun.describe(rootless));
        assertTrue(rootless.stderr().contains("no root holds it any more"), rootless.stderr());
        Proc.Result deleted = Proc.of(delete).in(work).timeout(ScriptRun.STEP).run();
        assertEquals(0, deleted.exitCode(), ScriptRun.describe(deleted));
        Proc.Result done = ScriptRun.step(work, "ForceDelete", "--by-hand");
        assertEquals(0, done.exitCode(), ScriptRun.describe(done));
        assertTrue(done.stderr().contains("is no longer in the store"), done.stderr());
        assertTrue(!Files.exists(out), "Nix deleted it");
    }
}
