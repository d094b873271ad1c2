package terminal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nixpylab.BuildTimes;
import nixpylab.nix.BuildWatch;
import workshop.Exercise;
import workshop.Verdict;
import workshop.WorkshopFolder;

/** Everything the workshop prints; while a check builds, a build clock (BuildClock). */
public final class WorkshopView implements workshop.CheckProgress {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final PrintStream out;
    private final Path cwd = Path.of("").toAbsolutePath();

    public WorkshopView(PrintStream out) {
        this.out = out;
    }

    public static final String SCRIPT = "./jbang scripts/Workshop.java";

    String shown(Path p) {
        Path a = p.toAbsolutePath().normalize();
        return a.startsWith(cwd) && !a.equals(cwd) ? cwd.relativize(a).toString() : a.toString();
    }

    public void list(WorkshopFolder w, List<WorkshopFolder.Status> statuses) {
        out.println("NixPy Lab workshop in " + shown(w.workdir()) + ": " + statuses.size() + " exercises");
        byHand(w);
        out.printf("%-3s %-30s %-16s %-16s %-6s %s%n", "#", "exercise", "chapter", "state", "hints", "last check");
        for (WorkshopFolder.Status s : statuses) {
            Exercise e = s.exercise();
            String state = switch (s.state()) {
                case NEW -> "not started";
                case STARTED -> "started";
                case FAILED -> "not yet";
                case PASSED -> "passed";
            };
            if (!s.seconds().isEmpty() && s.state() != WorkshopFolder.State.STARTED) state += " (" + s.seconds() + " s)";
            out.printf("%-3d %-30s %-16s %-16s %-6s %s%n", e.number(), e.title(), e.chapter(), state, s.hintsShown() + "/" + e.hints().size(),
                    abbreviate(s.message(), 70));
        }
        long passed = statuses.stream().filter(s -> s.state() == WorkshopFolder.State.PASSED).count();
        out.println(passed + " of " + statuses.size() + " passed");
        statuses.stream().filter(s -> s.state() != WorkshopFolder.State.PASSED).findFirst().ifPresentOrElse(
                s -> out.println("next: exercise " + s.exercise().number() + ", in " + shown(w.folder(s.exercise())) + "/ — " + SCRIPT + " check " + s.exercise().number() + " (or " + SCRIPT + " watch)"),
                () -> out.println("All " + statuses.size() + " exercises pass."));
    }

    /** On a sandboxed Nix the exercises need the host's tools opened, in the learner's own builds too: the exact words. */
    void byHand(WorkshopFolder w) {
        List<String> opts = w.nix().hostPathOptions();
        if (opts.isEmpty()) return;
        List<String> cmd = new ArrayList<>(List.of("nix-build"));
        cmd.addAll(opts);
        cmd.add("FILE");
        out.println("This Nix builds in a sandbox, and the exercises build with this machine's tools: build by hand as the checks do,");
        out.println("  " + terminal.Cli.shown(cmd));
    }

    public void task(WorkshopFolder w, Exercise e) {
        out.println("Exercise " + e.number() + ": " + e.title() + "   (files in " + shown(w.folder(e)) + "/: " + String.join(", ", e.files()) + ")");
        out.println();
        for (String l : e.taskBody().split("\n")) out.println(l.isBlank() ? "" : "  " + l);
        out.println("Chapter: chapters/" + e.chapter() + ".adoc   Hints: " + SCRIPT + " hint " + e.number());
    }

    @Override
    public void progress(String line) {
        out.println("  " + line);
    }

    private BuildClock clock;

    @Override
    public synchronized void building(BuildWatch.Progress p) {
        if (clock == null) clock = new BuildClock(out, 1, BuildTimes.standard());
        clock.progress(p);
    }

    @Override
    public synchronized void buildEnded() {
        if (clock != null) clock.close();
        clock = null;
    }

    public void checking(WorkshopFolder w, Exercise e) {
        out.println("Checking exercise " + e.number() + ": " + e.title() + " (" + shown(w.folder(e)) + ")");
        byHand(w);
    }

    public void verdict(Exercise e, Verdict v, int hintsShown) {
        out.println((v.passed() ? "PASSED: " : "NOT YET: ") + v.message());
        String took = took(v.took());
        if (!v.passed() && hintsShown < e.hints().size()) {
            out.println("checked in " + took + "; stuck? " + SCRIPT + " hint " + e.number() + " (" + hintsShown + " of " + e.hints().size() + " hints shown)");
        } else {
            out.println("checked in " + took);
        }
    }

