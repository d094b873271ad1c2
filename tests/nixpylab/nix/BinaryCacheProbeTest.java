package nixpylab.nix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinaryCacheProbeTest {
    @TempDir
    Path dir;

    @Test
    void aCacheThatAnswersIsKeptForAMinuteAndThenAskedAgain() throws Exception {
        BinaryCacheProbe probe = new BinaryCacheProbe(dir.resolve("probe.tsv"));
        String url;
        try (ServerSocket server = new ServerSocket(0)) {
            url = "http://127.0.0.1:" + server.getLocalPort();
            assertTrue(probe.answers(url), "a listening port answers");
        }
        assertTrue(probe.answers(url), "a moment later the kept answer stands, though the port is closed now");
        Files.writeString(dir.resolve("probe.tsv"), url + "\t" + Instant.now().minusSeconds(61).getEpochSecond() + "\ttrue\n");
        assertFalse(probe.answers(url), "after a minute it is asked again: nothing listens any more");
        assertEquals(1, Files.readAllLines(dir.resolve("probe.tsv")).size(), "one line per cache");
    }

    @Test
    void aFileCacheAnswersAndABrokenKeptFileIsIgnored() throws Exception {
        Files.writeString(dir.resolve("probe.tsv"), "garbage\nhttp://x\tnot-a-number\ttrue\n");
        BinaryCacheProbe probe = new BinaryCacheProbe(dir.resolve("probe.tsv"));
        assertTrue(probe.answers("file:///var/tmp/some-cache"));
        assertFalse(probe.answers("http://127.0.0.1:1"), "nothing listens on port 1");
    }
}
