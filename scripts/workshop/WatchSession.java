package workshop;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code watch} loop, like rustlings: the first exercise not passed yet is checked each time
 * a learner's file in its folder changes; a save while a check runs stops that check (and its
 * nix-build) and starts a new one; when the exercise passes, the next one is watched.
 */
public final class WatchSession {
    /** What the loop reports; the script prints it. */
    public interface Events {
        void watching(Exercise e);

        void untouched(Exercise e);

        void waiting(Exercise e);

        void saw(Watcher.Change c);

        void restarting(Watcher.Change c);

        void progress(String line);

        void verdict(Exercise e, Verdict v);

        void allDone(int exercises);
    }

    private final WorkshopFolder workshop;
    private final Events events;

    public WatchSession(WorkshopFolder workshop, Events events) {
        this.workshop = workshop;
        this.events = events;
    }

    /** Runs until every exercise passes (returns 0) or the JVM is stopped (Ctrl-C). */
    public int run() throws InterruptedException {
        while (true) {
            Optional<Exercise> current = workshop.current();
            if (current.isEmpty()) {
                events.allDone(workshop.catalog().exercises().size());
                return 0;
            }
            Exercise e = current.get();
            workshop.prepare(e);
            events.watching(e);
            boolean links = Boolean.parseBoolean(e.settings().getProperty("watchLinks", "false"));
            try (Watcher watcher = new Watcher(workshop.folder(e), links)) {
                Map<String, String> baseline = watcher.snapshot();
                boolean passed = false;
                if (workshop.untouched(e)) events.untouched(e);
                else passed = check(e, watcher, baseline);
                while (!passed) {
                    Watcher.Change c = watcher.await(baseline, () -> events.waiting(e));
                    baseline = watcher.snapshot();
                    events.saw(c);
                    passed = check(e, watcher, baseline);
                }
            }
        }
    }

    /** Checks in a worker thread; a save meanwhile interrupts it (Proc stops the running nix-build) and checks again. */
    private boolean check(Exercise e, Watcher watcher, Map<String, String> baseline) throws InterruptedException {
        while (true) {
            Outcome outcome = new Outcome();
            Thread worker = new Thread(() -> outcome.run(() -> workshop.check(e, events::progress)), "workshop-check");
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

        void run(java.util.function.Supplier<Verdict> check) {
            try {
                verdict = check.get();
            } catch (RuntimeException ex) {
                if (!Thread.currentThread().isInterrupted()) failure = ex; // Proc keeps the flag set when it stops a command
            }
        }
    }
}
