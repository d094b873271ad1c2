package workshop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import nixpylab.Proc;
import nixpylab.nix.StorePath;

/**
 * What an instructor runs over every exercise of a workshop folder: each reference solution
 * against its starting files (check --solutions), and the starting builds a room hands out.
 */
public final class InstructorRuns {
    private InstructorRuns() {}

    public record SolutionRun(Exercise exercise, Verdict start, Verdict solution) {
        public boolean ok() {
            return !start.passed() && solution.passed();
        }
    }

    /** For every exercise, in a fresh folder: the starting files must fail the check, the solution must pass it. */
    public static List<SolutionRun> solutions(WorkshopFolder w, CheckProgress progress, Consumer<SolutionRun> each) {
        List<SolutionRun> runs = new ArrayList<>();
        for (Exercise e : w.catalog().exercises()) {
            w.reset(e);
            progress.progress("exercise " + e.number() + " (" + e.slug() + "): the starting files");
            Verdict start = w.check(e, progress);
            progress.progress("exercise " + e.number() + " (" + e.slug() + "): the reference solution");
            w.applySolution(e);
            Verdict solution = w.check(e, progress);
            SolutionRun r = new SolutionRun(e, start, solution);
            each.accept(r);
            runs.add(r);
        }
        return runs;
    }

    /** One exercise file's starting build: its output paths, or why there are none (it is each learner's own, or it does not build as it starts). */
    public record StartingBuild(Exercise exercise, String file, List<StorePath> outputs, String why) {}

    /**
     * What a workshop room can build once for everyone: each exercise's starting files built, where
     * they build and are the same for every learner (not those that use @nonce@, which make each
     * learner's build their own). Prepares each in a fresh folder of the workshop folder.
     */
    public static List<StartingBuild> startingBuilds(WorkshopFolder w, CheckProgress progress) {
        List<StartingBuild> out = new ArrayList<>();
        for (Exercise e : w.catalog().exercises()) {
            List<String> nixFiles = e.files().stream().filter(f -> f.endsWith(".nix")).toList();
            if (usesNonce(e)) {
                for (String f : nixFiles) out.add(new StartingBuild(e, f, List.of(), "each learner's own (@nonce@)"));
                continue;
            }
            w.keepCopy(e); // the room's folder may be a learner's too: their files go where reset keeps them
            FileTree.delete(w.folder(e));
            w.prepare(e);
            for (String f : nixFiles) {
                progress.progress("exercise " + e.number() + " (" + e.slug() + "): nix-build " + f);
                Proc.Result r = Proc.of(w.nix().command("nix-build", "--no-out-link", f)).in(w.folder(e)).timeout(Duration.ofMinutes(30)).run();
                List<StorePath> paths = r.ok() ? r.stdout().lines().map(StorePath::find).flatMap(Optional::stream).toList() : List.of();
                out.add(new StartingBuild(e, f, paths, r.ok() ? "" : "it does not build as it starts (that is the exercise)"));
            }
        }
        return out;
    }

    private static boolean usesNonce(Exercise e) {
        try {
            for (String f : Exercise.filesUnder(e.startDir())) {
                if (Files.readString(e.startDir().resolve(f), StandardCharsets.UTF_8).contains("@nonce@")) return true;
            }
            return false;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
