package nixpylab.steps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import nixpylab.Proc;
import nixpylab.AfterStop;
import nixpylab.DifferenceSummary;
import nixpylab.DiffoscopeView;
import nixpylab.LineDiff;
import nixpylab.UserError;
import nixpylab.derivation.DerivationFile;
import nixpylab.derivation.RepeatableBuild;
import nixpylab.derivation.RepeatableFix;
import nixpylab.workspace.WorkspaceState;
import nixpylab.workspace.Workspace;
import nixpylab.nix.BuildWatch;
import nixpylab.nix.CheckMismatch;
import nixpylab.nix.Nix;
import nixpylab.nix.NixErrors;
import nixpylab.nix.NixBuild;
import nixpylab.nix.StorePath;
import nixpylab.nix.VariedBuild;

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
        /** what the second build varied on purpose, and what it could not (empty: a plain second build). */
        List<VariedBuild.Tried> variations();
    }

    public record Repeatable(StorePath out, List<String> command, Duration elapsed, List<VariedBuild.Tried> variations) implements Outcome {}

    /**
     * summary: every differing path, with the classes of difference its bytes show; diffoscope: its
     * view of one file of each set of classes, or empty where it is not installed.
     */
    public record Differs(StorePath out, Path checkCopy, DifferenceSummary summary, Optional<List<DiffoscopeView.View>> diffoscope, String nixSays, List<String> command, Duration elapsed,
            List<VariedBuild.Tried> variations) implements Outcome {}

    /** How many files diffoscope is asked about, at most. */
    static final int DIFFOSCOPE_FILES = 4;


    /**
     * What --fix did: the fixes it wrote (asked for and not there yet), those asked for that were
     * there already, those the profile needs none of, the lines it added to the file, and the store
     * derivation before and after (the same when nothing was written).
     */
    public record Fixed(String fileName, Set<RepeatableFix> wrote, Set<RepeatableFix> already, Set<RepeatableFix> unneeded, List<String> added, StorePath drvBefore, StorePath drvAfter) {
        public boolean changed() {
            return !drvBefore.equals(drvAfter);
        }
    }

    private RepeatableStep() {}

    /** Writes the fixes asked for ({@link RepeatableBuild}, each for its classes of difference) into the workspace's derivation; building it is Build's. */
    public static Fixed fix(Workspace ws, Nix nix, Set<RepeatableFix> asked) {
        WorkspaceState st = ws.state();
        Step.BUILD.requireDone(st::done, ws.dir()); // a derivation file to fix is all it needs: what Build needs
        ws.refuseHandEdits();
        StorePath before = nix.instantiate(ws.nixFile(), null);
        DerivationFile was = st.derivationFile();
        Set<RepeatableFix> written = RepeatableBuild.written(st.profile().orElseThrow());
        Set<RepeatableFix> unneeded = EnumSet.noneOf(RepeatableFix.class), already = EnumSet.noneOf(RepeatableFix.class), wrote = EnumSet.noneOf(RepeatableFix.class);
        for (RepeatableFix f : asked) (!written.contains(f) ? unneeded : was.fixes().contains(f) ? already : wrote).add(f);
        if (wrote.isEmpty()) return new Fixed(was.fileName(), wrote, already, unneeded, List.of(), before, before);
        Set<RepeatableFix> all = EnumSet.copyOf(wrote); // not empty
        all.addAll(was.fixes());
        DerivationFile now = was.withFixes(all);
        List<String> added = LineDiff.unified(was.text(), now.text(), 0).stream()
                .filter(l -> l.startsWith("+") && !l.startsWith("+++")).map(l -> l.substring(1)).toList();
        st.fixes(all);
        ws.writeNixFile(now.fileName(), now.text());
        ws.save();
        return new Fixed(now.fileName(), wrote, already, unneeded, added, before, nix.instantiate(ws.nixFile(), null));
    }

    public static Outcome run(Workspace ws, Nix nix, Duration timeout, Consumer<BuildWatch.Progress> progress) {
        return run(ws, nix, false, timeout, progress);
    }

    /** vary: build the second time in another folder and file order where this Nix lets nix-build choose them ({@link VariedBuild}). */
    public static Outcome run(Workspace ws, Nix nix, boolean vary, Duration timeout, Consumer<BuildWatch.Progress> progress) {
        Step.REPEATABLE.requireDone(ws.state()::done, ws.dir());
        // the derivation as the file has it now (after --fix, not the build that result still points to)
        StorePath out = nix.outputOf(nix.instantiate(ws.nixFile(), null));
        if (!nix.isValid(out)) {
            throw new UserError(out + " is not in the store, so there is nothing to compare a second build with: "
                    + ws.nixFile().getFileName() + " has not been built as it is now.", "Run ./jbang scripts/Build.java first.");
        }
        Path log = ws.logDir().resolve("repeatable-check.log");
        // -K keeps the second result and the build folder, also when the build fails or is interrupted: ours to remove
        try (VariedBuild varied = vary ? VariedBuild.prepare(nix) : VariedBuild.none();
                AfterStop.Registration tidy = AfterStop.register(() -> removeLeftovers(log, Path.of(out.path() + ".check")))) {
            List<String> cmd = new ArrayList<>(nix.command("nix-build", ws.nixFile().toString(), "--check", "-K", "--no-out-link"));
            cmd.addAll(varied.options());
            List<VariedBuild.Tried> tried = varied.tried();
            NixBuild.Run run = NixBuild.run(cmd, varied.env(), null, timeout, log, progress);
            // as a learner would type it: the environment nix-build was given, then the command
            List<String> typed = new ArrayList<>();
            varied.env().forEach((k, v) -> typed.add(k + "=" + v));
            typed.addAll(cmd);
            Proc.Result r = run.result();
            String said = run.plainText();
            ws.state().done(Step.REPEATABLE, Instant.now());
            ws.save();
            if (r.ok()) return new Repeatable(out, typed, r.elapsed(), tried);
            Optional<CheckMismatch> m = CheckMismatch.parse(said);
            try {
                CheckMismatch mismatch = m.orElseThrow(() -> new UserError(
                        "nix-build --check failed without comparing: " + NixErrors.firstError(said).orElse("exit " + r.exitCode()),
                        "Build it first with ./jbang scripts/Build.java; if the build itself fails, its log says why."));
                DifferenceSummary summary = DifferenceSummary.compare(Path.of(out.path()), mismatch.checkCopy());
                Optional<List<DiffoscopeView.View>> views = DiffoscopeView.installed()
                        ? Optional.of(DiffoscopeView.ofEachClass(summary, Path.of(out.path()), mismatch.checkCopy(), DIFFOSCOPE_FILES)) : Optional.empty();
                return new Differs(out, mismatch.checkCopy(), summary, views, NixErrors.firstError(said).orElse(""), typed, r.elapsed(), tried);
            } finally {
                // neither the second result nor the build folder is a registered store path
                m.ifPresent(x -> remove(x.checkCopy()));
                CheckMismatch.keptBuildDir(said).ifPresent(RepeatableStep::remove);
            }
        }
    }

    /** After an interruption: the build folder Nix says it kept (its note may come a moment after it stopped) and the second result. */
    static void removeLeftovers(Path log, Path checkCopy) {
        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        Optional<Path> kept = Optional.empty();
        while (kept.isEmpty() && System.nanoTime() < until) {
            try {
                kept = CheckMismatch.keptBuildDir(Files.readString(log));
                if (kept.isEmpty()) Thread.sleep(100);
            } catch (IOException e) {
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        kept.ifPresent(RepeatableStep::remove);
        if (Files.exists(checkCopy, LinkOption.NOFOLLOW_LINKS)) remove(checkCopy);
    }

    private static void remove(Path p) {
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) Proc.of("rm", "-rf", p.toString()).timeout(Duration.ofMinutes(2)).run();
    }
}
