package terminal;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import workshop.Exercise;
import workshop.InstructorRuns;
import workshop.WorkshopFolder;

/** What an instructor's check --solutions prints: each exercise's starting files and reference solution, then the count. */
public final class SolutionsView {
    private final PrintStream out;

    public SolutionsView(PrintStream out) {
        this.out = out;
    }

    public void header(WorkshopFolder w) {
        out.println("Checking every exercise in a fresh folder under " + Cli.path(w.workdir()) + ": the starting files must fail, the reference solution must pass.");
    }

    public void solution(InstructorRuns.SolutionRun r) {
        Exercise e = r.exercise();
        out.printf(Locale.ROOT, "%s exercise %d %-16s start: %s in %s; solution: %s in %s%n", r.ok() ? "ok  " : "BAD ", e.number(), e.slug(),
                r.start().passed() ? "PASSED (it must not)" : "failed as it should", WorkshopView.took(r.start().took()),
                r.solution().passed() ? "passed" : "FAILED", WorkshopView.took(r.solution().took()));
        out.println("       start says: " + r.start().message());
        if (!r.solution().passed()) {
            out.println("       solution says: " + r.solution().message());
            for (String l : r.solution().evidence()) out.println("         " + l);
        }
    }

    public void summary(List<InstructorRuns.SolutionRun> runs, Duration total) {
        long ok = runs.stream().filter(InstructorRuns.SolutionRun::ok).count();
        out.printf(Locale.ROOT, "solutions: %d of %d exercises behave (start fails, solution passes), %.1f s%n", ok, runs.size(), total.toMillis() / 1000.0);
    }
}
