///usr/bin/env jbang "$0" "$@" ; exit $?
//SOURCES nixpylab/Toolkit.java

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import nixpylab.nix.Nix;
import nixpylab.room.Membership;
import nixpylab.source.HashProvenance;
import nixpylab.source.SourceLocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import terminal.Cli;
import terminal.CommandGroups;
import terminal.Keys;
import terminal.NixChoice;
import terminal.RoomCommands;
import terminal.SolutionsView;
import terminal.SourceOptions;
import terminal.WorkshopView;
import workshop.InstructorRuns;
import workshop.Catalog;
import workshop.Exercise;
import workshop.SourceChoice;
import workshop.Verdict;
import workshop.WatchSession;
import workshop.WorkshopFolder;

@Command(name = "Workshop", mixinStandardHelpOptions = true, version = Cli.VERSION,
        description = "Workshop exercises: solve them in ./workshop, and the toolkit checks them with real Nix.",
        subcommands = {Workshop.ListCmd.class, Workshop.CheckCmd.class, Workshop.HintCmd.class, Workshop.ResetCmd.class, Workshop.WatchCmd.class,
                RoomCommands.Publish.class, RoomCommands.Serve.class, RoomCommands.Join.class, RoomCommands.Leave.class})
public class Workshop implements Callable<Integer>, CommandGroups {
    @Mixin
    NixChoice nix;

    public static void main(String[] args) {
        System.exit(Cli.execute(new Workshop(), args));
    }

    @Override
    public Integer call() {
        return new ListCmd().call();
    }

    @Override
    public Map<String, List<String>> commandGroups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("For learners", List.of("list", "watch", "check", "hint", "reset", "join", "leave"));
        groups.put("For instructors", List.of("publish", "serve"));
        return groups;
    }

    static class Options {
        @Option(names = "--workdir", description = "The learner's workshop folder (default: workshop; with check --solutions: build/workshop-solutions).")
        Path workdir;

        @Option(names = "--exercises", paramLabel = "DIR", description = "Where the exercises are (default: the repository's exercises/).")
        Path exercises;

        @Mixin
        SourceOptions sources = new SourceOptions();

        WorkshopFolder open(String defaultDir) {
            Catalog c = Catalog.load(Cli.exercises(exercises));
            Path dir = workdir == null ? Path.of(defaultDir) : workdir;
            Optional<Membership> room = Membership.of(dir);
            Nix nix = Nix.detect().withHostPaths(SourceLocator.sandboxDirs(sources.sourceUrl));
            if (room.isPresent()) nix = room.get().forExercises(nix);
            String url = sources.sourceUrl == null && sources.source == null ? room.map(Membership::sourceUrl).orElse(null) : sources.sourceUrl;
            List<HashProvenance.Witness> witnesses = room.map(m -> List.of(new HashProvenance.Witness(m.sourceUrl(),
                    "the workshop room " + m.url() + " (its description signed by " + m.key().name() + ")", m.info().sourceSha256()))).orElse(List.of());
            return new WorkshopFolder(c, dir, nix, new SourceChoice(sources.source, url, witnesses, sources.trustFirstUse));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The exercises and how far you are with each.")
    static class ListCmd implements Callable<Integer> {
        @Mixin
        Options options = new Options();

        @Override
        public Integer call() {
            WorkshopFolder w = options.open("workshop");
            new WorkshopView(System.out).list(w, w.statuses());
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = "Checks an exercise with real Nix (default: the first one not passed yet).",
            exitCodeList = {"0:The exercise passed (or every exercise already had).", "1:Not yet: the check says what it saw and what to try."})
    static class CheckCmd implements Callable<Integer> {
        @Mixin
        Options options;

        @Parameters(arity = "0..1", paramLabel = "N", description = "The exercise's number.")
        String which;

        @Option(names = "--solutions", description = "For instructors: in a fresh folder, every exercise must fail on its starting files and pass on its reference solution.")
        boolean solutions;

        @Override
        public Integer call() {
            WorkshopView view = new WorkshopView(System.out);
            if (solutions) {
                WorkshopFolder w = options.open("build/workshop-solutions");
                SolutionsView shown = new SolutionsView(System.out);
                shown.header(w);
                long t0 = System.nanoTime();
                List<InstructorRuns.SolutionRun> runs = InstructorRuns.solutions(w, view, shown::solution);
                shown.summary(runs, Duration.ofNanos(System.nanoTime() - t0));
                return runs.stream().allMatch(InstructorRuns.SolutionRun::ok) ? 0 : 1;
            }
            WorkshopFolder w = options.open("workshop");
            Optional<Exercise> e = which == null ? w.current() : Optional.of(w.catalog().find(which));
            if (e.isEmpty()) {
                view.allDone(w.catalog().exercises().size());
                return 0;
            }
            view.checking(w, e.get());
            Verdict v = w.check(e.get(), view);
            view.verdict(e.get(), v, WorkshopView.hintsShown(w, e.get()));
            if (v.passed()) view.solutionPointer(w, e.get());
            return v.passed() ? 0 : 1;
        }
    }

    /** A subcommand about one exercise: the one given by its number, or the current one (the first not passed yet). */
    abstract static class OneExercise implements Callable<Integer> {
        @Mixin
        Options options;

        @Parameters(arity = "0..1", paramLabel = "N", description = "The exercise's number (default: the current one, the first not passed yet).")
        String which;

        /** The exercise asked for; when none is and every exercise passed, the last one. */
        Exercise exercise(WorkshopFolder w) {
            if (which != null) return w.catalog().find(which);
            List<Exercise> all = w.catalog().exercises();
            return w.current().orElse(all.get(all.size() - 1));
        }
    }

    @Command(name = "hint", mixinStandardHelpOptions = true, description = "Shows the next hint of an exercise, one at a time.")
    static class HintCmd extends OneExercise {
        @Override
        public Integer call() {
            WorkshopFolder w = options.open("workshop");
            Exercise e = exercise(w);
            new WorkshopView(System.out).hints(e, w.nextHint(e));
            return 0;
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true, description = "Puts an exercise back to its starting files (and sets it up again).")
    static class ResetCmd extends OneExercise {
        @Override
        public Integer call() {
            WorkshopFolder w = options.open("workshop");
            Exercise e = exercise(w);
            new WorkshopView(System.out).reset(w, e, w.reset(e));
            return 0;
        }
    }

    @Command(name = "watch", mixinStandardHelpOptions = true, description = {"Checks the current exercise each time you save a file in its folder; moves on when it passes.",
            "On a terminal, keys: n next exercise, h a hint, l the list, q quit."})
    static class WatchCmd implements Callable<Integer> {
        @Mixin
        Options options;

        @Override
        public Integer call() throws InterruptedException {
            WorkshopFolder w = options.open("workshop");
            WorkshopView view = new WorkshopView(System.out);
            try (Keys keys = Keys.fromTerminal()) {
                if (keys.live()) view.keysHelp();
                return new WatchSession(w, view.watchEvents(w), keys::poll).run();
            }
        }
    }
}
