package testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * The processes running on this machine, read from /proc. ProcessHandle.Info.commandLine() is not
 * used: it stops at an empty argument (such as the '' of --option substituters ''), which hides
 * everything after it.
 */
public final class Processes {
    private Processes() {}

    /** Processes whose argument list and working directory match. */
    public static long count(BiPredicate<List<String>, Path> matches) {
        return ProcessHandle.allProcesses().filter(h -> argv(h.pid()).map(a -> matches.test(a, cwd(h.pid()))).orElse(false)).count();
    }

    public static Optional<List<String>> argv(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            List<String> args = new ArrayList<>();
            int from = 0;
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == 0) {
                    args.add(new String(raw, from, i - from, StandardCharsets.UTF_8));
                    from = i + 1;
                }
            }
            return args.isEmpty() ? Optional.empty() : Optional.of(args);
        } catch (IOException e) {
            return Optional.empty(); // the process ended meanwhile
        }
    }

    public static Path cwd(long pid) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd"));
        } catch (IOException e) {
            return Path.of("/nonexistent");
        }
    }
}
