package site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nixpylab.Proc;
import nixpylab.nix.NixHash;
import nixpylab.nix.NixVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import testkit.OnNix;
import testkit.ScriptRun;
import testkit.TinyWorkspace;

/**
 * The site on a small chapter set built on the tiny package: transcripts recorded next to the
 * chapters and read back (without Nix), a changed block re-run with its chain, a transcript edited
 * by hand refused, and --check telling the same, the merely volatile and the changed apart.
 */
@OnNix
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SiteTranscriptTest {
    static Path base;
    static Path chapters;
    static Path tarball;
    static String version;

    @BeforeAll
    static void setUp() throws Exception {
        TinyWorkspace t = TinyWorkspace.fresh("site-transcripts");
        base = t.base();
        chapters = Files.createDirectories(base.resolve("chapters"));
        tarball = t.tarball();
        version = NixVersion.installed().text();
        write("--without _tkinter");
    }

    static void write(String postPatchArgs) throws Exception {
        Files.writeString(chapters.resolve("01-steps.adoc"), "= Steps\n\nrun::FetchFakeHash[args=\"--source " + tarball + " --no-fix\", expect=fail]\n\n"
                + "run::FetchFakeHash[args=\"--source " + tarball + " --trust-first-use\"]\n\nnixfile::[]\n\n");
        Files.writeString(chapters.resolve("02-more.adoc"), "= More\n\nrun::PostPatch[args=\"" + postPatchArgs + "\"]\n\nrun::Build[]\n\nrun::Roots[]\n");
    }

    static Proc.Result site(List<String[]> env, String... extra) {
        List<String> args = new ArrayList<>(List.of("--chapters", chapters.toString(), "--out", base.resolve("site").toString(), "--workdir", base.resolve("work").toString()));
        args.addAll(List.of(extra));
        return ScriptRun.run("Site", Duration.ofMinutes(5), env, args.toArray(String[]::new));
    }

    /** Renders; returns [run, from transcripts] from Site's summary line. */
    static int[] render(int expectExit, String... extra) {
        return counts(site(List.of(), extra), expectExit);
    }

    static int[] counts(Proc.Result r, int expectExit) {
        assertEquals(expectExit, r.exitCode(), ScriptRun.describe(r));
        Matcher m = Pattern.compile("blocks run (\\d+), from transcripts (\\d+)").matcher(r.stderr());
        assertTrue(m.find(), r.stderr());
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    static String page(String name) throws Exception {
        return Files.readString(base.resolve("site").resolve(name + ".html"));
    }

    static Path transcript(String chapter, String block) {
        return chapters.resolve("transcripts").resolve(chapter).resolve(block).resolve("nix-" + version + ".txt");
    }

    @Test
    @Order(1)
    void firstRenderRunsEveryBlockAndRecordsItNextToTheChapters() throws Exception {
        int[] r = render(0);
        assertEquals(5, r[0]);
        assertEquals(0, r[1]);
        String recorded = Files.readString(transcript("01-steps", "01-FetchFakeHash"));
        assertTrue(recorded.contains("\ncommand: ./jbang scripts/FetchFakeHash.java --source " + tarball + " --no-fix\n"), recorded);
        assertTrue(recorded.contains("\nexit: 102\n") && recorded.contains("\nnix: " + version + "\n"), recorded);
        assertTrue(recorded.contains("\nerr | == FetchFakeHash (workspace lab, profile bare)\n"), "one output line per line, readable in a diff:\n" + recorded);
        assertTrue(Pattern.compile("\ndrv: /nix/store/[a-z0-9]{32}-chrism-py03\\.drv\n").matcher(Files.readString(transcript("02-more", "02-Build"))).find(), "the .drv it built");

        String steps = page("01-steps");
        String expected = NixHash.of(Files.readAllBytes(tarball)).sri();
        assertTrue(steps.contains("got:    " + expected), "the real got: hash is on the page");
        assertTrue(steps.contains("class=\"listingblock run expected-failure\"") && steps.contains("(expected failure)"));
        assertTrue(steps.contains("hash = &quot;" + expected + "&quot;") || steps.contains(expected + "</span>"), "the derivation file shows the hash written back");
        String more = page("02-more");
        assertTrue(Pattern.compile("<span class=\"out\">/nix/store/[a-z0-9]{32}-chrism-py03</span>").matcher(more).find(), "the Build step's store path");
        assertTrue(Pattern.compile("profile bare · Nix [0-9.]+ · [a-z0-9_]+-linux · \\d{4}-\\d{2}-\\d{2}").matcher(more).find(), "provenance caption");
        assertTrue(more.contains("verified on Nix " + version + " ("), "which Nix it was verified on");
        assertTrue(more.contains("<span class=\"out\">lab/result -&gt; /nix/store/"), "paths read as the learner types them");
        assertTrue(more.contains("<span class=\"cmd\">./jbang scripts/Roots.java</span>"), "the command as README teaches it");
        assertTrue(Pattern.compile("<div class=\"typed\">.*?data-copy=\"nix-store -q --roots /nix/store/[a-z0-9]{32}-chrism-py03", Pattern.DOTALL).matcher(more).find(),
                "the Nix command comes first, as the learner types it");
        for (String page : new String[] {steps, more}) {
            assertTrue(!page.contains(base.resolve("work").toString()), "the workspace is shown as lab/, not where the site made it");
            assertEquals(1, page.split("class=\"run-note\">", -1).length - 1, "how Nix ran here is said in one box per page");
            assertEquals(1, page.split("<li>binary cache", -1).length - 1, "the binary-cache note is said once per page");
            assertTrue(page.contains("<span class=\"machine-opt\""), "the recorded command greys this machine's options");
            assertTrue(!Pattern.compile("data-copy=\"[^\"]*--option substituters").matcher(page).find(), "what a learner copies never turns off their binary cache");
        }
    }

    @Test
    @Order(2)
    void unchangedChaptersRenderFromTheirTranscriptsWithoutNix() throws Exception {
        String before = page("02-more");
        Path noNix = pathWithoutNix();
        int[] r = counts(site(List.<String[]>of(new String[] {"PATH", noNix.toString()})), 0);
        assertEquals(0, r[0]);
        assertEquals(5, r[1]);
        assertEquals(before, page("02-more"));
    }

    /** A PATH with everything of /usr/bin but Nix's commands. */
    static Path pathWithoutNix() throws Exception {
        Path dir = Files.createDirectories(base.resolve("bin-without-nix"));
        try (Stream<Path> s = Files.list(Path.of("/usr/bin"))) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (!n.startsWith("nix") && !Files.exists(dir.resolve(n), LinkOption.NOFOLLOW_LINKS)) Files.createSymbolicLink(dir.resolve(n), p);
            }
        }
        return dir;
    }

    @Test
    @Order(3)
    void aChangedBlockRerunsWithItsWholeChain() throws Exception {
        write("--without _tkinter --without _curses");
        int[] r = render(0);
        assertEquals(5, r[0], "the workspace is made again from its first block");
        assertFalse(page("02-more").contains("_curses _cursesmodule.c"));
    }

    @Test
    @Order(4)
    void checkTellsTheSameAndTheVolatileFromTheChanged() throws Exception {
        Proc.Result same = site(List.of(), "--check");
        assertEquals(0, same.exitCode(), ScriptRun.describe(same));
        assertTrue(same.stdout().contains("01-steps #1 FetchFakeHash --source " + tarball + " --no-fix: same") || same.stdout().contains("01-steps #1 FetchFakeHash --source " + tarball + " --no-fix: differs only in volatile parts"), same.stdout());
        assertTrue(Pattern.compile("02-more #2 Build: differs only in volatile parts \\([^)]*store-hash").matcher(same.stdout()).find(),
                "a new workspace builds another path: only hashes and times differ\n" + same.stdout());

        write("--without _tkinter");
        Proc.Result changed = site(List.of(), "--check");
        assertEquals(1, changed.exitCode(), ScriptRun.describe(changed));
        assertTrue(changed.stdout().contains("02-more #1 PostPatch --without _tkinter: CHANGED"), changed.stdout());
        assertTrue(changed.stdout().contains("    + err |   _curses _cursesmodule.c") || changed.stdout().contains("    +   _curses _cursesmodule.c"), "the diff shows what changed:\n" + changed.stdout());
        render(0); // record the chapters as they are now
    }

    @Test
    @Order(5)
    void aTranscriptEditedByHandIsRefused() throws Exception {
        Path t = transcript("02-more", "03-Roots");
        String good = Files.readString(t);
        Files.writeString(t, good.replace("out | lab/result -> ", "out | lab/my-result -> "));
        Proc.Result r = site(List.of());
        assertEquals(1, r.exitCode(), ScriptRun.describe(r));
        assertTrue(r.stderr().contains("was edited by hand") && r.stderr().contains("03-Roots"), r.stderr());
        assertTrue(r.stderr().contains("next: Record it again from a real run: ./jbang scripts/Site.java --refresh"), r.stderr());
        Files.writeString(t, good);
    }

    @Test
    @Order(6)
    void anExpectedFailureThatSucceedsOrAnUnknownScriptFailsTheRender() throws Exception {
        Files.writeString(chapters.resolve("03-wrong.adoc"), "= Wrong\n\nrun::Roots[expect=fail]\n\nrun::TestPython[args=\"--no-such-option\"]\n");
        int[] r = render(1);
        assertEquals(7, r[0], "the workspace's chain ran again with the new blocks");
        String wrong = page("03-wrong");
        assertTrue(wrong.contains("expected this step to fail, but it succeeded"));
        assertTrue(wrong.contains("this step must succeed, but it exited with 2"));
        Files.writeString(chapters.resolve("03-wrong.adoc"), "= Wrong\n\nrun::NoSuchStep[]\n");
        Proc.Result unknown = site(List.of());
        assertEquals(1, unknown.exitCode(), ScriptRun.describe(unknown));
        assertTrue(unknown.stderr().contains("03-wrong runs scripts/NoSuchStep.java (block 1), which does not exist"), unknown.stderr());
        Files.delete(chapters.resolve("03-wrong.adoc"));
    }
}
