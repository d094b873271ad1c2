package terminal;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * Where a step writes its story (err) and its result (out) and reads a learner's answers (in), and
 * whether out and err reach one place (then a result the story has just said is not said twice).
 * A script's are the process's own; a test passes its own to run a step in its process.
 */
public record Streams(PrintStream out, PrintStream err, InputStream in, boolean oneTarget) {
    public static Streams standard() {
        return new Streams(System.out, System.err, System.in, StoryAndResult.shareOneTarget());
    }
}
