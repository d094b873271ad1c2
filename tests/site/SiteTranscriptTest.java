package site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nixpylab.Proc;
import nixpylab.nix.NixHash;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import testkit.ScriptRun;
import testkit.TinyWorkspace;

/**
 * The site renderer on a small chapter set built on the tiny package: when transcripts are
 * re-used, when steps run again, and that a broken tutorial fails the render.
 */
@Tag("nix")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SiteTranscriptTest {
    static Path base;
    static Path chapters;
    static Path tarball;

    @BeforeAll
    static void setUp() throws Exception {
        TinyWorkspace t = TinyWorkspace.fresh("site-transcripts", 3);
        base = t.base();
        chapters = Files.createDirectories(base.resolve("chapters"));
        tarball = t.tarball();
        write("--without _tkinter");
    }

    static void write(String postPatchArgs) throws Exception {
        Files.writeString(chapters.resolve("01-steps.adoc"), "= Steps\n\nrun::FetchFakeHash[args=\"--source " + tarball + " --no-fix\", expect=fail]\n\n"
                + "run::FetchFakeHash[args=\"--source " + tarball + "\"]\n\nnixfile::[]\n\n");
        Files.writeString(chapters.resolve("02-more.adoc"), "= More\n\nrun::PostPatch[args=\"" + postPatchArgs + "\"]\n\nrun::Build[]\n\nrun::Roots[]\n");
    }

    /** Renders; returns [runs, reused] from Site's summary line. */
    static int[] render(int expectExit, String... extra) {
        String[] args = new String[6 + extra.length];
        System.arraycopy(new String[] {"--chapters", chapters.toString(), "--out", base.resolve("site").toString(),
                "--transcripts", base.resolve("transcripts").toString()}, 0, args, 0, 6);
        System.arraycopy(extra, 0, args, 6, extra.length);
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--workdir";
        all[args.length + 1] = ScriptRun.REPO.relativize(base.resolve("lab")).toString();
        Proc.Result r = ScriptRun.run("Site", Duration.ofMinutes(5), all);
        assertEquals(expectExit, r.exitCode(), ScriptRun.describe(r));
        Matcher m = Pattern.compile("steps run (\\d+), from transcripts (\\d+)").matcher(r.stderr());
        assertTrue(m.find(), r.stderr());
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    static String page(String name) throws Exception {
        return Files.readString(base.resolve("site").resolve(name + ".html"));
    }

    @Test
    @Order(1)
    void firstRenderRunsEveryStepAndShowsItsRealOutput() throws Exception {
        int[] r = render(0);
        assertEquals(5, r[0]);
        assertEquals(0, r[1]);
        String steps = page("01-steps");
        String expected = NixHash.of(Files.readAllBytes(tarball)).sri();
        assertTrue(steps.contains("got:    " + expected), "the real got: hash is on the page");
        assertTrue(steps.contains("class=\"listingblock run expected-failure\""));
        assertTrue(steps.contains("(expected failure)"));
        assertTrue(steps.contains("hash = &quot;" + expected + "&quot;") || steps.contains(expected + "</span>"), "the derivation file shows the hash written back");
        String more = page("02-more");
        Matcher out = Pattern.compile("<span class=\"out\">(/nix/store/[a-z0-9]{32}-chrism-py03)</span>").matcher(more);
        assertTrue(out.find(), "the Build step's store path is on the page");
        assertTrue(Files.exists(Path.of(out.group(1))), "and it is the real path in the store");
        assertTrue(Pattern.compile("profile bare · Nix [0-9.]+ · [a-z0-9_]+-linux · \\d{4}-\\d{2}-\\d{2}").matcher(more).find(), "provenance caption");
        assertTrue(more.contains("<span class=\"out\">lab/result -&gt; /nix/store/"), "paths read as the learner types them, relative to where the step ran");
        assertTrue(more.contains("<span class=\"cmd\">./jbang scripts/Roots.java</span>"), "the command as README teaches it");
        for (String page : new String[] {steps, more}) {
            assertTrue(!page.contains(base.resolve("lab").toString()), "the workspace is shown as lab/, not where the test put it");
            assertEquals(1, page.split("class=\"run-note\">[^<]*binary cache", -1).length - 1, "the binary-cache note is said once per page");
            assertTrue(!page.contains("<span class=\"err\">   binary cache") && !page.contains("<span class=\"err\">   no binary cache"), "and not in the blocks");
        }
    }

    @Test
    @Order(2)
    void unchangedInputsReuseTranscripts() throws Exception {
        String before = page("02-more");
        int[] r = render(0);
        assertEquals(0, r[0]);
        assertEquals(5, r[1]);
        assertEquals(before.replace(" · from transcript", ""), page("02-more").replace(" · from transcript", ""));
    }

    @Test
    @Order(3)
    void changedArgumentsRerunThatStepAndTheOnesAfter() throws Exception {
        write("--without _tkinter --without _curses");
        int[] r = render(0);
        assertEquals(3, r[0], "PostPatch, Build and Roots run again");
        assertEquals(2, r[1], "the two blocks before them are re-used");
        assertTrue(!page("02-more").contains("_curses _cursesmodule.c"));
    }

    @Test
    @Order(4)
    void anEditedNixFileRerunsTheWorkspace() throws Exception {
        Path nix = base.resolve("lab/chrism-py03.nix");
        Files.writeString(nix, Files.readString(nix) + "# edited by hand\n");
        int[] r = render(0);
        assertEquals(5, r[0]);
        int[] again = render(0, "--refresh");
        assertEquals(5, again[0]);
    }

    @Test
    @Order(5)
    void anExpectedFailureThatSucceedsFailsTheRender() throws Exception {
        Files.writeString(chapters.resolve("03-wrong.adoc"), "= Wrong\n\nrun::Roots[expect=fail]\n\nrun::TestPython[args=\"--no-such-option\"]\n");
        int[] r = render(1);
        assertEquals(2, r[0]);
        String wrong = page("03-wrong");
        assertTrue(wrong.contains("expected this step to fail, but it succeeded"));
        assertTrue(wrong.contains("this step must succeed, but it exited with 2"));
        Files.delete(chapters.resolve("03-wrong.adoc"));
    }
}
