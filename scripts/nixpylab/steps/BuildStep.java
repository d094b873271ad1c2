package nixpylab.steps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import nixpylab.BuildTimes;
import nixpylab.Proc;
import nixpylab.ShellWords;
import nixpylab.UserError;
import nixpylab.derivation.ModuleReport;
import nixpylab.nix.BuildWatch;
import nixpylab.nix.GcRoot;
import nixpylab.nix.Nix;
import nixpylab.nix.NixBuild;
import nixpylab.nix.NixExit;
import nixpylab.nix.StorePath;
import nixpylab.workspace.Workspace;

/** Step 3: nix-build the derivation, following its phases in Nix's structured log, keeping its log, linking result. */
public final class BuildStep {
    public sealed interface Outcome permits Built, Failed {
        StorePath drv();
        List<String> command();
        Path log();
        Duration elapsed();
    }

    /** copiedFrom: the binary cache Nix copied the output from instead of building it (empty when built or already there). */
    public record Built(StorePath drv, StorePath out, boolean alreadyInStore, Optional<String> copiedFrom, List<String> command, Path log, Duration elapsed) implements Outcome {}

    public record Failed(StorePath drv, int exitCode, List<String> tail, List<String> logCommand, List<String> command, Path log, Duration elapsed) implements Outcome {}


    private BuildStep() {}

    public static Outcome run(Workspace ws, Nix nix, Duration timeout, Consumer<BuildWatch.Progress> progress) {
        Step.BUILD.requireDone(ws.state()::done, ws.dir());
        Outcome o = runFile(ws, nix, ws.nixFile(), ws.resultLink(), timeout, progress);
        if (o instanceof Built b) {
            if (!b.alreadyInStore() && b.copiedFrom().isEmpty()) BuildTimes.standard().record(b.drv().name().replaceFirst("\\.drv$", ""), b.elapsed());
            ws.state().lastOut(b.out());
            ws.state().done(Step.BUILD, Instant.now());
            ws.save();
        }
        return o;
    }

    /** CPython's report on its optional modules at the end of the build's log (none for a build that did not run here, or a CPython without it). */
    public static Optional<ModuleReport> moduleReport(Built b) {
        if (b.alreadyInStore() || b.copiedFrom().isPresent()) return Optional.empty();
        try {
            return ModuleReport.lastIn(Files.readString(b.log(), StandardCharsets.UTF_8));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** By hand: the nix-build to type in the workspace's folder (with the options this machine needs). */
    public static ByHand.Task handTask(Workspace ws, Nix nix) {
        Step.BUILD.requireDone(ws.state()::done, ws.dir());
        return new ByHand.Task("build the derivation with nix-build, in the workspace's folder", ws.nixFile().toString(), List.of(),
                List.of(ShellWords.shown(nix.command("nix-build", ws.nixFile().getFileName().toString()))));
    }

    /** From Nix's records: the output of the file's derivation is in the store, and the workspace's result link is a root of it. */
    public static ByHand.Verdict checkHand(Workspace ws, Nix nix) {
        StorePath drv;
        try {
            drv = nix.instantiate(ws.nixFile(), null);
        } catch (UserError e) {
            return new ByHand.NotYet(e.getMessage(), "Fix the file where Nix points, then build.");
        }
        StorePath out = nix.outputOf(drv);
        if (!nix.isValid(out)) {
            return new ByHand.NotYet("Nix has no output of " + drv + " yet: " + out + " is not in the store.", "Type the nix-build above in " + ws.dir() + "; a failed build says why in its last lines.");
        }
        Path link = ws.resultLink().toAbsolutePath().normalize();
        List<GcRoot> roots = nix.roots(out);
        if (roots.stream().noneMatch(g -> Path.of(g.link()).equals(link))) {
            String others = roots.stream().map(GcRoot::link).filter(l -> !l.startsWith("{")).reduce((a, b) -> a + ", " + b).orElse("none");
            return new ByHand.NotYet("Nix built " + out + ", but " + link + " is not one of its roots (its roots: " + others + ").",
                    "Run nix-build inside " + ws.dir() + " (it makes ./result there), without --no-out-link.");
        }
        // the derivation holds this workspace's identity, so its output is this workspace's build
        // (ForceDelete still leaves it alone while a root outside the workspace holds it)
        ws.recordBuild(out, false);
        ws.state().madeLink(ws.resultLink());
        ws.state().lastOut(out);
        ws.state().done(Step.BUILD, Instant.now());
        ws.save();
        return new ByHand.Done("Nix has " + out + " in the store, and " + link + " is its root.");
    }

    /** Builds one file of the workspace into a link; what it really built is recorded as the workspace's own. */
    public static Outcome runFile(Workspace ws, Nix nix, Path nixFile, Path link, Duration timeout, Consumer<BuildWatch.Progress> progress) {
        StorePath drv = nix.instantiate(nixFile, null);
        Path log = ws.logDir().resolve(drv.name().replace(".drv", "") + "-" + drv.hashPart().substring(0, 8) + ".log");
        List<String> cmd = nix.command("nix-build", nixFile.toString(), "-o", link.toString());
        NixBuild.Run run = NixBuild.run(cmd, timeout, log, progress);
        Proc.Result r = run.result();
        if (!r.ok()) {
            return new Failed(drv, r.timedOut() ? NixExit.TIMED_OUT : r.exitCode(), run.tail(25), List.of("nix-store", "-l", drv.path()), cmd, log, r.elapsed());
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
        return new Built(drv, built, already, copied ? Optional.of(run.substituted().get(built.path())) : Optional.empty(), cmd, log, r.elapsed());
    }
}
