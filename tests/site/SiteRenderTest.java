package site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import nixpylab.Proc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import testkit.HeadlessChromium;
import testkit.HostOnly;
import testkit.ScriptRun;

/**
 * The real chapters rendered from the transcripts committed next to them (no step runs, no Nix
 * needed), then every page checked in headless Chromium.
 */
@HostOnly
class SiteRenderTest {
    static Path base;
    static Proc.Result render;

    @BeforeAll
    static void renderFromTheCommittedTranscripts() {
        base = ScriptRun.REPO.resolve("tests/work/site");
        Proc.of("rm", "-rf", base.toString()).run();
        render = Proc.of(ScriptRun.REPO.resolve("jbang").toString(), "--quiet", "scripts/Site.java", "--out", base.resolve("site").toString(),
                "--workdir", base.resolve("work").toString()).in(ScriptRun.REPO).timeout(Duration.ofMinutes(40)).run();
    }

    @Test
    void everyChapterRendersWithRealOutputFromItsTranscripts() throws Exception {
        assertEquals(0, render.exitCode(), ScriptRun.describe(render));
        assertTrue(render.stderr().contains("blocks run 0,"), "every block comes from its committed transcript:\n" + render.stderr());
        String build = Files.readString(base.resolve("site/04-build.html"));
        Matcher out = Pattern.compile("<span class=\"out\">(/nix/store/[a-z0-9]{32}-chrism-py3\\d+)</span>").matcher(build);
        assertTrue(out.find(), "the Build step printed a store path");
        assertTrue(Pattern.compile("verified on Nix 2\\.34\\.\\d+ \\(\\d{4}-\\d\\d-\\d\\d\\) and Nix 2\\.8\\.\\d+ \\(").matcher(build).find(), "recorded on both Nix versions");
        String test = Files.readString(base.resolve("site/07-test.html"));
        assertTrue(test.contains("tkinter    ok      built-in"), "all imports ok on the test page");
        String fake = Files.readString(base.resolve("site/02-fake-hash.html"));
        assertTrue(fake.contains("(expected failure)"));
        assertTrue(fake.contains("<details class=\"other-nix\"><summary>On Nix 2.8.0 this reads</summary>"), "where 2.8 prints another shape, the page shows it too");
        String delete = Files.readString(base.resolve("site/06-force-delete.html"));
        assertTrue(delete.contains("since it is still alive"));
        assertTrue(delete.contains("lab/result"), "paths as the learner types them");
        String index = Files.readString(base.resolve("site/index.html"));
        for (Path c : List.of(Path.of("01-derivations.html"), Path.of("08-still-wrong.html"))) assertTrue(index.contains("href=\"" + c + "\""), c.toString());
    }

