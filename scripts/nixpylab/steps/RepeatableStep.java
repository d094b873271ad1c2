package nixpylab.steps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import nixpylab.Proc;
import nixpylab.DifferenceSummary;
import nixpylab.UserError;
import nixpylab.workspace.Workspace;
import nixpylab.nix.BuildWatch;
import nixpylab.nix.CheckMismatch;
import nixpylab.nix.Nix;
import nixpylab.nix.NixErrors;
import nixpylab.nix.NixBuild;
import nixpylab.nix.StorePath;

/**
 * Is the build repeatable? {@code nix-build --check -K} builds the derivation again and compares
 * with the output in the store; when they differ, the second result is kept as {@code <out>.check}
 * and the two trees are compared file by file, each differing file classified by what its bytes
 * show ({@link DifferenceSummary}).
 */
public final class RepeatableStep {
    public sealed interface Outcome permits Repeatable, Differs {
        StorePath out();
        List<String> command();
        Duration elapsed();
    }

    public record Repeatable(StorePath out, List<String> command, Duration elapsed) implements Outcome {}

    /** summary: every differing path, with the classes of difference its bytes show. */
    public record Differs(StorePath out, Path checkCopy, DifferenceSummary summary, String nixSays, List<String> command, Duration elapsed) implements Outcome {}


    private RepeatableStep() {}

    public static Outcome run(Workspace ws, Nix nix, Duration timeout, Consumer<BuildWatch.Progress> progress) {
        Step.REPEATABLE.requireDone(ws.state()::done, ws.dir());
        StorePath out = ws.lastBuilt().orElseThrow();
        if (!nix.isValid(out)) {
            throw new UserError(out + " is not in the store, so there is nothing to compare a second build with.", "Run ./jbang scripts/Build.java first.");
        }
        List<String> cmd = nix.command("nix-build", ws.nixFile().toString(), "--check", "-K", "--no-out-link");
        NixBuild.Run run = NixBuild.run(cmd, timeout, ws.logDir().resolve("repeatable-check.log"), progress);
        Proc.Result r = run.result();
        String said = run.plainText();
        ws.state().done(Step.REPEATABLE, Instant.now());
        ws.save();
        if (r.ok()) return new Repeatable(out, cmd, r.elapsed());
        CheckMismatch m = CheckMismatch.parse(said).orElseThrow(() -> new UserError(
                "nix-build --check failed without comparing: " + NixErrors.firstError(said).orElse("exit " + r.exitCode()),
                "Build it first with ./jbang scripts/Build.java; if the build itself fails, its log says why."));
        Path check = m.checkCopy();
        DifferenceSummary summary;
        try {
            summary = DifferenceSummary.compare(Path.of(out.path()), check);
        } finally {
            // the second result and its build directory are ours to clean: neither is a registered store path
            Proc.of("rm", "-rf", check.toString()).timeout(Duration.ofMinutes(2)).run();
            m.keptBuildDir().filter(Files::isDirectory).ifPresent(d -> Proc.of("rm", "-rf", d.toString()).timeout(Duration.ofMinutes(2)).run());
        }
        return new Differs(out, check, summary, NixErrors.firstError(said).orElse(""), cmd, r.elapsed());
    }
}
