package workshop;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@code watch} loop, like rustlings: the first exercise not passed yet is checked each time
 * a learner's file in its folder changes; a save while a check runs stops that check (and its
 * nix-build) and starts a new one; when the exercise passes, the next one is watched.
 */
public final class WatchSession {
    /** What the loop reports; the script prints it. */
    public interface Events extends CheckProgress {
        void watching(Exercise e);

        void untouched(Exercise e);

        void waiting(Exercise e);

        void saw(Watcher.Change c);

        void restarting(Watcher.Change c);

        void verdict(Exercise e, Verdict v);

        void allDone(int exercises);

        /** The exercise passed (the next one comes). */
        void passed(Exercise e);

        /** A key typed while watching e: n next, h hint, l list, q quit (anything else: the keys). */
        void key(char k, Exercise e);
    }

    private final WorkshopFolder workshop;
    private final Events events;
    private final Function<Duration, Optional<Character>> keys;

    /** keys gives the next key typed within the time given (none without a terminal). */
    public WatchSession(WorkshopFolder workshop, Events events, Function<Duration, Optional<Character>> keys) {
        this.workshop = workshop;
        this.events = events;
        this.keys = keys;
    }

    /** Runs until every exercise passes or q is typed (returns 0), or the JVM is stopped (Ctrl-C). */
    public int run() throws InterruptedException {
        Set<Exercise> skipped = new HashSet<>();
        while (true) {
            List<Exercise> open = workshop.statuses().stream().filter(s -> s.state() != WorkshopFolder.State.PASSED).map(WorkshopFolder.Status::exercise).toList();
            if (open.isEmpty()) {
                events.allDone(workshop.catalog().exercises().size());
                return 0;
            }
            if (skipped.containsAll(open)) skipped.clear();
            Exercise e = open.stream().filter(x -> !skipped.contains(x)).findFirst().orElseThrow();
            workshop.prepare(e);
            events.watching(e);
            boolean links = Boolean.parseBoolean(e.settings().getProperty("watchLinks", "false"));
            try (Watcher watcher = new Watcher(workshop.folder(e), links)) {
                Map<String, String> baseline = watcher.snapshot();
                boolean passed = false;
                if (workshop.untouched(e)) events.untouched(e);
                else passed = check(e, watcher, baseline);
                while (!passed) {
                    events.waiting(e);
                    Optional<Watcher.Change> c = Optional.empty();
                    while (c.isEmpty()) {
                        c = watcher.poll(baseline, Duration.ofMillis(200));
                        if (c.isPresent()) break;
                        Optional<Character> k = keys.apply(Duration.ZERO);
                        if (k.isEmpty()) continue;
                        events.key(k.get(), e);
                        if (k.get() == 'q') return 0;
                        if (k.get() == 'n') break;
                    }
                    if (c.isEmpty()) {
                        skipped.add(e);
                        break;
                    }
                    baseline = watcher.snapshot();
                    events.saw(c.get());
                    passed = check(e, watcher, baseline);
                }
                if (passed) events.passed(e);
            }
        }
    }

    /** Checks in a worker thread; a save meanwhile interrupts it (Proc stops the running nix-build) and checks again. */
    private boolean check(Exercise e, Watcher watcher, Map<String, String> baseline) throws InterruptedException {
        while (true) {
            Outcome outcome = new Outcome();
            Thread worker = new Thread(() -> outcome.run(() -> workshop.check(e, events)), "workshop-check");
            worker.start();
            Optional<Watcher.Change> change = Optional.empty();
            while (worker.isAlive() && change.isEmpty()) {
                change = watcher.poll(baseline, Duration.ofMillis(200));
            }
            if (change.isEmpty()) {
                worker.join();
                if (outcome.failure != null) throw outcome.failure;
                events.verdict(e, outcome.verdict);
                return outcome.verdict.passed();
            }
            worker.interrupt();
            worker.join();
            baseline.clear();
            baseline.putAll(watcher.snapshot());
            events.restarting(change.get());
        }
    }

    private static final class Outcome {
        volatile Verdict verdict;
        volatile RuntimeException failure;

        void run(Supplier<Verdict> check) {
            try {
                verdict = check.get();
            } catch (RuntimeException ex) {
                if (!Thread.currentThread().isInterrupted()) failure = ex; // Proc keeps the flag set when it stops a command
            }
        }
    }
}
