package nixpylab.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TutorialRunTest {
    @Test
    void aRunIsReadBackAsItWasKept(@TempDir Path ws) {
        TutorialRun run = new TutorialRun("2.8.0", "host", Instant.parse("2026-12-07T00:30:00Z"), 0, Optional.of("/nix/store/0123456789abcdfghijklmnpqrsvwxyz-chrism-py311"),
                List.of(new TutorialRun.StepRun("Build", 0, 123_400, "built in 2:03 (said: a = b\\c)"), new TutorialRun.StepRun("Build (again)", 0, 5, "")));
        run.write(ws);
        assertEquals(Optional.of(run), TutorialRun.read(ws));
        assertEquals("built in 2:03 (said: a = b\\c)", TutorialRun.read(ws).orElseThrow().step("Build").orElseThrow().said());
    }

    @Test
    void noRecordOrAnUnreadableOneIsNoRun(@TempDir Path ws) throws Exception {
        assertTrue(TutorialRun.read(ws).isEmpty());
        Files.createDirectories(ws.resolve(".nixpylab"));
        Files.writeString(ws.resolve(TutorialRun.FILE), "nix.version=2.8.0\nexit=zero\n");
        assertTrue(TutorialRun.read(ws).isEmpty(), "a record cut short or edited into nonsense is not believed");
    }
}
