package nixpylab.nix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import nixpylab.KeptFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinaryCacheProbeTest {
    @TempDir
    Path dir;

    @Test
    void aCacheThatAnswersIsKeptForAMinuteAndThenAskedAgain() throws Exception {
        BinaryCacheProbe probe = new BinaryCacheProbe(dir);
        String url;
        try (ServerSocket server = new ServerSocket(0)) {
            url = "http://127.0.0.1:" + server.getLocalPort();
            assertTrue(probe.answers(url), "a listening port answers");
        }
        assertTrue(probe.answers(url), "a moment later the kept answer stands, though the port is closed now");
        Path kept = new KeptFile(dir, BinaryCacheProbe.KEPT).fileFor(url);
        Files.setLastModifiedTime(kept, FileTime.from(Instant.now().minusSeconds(61)));
        assertFalse(probe.answers(url), "after a minute it is asked again: nothing listens any more");
        assertEquals(1, Files.list(dir).count(), "one file per cache");
    }

    @Test
    void aFileCacheAnswersAndABrokenKeptFileIsIgnored() throws Exception {
        Files.writeString(new KeptFile(dir, BinaryCacheProbe.KEPT).fileFor("http://127.0.0.1:1"), "garbage");
        BinaryCacheProbe probe = new BinaryCacheProbe(dir);
        assertTrue(probe.answers("file:///var/tmp/some-cache"));
        assertFalse(probe.answers("http://127.0.0.1:1"), "nothing listens on port 1");
    }
}
