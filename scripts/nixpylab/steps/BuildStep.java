package nixpylab.steps;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import nixpylab.Proc;
import nixpylab.Workspace;
import nixpylab.nix.BuildProgress;
import nixpylab.nix.Nix;
import nixpylab.nix.StorePath;

/** Step 3: nix-build the derivation, following its phases, keeping its log, linking result. */
public final class BuildStep {
    public sealed interface Outcome permits Built, Failed {
        StorePath drv();
        List<String> command();
        Path log();
        Duration elapsed();
    }

    public record Built(StorePath drv, StorePath out, boolean alreadyInStore, List<String> command, Path log, Duration elapsed) implements Outcome {}

    public record Failed(StorePath drv, int exitCode, List<String> tail, List<String> logCommand, List<String> command, Path log, Duration elapsed) implements Outcome {}

    /** Where a running build is: the derivation being built and its current phase. */
    public record Progress(String derivation, String phase) {}

    private BuildStep() {}

    public static Outcome run(Workspace ws, Nix nix, Duration timeout, Consumer<Progress> progress) {
        Step.BUILD.requireDone(ws.state(), ws.dir());
        Outcome o = runFile(ws, nix, ws.nixFile(), ws.resultLink(), timeout, progress);
        if (o instanceof Built b) {
            ws.state().lastOut(b.out());
            ws.state().done(Step.BUILD, java.time.Instant.now());
            ws.save();
        }
        return o;
    }

    /** Builds one file of the workspace into a link; what it really built is recorded as the workspace's own. */
    public static Outcome runFile(Workspace ws, Nix nix, Path nixFile, Path link, Duration timeout, Consumer<Progress> progress) {
        StorePath drv = nix.instantiate(nixFile, null);
        StorePath out = nix.outputOf(drv);
        boolean already = nix.isValid(out);
        Path log = ws.logDir().resolve(drv.name().replace(".drv", "") + "-" + drv.hashPart().substring(0, 8) + ".log");
        List<String> cmd = nix.command("nix-build", nixFile.toString(), "-o", link.toString());
        Proc.Result r;
        try {
            Files.createDirectories(ws.logDir());
            try (BufferedWriter w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                String[] current = {drv.name(), already ? "already in the store" : "starting"};
                r = nix.run(timeout, line -> {
                    try {
                        synchronized (w) {
                            w.write(line.text());
                            w.newLine();
                        }
                    } catch (IOException ignored) {
                        // a log line lost is not worth stopping the build for
                    }
                    BuildProgress.building(line.text()).ifPresent(d -> { current[0] = d.name(); current[1] = "starting"; });
                    BuildProgress.phase(line.text()).ifPresent(p -> current[1] = p);
                    if (line.stderr()) progress.accept(new Progress(current[0], current[1]));
                }, cmd);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!r.ok()) {
            if (r.stderr().contains("error: syntax error") || r.stderr().contains("error: undefined variable")) throw Nix.evaluationError(nixFile, r);
            List<String> lines = r.lines().stream().map(Proc.Line::text).toList();
            List<String> tail = lines.subList(Math.max(0, lines.size() - 25), lines.size());
            return new Failed(drv, r.timedOut() ? 101 : r.exitCode(), tail, List.of("nix-store", "-l", drv.path()), cmd, log, r.elapsed());
        }
        StorePath built = StorePath.parse(r.stdout().strip().split("\n")[0]);
        // A path that was in the store before this workspace built it belongs to someone else:
        // ForceDelete must never touch it.
        ws.recordBuild(built, already);
        ws.save();
        return new Built(drv, built, already, cmd, log, r.elapsed());
    }
}
