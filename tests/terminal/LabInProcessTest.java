package terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import nixpylab.Proc;
import nixpylab.steps.ByHand;
import nixpylab.steps.Step;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import testkit.OnNix;
import testkit.ScriptRun;

/**
 * A step run in the test's own process, with the streams passed in: where the point is what the
 * step says and reads, not that it is a process of its own (the scripts' tests run those).
 */
@OnNix
class LabInProcessTest {
    @Command(name = "step")
    static class AStep {
        @Mixin
        LabOptions options;
    }

    @Test
    void aStepByHandStopsOnQWithItsStoryOnTheStreamsItWasGiven() {
        Path ws = ScriptRun.REPO.resolve("tests/work/lab-in-process");
        Proc.of("rm", "-rf", ws.toString()).run();
        AStep step = new AStep();
        new CommandLine(step).parseArgs("--workdir", ws.toString(), "--profile", "bare");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        step.options.streams = new Streams(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream("\nq\n".getBytes(StandardCharsets.UTF_8)), false);
        int code;
        int[] asked = {0};
        try (Lab lab = Lab.open(step.options, Step.FETCH_FAKE_HASH)) {
            code = lab.byHand(new ByHand.Task("write the file", ws.resolve("x.nix").toString(), List.of("{ }"), List.of("nix-build x.nix")),
                    () -> {
                        asked[0]++;
                        return new ByHand.NotYet("x.nix is not there", "write it");
                    }, "done by hand");
        }
        String story = err.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCodes.STOPPED_BY_HAND, code, story);
        assertTrue(story.startsWith("== FetchFakeHash (workspace "), story);
        assertTrue(story.contains("by hand: write the file") && story.contains("not yet: x.nix is not there"), story);
        assertTrue(story.contains("stopped: nothing was changed"), story);
        assertEquals(2, asked[0], "Nix's records were asked first, then once for the Enter before q");
        assertEquals("", out.toString(StandardCharsets.UTF_8), "a step stopped by hand prints no result");
        Proc.of("rm", "-rf", ws.toString()).run();
    }
}