    @Test
    void aLearnerCopiesPlainNixAndSeesTheVideosFileAtItsSteps() throws Exception {
        assertEquals(0, render.exitCode(), ScriptRun.describe(render));
        try (Stream<Path> pages = Files.list(base.resolve("site"))) {
            for (Path p : pages.filter(f -> f.toString().endsWith(".html")).toList()) {
                String page = Files.readString(p);
                assertTrue(!Pattern.compile("data-copy=\"[^\"]*--option substituters").matcher(page).find(), p + ": nothing copied turns off the learner's binary cache");
                assertTrue(!page.contains("this is the error the tutorial is about"), p + ": each expected failure says which it is");
                // how Nix ran is said once per page for each Nix version it shows (a block recorded on one version only brings its own)
                List<String> boxes = Pattern.compile("class=\"run-note\"><p>How Nix (\\S+) ran").matcher(page).results().map(m -> m.group(1)).toList();
                assertEquals(boxes.stream().distinct().toList(), boxes, p + ": how Nix ran here is one box per page and Nix version");
                assertEquals(page.split("class=\"run-note\"", -1).length - 1, boxes.size(), p + ": every box names its Nix");
                if (p.getFileName().toString().equals("10-open-lessons.html")) {
                    assertTrue(Pattern.compile("id=\"run-trust-learner\"[^>]*>\n<div class=\"as-user\">Run as nixpylab-learner, an ordinary user").matcher(page).find(),
                            p + ": the block run as an ordinary user says so above its output");
                    assertEquals(1, page.split("class=\"as-user\"", -1).length - 1, p + ": and only that block");
                }
                if (p.getFileName().toString().equals("09-workshop.html")) {
                    assertTrue(Pattern.compile("id=\"run-join\"[^>]*>\n<div class=\"served-room\">While this ran, the workshop room room/ was served on this machine's loopback by <code>./jbang scripts/Workshop.java serve --room room --address 127.0.0.1 --port \\d+</code>.*\\(served \\d+ requests").matcher(page).find(),
                            p + ": the join block says which server answered it, and what it served");
                    assertTrue(page.contains("joined the workshop room at http://127.0.0.1:"), p + ": and shows the learner's join as it ran");
                }
            }
        }
        String build = Files.readString(base.resolve("site/04-build.html"));
        Matcher typed = Pattern.compile("data-copy=\"nix-build (--option extra-sandbox-paths '[^']*' )?chrism-py311.nix -o result\"").matcher(build);
        assertTrue(typed.find() && typed.start() < build.indexOf("data-copy=\"./jbang scripts/Build.java\""), "the Nix command comes before the toolkit's");
        assertTrue(build.contains("data-copy=\"nix-build --option extra-sandbox-paths '/usr "), "the bare profile's sandbox paths stay in what is copied (Nix 2.34.8's recording is shown, sandbox on)");
        assertTrue(build.contains("Or let the toolkit wait while you do it and ask Nix whether it is done: ./jbang scripts/Build.java --by-hand."), "the by-hand way beside the typed block");
        assertTrue(build.contains("the file is newchrism-py310.nix"), "a learner with nixpkgs is told their file's name");
        String fake = Files.readString(base.resolve("site/02-fake-hash.html"));
        assertTrue(fake.contains("Expected to fail: the hash mismatch"), "the fake-hash failure is named");
        String patch0 = Files.readString(base.resolve("site/03-postpatch.html"));
        assertTrue(patch0.contains("nix-instantiate on your file prints yours") && !patch0.contains("readlink result shows it"), "a .drv is found with nix-instantiate, not with result");
        String shell = Files.readString(base.resolve("site/08-still-wrong.html"));
        int sh = shell.indexOf("data-copy=\"nix-shell ");
        assertTrue(sh > 0 && !shell.substring(sh, shell.indexOf("recorded-label", sh)).contains("the file is newchrism"), "shell.nix is not renamed to the video's file");
        assertTrue(fake.contains("newchrism-py310.nix, as the nixpkgs profile writes it first") && fake.contains("pkgs.lib.fakeSha256"), "the video's file with its fake hash");
        String patch = Files.readString(base.resolve("site/03-postpatch.html"));
        int diff = patch.indexOf("what PostPatch adds in the nixpkgs profile");
        assertTrue(diff > 0 && patch.indexOf("+  postPatch = pkgs.lib.concatStringsSep", diff) > 0, "the video's postPatch, as a diff");
        String delete = Files.readString(base.resolve("site/06-force-delete.html"));
        assertTrue(delete.contains("Expected to fail: the output was deleted"));
        assertTrue(delete.contains("--ignore-liveness is the video's way, and works only where nix-store opens the store itself") && delete.contains("through the daemon it is refused to everyone"),
                "what the page warns against is not copied without the warning");
    }