    public void hints(Exercise e, List<String> shown) {
        out.println("Exercise " + e.number() + ": " + e.title() + " — hint " + shown.size() + " of " + e.hints().size());
        for (int i = 0; i < shown.size(); i++) {
            out.println();
            out.println("Hint " + (i + 1) + ":");
            for (String l : shown.get(i).split("\n")) out.println("  " + l);
        }
        out.println();
        out.println(shown.size() < e.hints().size() ? "Run it again for the next hint." : "That was the last hint.");
    }

    /** After a pass: where the reference solution is, to compare with. */
    public void solutionPointer(WorkshopFolder w, Exercise e) {
        out.println("The reference solution, to compare with yours: " + shown(e.solutionDir()) + "/");
    }

    public void keysHelp() {
        out.println("keys: n next exercise · h a hint · l the list · q quit");
    }

    public void reset(WorkshopFolder w, Exercise e, Optional<Path> kept) {
        out.println("Exercise " + e.number() + " is back to its starting files in " + shown(w.folder(e)) + "/ (the hints you have seen stay shown).");
        kept.ifPresent(k -> out.println("Your files as they were are kept in " + shown(k) + "/."));
    }

    public void watching(WorkshopFolder w, Exercise e) {
        out.println();
        task(w, e);
        out.println();
    }

    public void waiting(WorkshopFolder w, Exercise e) {
        out.println("[" + now() + "] watching " + shown(w.folder(e)) + "/: save a file there and it is checked with Nix. Ctrl-C stops.");
    }

    /** The watch loop's events, printed. */
    public workshop.WatchSession.Events watchEvents(WorkshopFolder w) {
        WorkshopView view = this;
        return new workshop.WatchSession.Events() {
            @Override
            public void watching(Exercise e) {
                view.watching(w, e);
            }

            @Override
            public void untouched(Exercise e) {
                view.untouched(e);
            }

            @Override
            public void waiting(Exercise e) {
                view.waiting(w, e);
            }

            @Override
            public void saw(workshop.Watcher.Change c) {
                view.saw(c);
            }

            @Override
            public void restarting(workshop.Watcher.Change c) {
                out.println("[" + now() + "] saw " + String.join(", ", c.files()) + " change during the check: stopped it, checking again");
            }

            @Override
            public void progress(String line) {
                view.progress(line);
            }

            @Override
            public void building(BuildWatch.Progress p) {
                view.building(p);
            }

            @Override
            public void buildEnded() {
                view.buildEnded();
            }

            @Override
            public void verdict(Exercise e, Verdict v) {
                view.verdict(e, v, hintsShown(w, e));
            }

            @Override
            public void allDone(int exercises) {
                view.allDone(exercises);
            }

            @Override
            public void passed(Exercise e) {
                view.solutionPointer(w, e);
            }

            @Override
            public void key(char k, Exercise e) {
                switch (k) {
                    case 'h' -> view.hints(e, w.nextHint(e));
                    case 'l' -> view.list(w, w.statuses());
                    case 'n' -> out.println("[" + now() + "] on to the next exercise (this one stays not passed; come back with check " + e.number() + ")");
                    case 'q' -> out.println("[" + now() + "] bye");
                    default -> view.keysHelp();
                }
            }
        };
    }

    public static int hintsShown(WorkshopFolder w, Exercise e) {
        return w.statuses().stream().filter(s -> s.exercise().equals(e)).findFirst().map(WorkshopFolder.Status::hintsShown).orElse(0);
    }

    public void saw(workshop.Watcher.Change c) {
        String when = c.madeDuringLastCheck() ? "saved while the last check ran" : Duration.between(c.reported(), c.seen()).toMillis() + " ms after the save";
        out.println("[" + now() + "] saw " + String.join(", ", c.files()) + " change (" + when + "); checking");
    }

    public void untouched(Exercise e) {
        out.println("(not checked yet: the files are as the exercise starts, and the starting files never pass)");
    }

    public void allDone(int n) {
        out.println("[" + now() + "] all " + n + " exercises pass. Well done.");
    }

    static String took(Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + " ms" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static String now() {
        return LocalTime.now().format(CLOCK);
    }

    private static String abbreviate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
