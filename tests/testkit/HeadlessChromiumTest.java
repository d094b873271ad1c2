package testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page checker catches what the site test relies on it to catch. */
@OnNix
@HostOnly
public class HeadlessChromiumTest {
    @Test
    void reportsMissingAssetsConsoleErrorsAndBlankPages(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.html");
        Files.writeString(broken, "<!DOCTYPE html><html><body><h1>Hi</h1><img src=\"missing.png\"><link rel=\"stylesheet\" href=\"gone.css\">"
                + "<script>console.error('boom'); undefinedFunction();</script></body></html>");
        Path blank = dir.resolve("blank.html");
        Files.writeString(blank, "<!DOCTYPE html><html><body></body></html>");
        try (HeadlessChromium c = new HeadlessChromium()) {
            HeadlessChromium.PageReport r = c.load(broken);
            String all = String.join("\n", r.problems());
            assertTrue(all.contains("missing.png"), all);
            assertTrue(all.contains("gone.css"), all);
            assertTrue(all.contains("console error") && all.contains("boom"), all);
            assertTrue(all.contains("exception") && all.contains("undefinedFunction"), all);
            HeadlessChromium.PageReport b = c.load(blank);
            assertEquals(0, b.problems().size(), String.join("\n", b.problems()));
            assertTrue(HeadlessChromium.distinctColours(b.png()) <= 2, "a blank page has one colour");
        }
    }
}