    @Test
    void theWorkshopPageListsEveryExerciseAndTheChaptersLinkToIt() throws Exception {
        assertEquals(0, render.exitCode(), ScriptRun.describe(render));
        String workshopPage = Files.readString(base.resolve("site/09-workshop.html"));
        workshop.Catalog catalog = workshop.Catalog.load(ScriptRun.REPO.resolve("exercises"));
        for (workshop.Exercise e : catalog.exercises()) {
            assertTrue(workshopPage.contains("id=\"exercise-" + e.slug() + "\""), "the workshop page lists " + e.slug());
            assertTrue(workshopPage.contains("Exercise " + e.number() + ": " + e.title()), e.title());
            for (String chapter : e.chapters()) {
                String page = Files.readString(base.resolve("site/" + chapter + ".html"));
                assertTrue(page.contains("href=\"09-workshop.html#exercise-" + e.slug() + "\""), chapter + " links to exercise " + e.slug());
            }
        }
        Matcher links = Pattern.compile("href=\"09-workshop\\.html#([^\"]+)\"").matcher(String.join("\n", Files.readAllLines(base.resolve("site/03-postpatch.html"))));
        while (links.find()) assertTrue(workshopPage.contains("id=\"" + links.group(1) + "\""), "the link target #" + links.group(1) + " exists");
    }

    /** One click from a claim to its evidence: every mark's link lands on an anchor that exists (the block on the same page, or the evidence page's excerpt or capture). */
    @Test
    void everyClaimsMarkOpensItsEvidence() throws Exception {
        assertEquals(0, render.exitCode(), ScriptRun.describe(render));
        String evidence = Files.readString(base.resolve("site/evidence.html"));
        int marks = 0;
        List<String> broken = new ArrayList<>();
        try (var files = Files.list(base.resolve("site"))) {
            for (Path page : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                String html = Files.readString(page);
                Matcher m = Pattern.compile("<sup class=\"how\"><a href=\"([^\"]*)\"").matcher(html);
                while (m.find()) {
                    marks++;
                    String href = m.group(1);
                    String target = href.startsWith("#") ? html : href.startsWith("evidence.html#") ? evidence : null;
                    String id = href.substring(href.indexOf('#') + 1);
                    if (target == null || !target.contains("id=\"" + id + "\"")) broken.add(page.getFileName() + " -> " + href);
                }
            }
        }
        assertTrue(broken.isEmpty(), "marks whose evidence is not there: " + broken);
        assertTrue(marks > 100, "the pages carry their evidence (" + marks + " marks)");
        assertTrue(evidence.contains("The ledger") && evidence.contains("docs/claims.adoc"), "the evidence page counts the ledger");
    }

    /** Every page at a phone's width (390 px) and a desktop's (1280 px): loads cleanly, nothing past the right edge, nothing but file:// requested. */
    @Test
    void pagesLoadCleanlyInHeadlessChromiumOnAPhoneAndADesktop() throws Exception {
        assertEquals(0, render.exitCode(), ScriptRun.describe(render));
        List<String> problems = new ArrayList<>();
        try (HeadlessChromium chromium = new HeadlessChromium(); var files = Files.list(base.resolve("site"))) {
            List<Path> pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
            for (int[] size : new int[][] {{390, 844}, {1280, 900}}) {
                chromium.viewport(size[0], size[1]);
                for (Path page : pages) {
                    String where = page.getFileName() + " at " + size[0] + " px: ";
                    HeadlessChromium.PageReport r = chromium.load(page);
                    for (String p : r.problems()) problems.add(where + p);
                    for (String o : chromium.overflow()) problems.add(where + "overflow: " + o);
                    for (String u : r.requests()) if (!u.startsWith("file://") && !u.startsWith("data:")) problems.add(where + "requested " + u);
                    if (page.getFileName().toString().equals("04-build.html")) {
                        Path shot = base.resolve("04-build-" + size[0] + ".png");
                        Files.write(shot, r.png());
                        var img = ImageIO.read(shot.toFile());
                        assertEquals(size[0], img.getWidth(), "the screenshot is as wide as the window");
                        int colours = HeadlessChromium.distinctColours(r.png());
                        assertTrue(colours > 20, "the build chapter's screenshot is not blank (" + colours + " colours)");
                        System.out.println("screenshot " + shot.getFileName() + ": " + img.getWidth() + "x" + img.getHeight() + ", " + r.png().length + " bytes");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }
}
