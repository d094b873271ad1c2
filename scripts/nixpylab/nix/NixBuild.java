package nixpylab.nix;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import nixpylab.Proc;

/**
 * Runs a nix-build with Nix's structured log ({@code --log-format internal-json}), following it
 * with {@link BuildWatch}: where the build is goes to a listener as it happens, and what a plain log
 * would have shown (Nix's messages, the builders' lines) goes to a log file and comes back as lines,
 * for the parsers of Nix's messages and for the learner.
 */
public final class NixBuild {
    /** The run, its stderr as a plain log would have shown it, and the paths Nix copied from a binary cache (with the cache). */
    public record Run(Proc.Result result, List<String> plain, Map<String, String> substituted, Set<String> built) {
        public String plainText() {
            return String.join("\n", plain) + (plain.isEmpty() ? "" : "\n");
        }

        public List<String> tail(int n) {
            return plain.subList(Math.max(0, plain.size() - n), plain.size());
        }
    }

    private NixBuild() {}

    /** @param command nix-build with its arguments, as the learner would type it (the log format is added here) */
    public static Run run(List<String> command, Duration timeout, Path logFile, Consumer<BuildWatch.Progress> progress) {
        return run(command, null, timeout, logFile, progress);
    }

    /** The same, run in the folder dir (where the learner's relative file names point). */
    public static Run run(List<String> command, Path dir, Duration timeout, Path logFile, Consumer<BuildWatch.Progress> progress) {
        return run(command, Map.of(), dir, timeout, logFile, progress);
    }

    /** The same, with env added to nix-build's environment (a varied build's folder). */
    public static Run run(List<String> command, Map<String, String> env, Path dir, Duration timeout, Path logFile, Consumer<BuildWatch.Progress> progress) {
        List<String> cmd = new ArrayList<>(command);
        cmd.addAll(1, List.of("--log-format", "internal-json"));
        List<String> plain = Collections.synchronizedList(new ArrayList<>());
        BuildWatch watch = new BuildWatch();
        try {
            Files.createDirectories(logFile.getParent());
            try (BufferedWriter w = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
                Proc p = Proc.of(cmd).timeout(timeout);
                if (dir != null) p.in(dir);
                env.forEach(p::env);
                Proc.Result r = p.onLine(line -> {
                    if (!line.stderr()) return;
                    List<String> lines = NixLog.parse(line.text()).map(e -> {
                        watch.accept(e).ifPresent(progress);
                        return NixLog.plainLines(e);
                    }).orElse(List.of(line.text()));
                    plain.addAll(lines);
                    try {
                        synchronized (w) {
                            for (String l : lines) {
                                w.write(l);
                                w.newLine();
                            }
                            // line by line: the log can be followed, and an interrupted step reads what Nix kept
                            w.flush();
                        }
                    } catch (IOException ignored) {
                        // a log line lost is not worth stopping the build for
                    }
                }).run();
                synchronized (plain) {
                    return new Run(r, List.copyOf(plain), watch.substituted(), watch.built());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
