package terminal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a step's story (stderr) and its result (stdout) end up in one place: a terminal, or one file or pipe for both. */
final class StoryAndResult {
    private StoryAndResult() {}

    /** True when file descriptors 1 and 2 name the same terminal, file or pipe (Linux's /proc); false when that cannot be told. */
    static boolean shareOneTarget() {
        try {
            Path out = Files.readSymbolicLink(Path.of("/proc/self/fd/1"));
            Path err = Files.readSymbolicLink(Path.of("/proc/self/fd/2"));
            return out.equals(err);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
