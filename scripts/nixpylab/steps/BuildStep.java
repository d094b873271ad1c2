package nixpylab.steps;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import nixpylab.BuildTimes;
import nixpylab.Proc;
import nixpylab.Workspace;
import nixpylab.nix.BuildWatch;
import nixpylab.nix.NixBuild;
import nixpylab.nix.Nix;
import nixpylab.nix.StorePath;

/** Step 3: nix-build the derivation, following its phases in Nix's structured log, keeping its log, linking result. */
public final class BuildStep {
    public sealed interface Outcome permits Built, Failed {
        StorePath drv();
        List<String> command();
        Path log();
        Duration elapsed();
    }

    /** copiedFrom: the binary cache Nix copied the output from instead of building it (empty when built or already there). */
    public record Built(StorePath drv, StorePath out, boolean alreadyInStore, java.util.Optional<String> copiedFrom, List<String> command, Path log, Duration elapsed) implements Outcome {}

    public record Failed(StorePath drv, int exitCode, List<String> tail, List<String> logCommand, List<String> command, Path log, Duration elapsed) implements Outcome {}


    private BuildStep() {}

    public static Outcome run(Workspace ws, Nix nix, Duration timeout, Consumer<BuildWatch.Progress> progress) {
        Step.BUILD.requireDone(ws.state(), ws.dir());
        Outcome o = runFile(ws, nix, ws.nixFile(), ws.resultLink(), timeout, progress);
        if (o instanceof Built b) {
            if (!b.alreadyInStore() && b.copiedFrom().isEmpty()) BuildTimes.standard().record(b.drv().name().replaceFirst("\\.drv$", ""), b.elapsed());
            ws.state().lastOut(b.out());
            ws.state().done(Step.BUILD, java.time.Instant.now());
            ws.save();
        }
        return o;
    }

    /** Builds one file of the workspace into a link; what it really built is recorded as the workspace's own. */
    public static Outcome runFile(Workspace ws, Nix nix, Path nixFile, Path link, Duration timeout, Consumer<BuildWatch.Progress> progress) {
        StorePath drv = nix.instantiate(nixFile, null);
        Path log = ws.logDir().resolve(drv.name().replace(".drv", "") + "-" + drv.hashPart().substring(0, 8) + ".log");
        List<String> cmd = nix.command("nix-build", nixFile.toString(), "-o", link.toString());
        NixBuild.Run run = NixBuild.run(cmd, timeout, log, progress);
        Proc.Result r = run.result();
        if (!r.ok()) {
            return new Failed(drv, r.timedOut() ? 101 : r.exitCode(), run.tail(25), List.of("nix-store", "-l", drv.path()), cmd, log, r.elapsed());
        }
        StorePath built = StorePath.parse(r.stdout().strip().split("\n")[0]);
        // Nix builds or copies the output exactly when it was not valid before: a build that did
        // neither found it in the store (asking first would cost one more Nix start). A copy that
        // failed (an altered NAR, a transfer cut short) is followed by a build: then it was built.
        boolean builtHere = run.built().contains(drv.path());
        boolean triedCopy = run.substituted().containsKey(built.path());
        boolean copied = triedCopy && !builtHere;
        boolean already = !builtHere && !triedCopy;
        // A path that was in the store before this workspace built it belongs to someone else:
        // ForceDelete must never touch it.
        ws.recordBuild(built, already);
        ws.state().madeLink(link);
        ws.save();
        return new Built(drv, built, already, copied ? java.util.Optional.of(run.substituted().get(built.path())) : java.util.Optional.empty(), cmd, log, r.elapsed());
    }
}
