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
import nixpylab.Proc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import testkit.HeadlessChromium;
import testkit.ScriptRun;

/** The real chapters rendered from fresh runs (CPython built twice), then every page checked in headless Chromium. */
@Tag("slow")
@Tag("host")
class SiteRenderTest {
    static Path base;
    static Proc.Result render;

    @BeforeAll
    static void renderFromScratch() {
        base = ScriptRun.REPO.resolve("tests/work/site");
        Proc.of("rm", "-rf", base.toString()).run();
        render = Proc.of(ScriptRun.REPO.resolve("jbang").toString(), "--quiet", "scripts/Site.java", "--refresh", "--out", base.resolve("site").toString(),
                "--transcripts", base.resolve("transcripts").toString(), "--workdir", "tests/work/site/lab").in(ScriptRun.REPO).timeout(Duration.ofMinutes(40)).run();
    }

    @AfterAll
    static void deleteTheBuilds() {
        // leave the store as we found it, so that other tests' builds are their own
        ScriptRun.run("ForceDelete", Duration.ofMinutes(2), "--workdir", base.resolve("lab").toString());
    }

    @Test
    void everyChapterRendersWithRealOutput() throws Exception {
        assertEquals(0, render.exitCode(), ScriptRun.describe(render));
        String build = Files.readString(base.resolve("site/04-build.html"));
        Matcher out = Pattern.compile("<span class=\"out\">(/nix/store/[a-z0-9]{32}-chrism-py3\\d+)</span>").matcher(build);
        assertTrue(out.find(), "the Build step printed a store path");
        String test = Files.readString(base.resolve("site/07-test.html"));
        assertTrue(test.contains("tkinter    ok      built-in"), "all imports ok on the test page");
        assertTrue(Files.readString(base.resolve("site/02-fake-hash.html")).contains("(expected failure)"));
        assertTrue(Files.readString(base.resolve("site/06-force-delete.html")).contains("since it is still alive"));
        String index = Files.readString(base.resolve("site/index.html"));
        for (Path c : List.of(Path.of("01-derivations.html"), Path.of("08-still-wrong.html"))) assertTrue(index.contains("href=\"" + c + "\""), c.toString());
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

    @Test
    void pagesLoadCleanlyInHeadlessChromium() throws Exception {
        assertEquals(0, render.exitCode(), ScriptRun.describe(render));
        List<String> problems = new ArrayList<>();
        try (HeadlessChromium chromium = new HeadlessChromium(); var pages = Files.list(base.resolve("site"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                HeadlessChromium.PageReport r = chromium.load(page);
                for (String p : r.problems()) problems.add(page.getFileName() + ": " + p);
                if (page.getFileName().toString().equals("04-build.html")) {
                    Files.write(base.resolve("04-build.png"), r.png());
                    int colours = HeadlessChromium.distinctColours(r.png());
                    assertTrue(colours > 20, "the build chapter's screenshot is not blank (" + colours + " colours)");
                }
            }
        }
        assertEquals(List.of(), problems);
    }
}
