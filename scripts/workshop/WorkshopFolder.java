package workshop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nixpylab.AtomicFile;
import nixpylab.LockedFolder;
import nixpylab.Proc;
import nixpylab.UserError;
import nixpylab.nix.Nix;
import nixpylab.nix.NixHash;

/**
 * A learner's workshop folder (default ./workshop): one folder per exercise with its starting
 * files, and the learner's progress (state of each exercise, hints shown) in
 * {@code .nixpylab/state.properties} ({@link WorkshopProgress}). Each call holds the folder's lock only while it works, so
 * {@code watch} in one terminal and {@code hint} in another do not block each other for long.
 */
public final class WorkshopFolder {
    public enum State { NEW, STARTED, FAILED, PASSED }

    public record Status(Exercise exercise, State state, int hintsShown, String message, String seconds) {}

    /** The folder locked, and its progress read: what every change of the folder works on. */
    private record Held(LockedFolder lock, WorkshopProgress progress) implements AutoCloseable {
        void save() {
            lock.write(progress.toProperties(), "NixPy Lab workshop progress; written by scripts/Workshop.java");
        }

        @Override
        public void close() {
            lock.close();
        }
    }

    /** The exercises' files as this folder fills them (its source, its nonce), remembering what it found in its progress. */
    private ExerciseTemplate template(Held h) {
        return new ExerciseTemplate(nix, sourceChoice, h.progress(), h::save);
    }

    private Held hold() {
        LockedFolder lock = LockedFolder.lock(workdir, "workshop command");
        return new Held(lock, WorkshopProgress.of(lock.read()));
    }

    private final Catalog catalog;
    private final Path workdir;
    private final Nix nix;
    private final SourceChoice sourceChoice;

    public WorkshopFolder(Catalog catalog, Path workdir, Nix nix, SourceChoice sourceChoice) {
        this.catalog = catalog;
        this.workdir = workdir.toAbsolutePath().normalize();
        this.nix = nix;
        this.sourceChoice = sourceChoice;
    }

    public Nix nix() {
        return nix;
    }

    public Catalog catalog() {
        return catalog;
    }

    public Path workdir() {
        return workdir;
    }

    public Path folder(Exercise e) {
        return workdir.resolve(e.slug());
    }

    public List<Status> statuses() {
        try (Held h = hold()) {
            List<Status> l = new ArrayList<>();
            for (Exercise e : catalog.exercises()) l.add(status(h.progress(), e));
            return l;
        }
    }

    private Status status(WorkshopProgress p, Exercise e) {
        WorkshopProgress.Entry x = p.of(e);
        State s = x.state().orElse(Files.isDirectory(folder(e)) ? State.STARTED : State.NEW);
        return new Status(e, s, x.hints(), x.message(), x.seconds());
    }

    /** The first exercise not passed yet; empty when all have passed. */
    public Optional<Exercise> current() {
        return statuses().stream().filter(s -> s.state() != State.PASSED).map(Status::exercise).findFirst();
    }

    /** Copies the starting files and runs the setup commands, unless the folder is already there. */
    public boolean prepare(Exercise e) {
        try (Held h = hold()) {
            return prepare(h, e);
        }
    }

    private boolean prepare(Held h, Exercise e) {
        Path dir = folder(e);
        if (Files.isDirectory(dir)) return false;
        Path partial = workdir.resolve(".nixpylab").resolve("preparing-" + e.slug());
        FileTree.delete(partial);
        try {
            for (String f : Exercise.filesUnder(e.startDir())) {
                AtomicFile.write(partial.resolve(f), template(h).filled(e.startDir().resolve(f), partial));
            }
            Files.createDirectories(partial);
            Files.move(partial, dir);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        for (List<String> cmd : e.setup()) {
            Proc.Result r = runCommand(dir, cmd);
            if (!r.ok()) {
                throw new UserError("Setting up exercise " + e.number() + " failed: '" + String.join(" ", cmd) + "' exited with " + r.exitCode() + ": " + r.lastErrorLine(),
                        "Check that Nix works (nix-build --version), then run: ./jbang scripts/Workshop.java reset " + e.number());
            }
        }
        WorkshopProgress.Entry x = h.progress().of(e);
        h.progress().put(e, new WorkshopProgress.Entry(Optional.of(State.STARTED), x.hints(), x.message(), x.seconds()));
        h.save();
        return true;
    }

    /**
     * Restores the starting files (and the setup), keeping the hints already shown. The learner's
     * own files are first copied to .nixpylab/reset/NN-name-TIME/, which is returned, if there were any.
     */
    public Optional<Path> reset(Exercise e) {
        try (Held h = hold()) {
            Optional<Path> kept = keepCopy(e);
            FileTree.delete(folder(e));
            h.progress().forgetChecks(e);
            h.save();
            prepare(h, e);
            return kept;
        }
    }

    /** Copies the learner's own files of an exercise to .nixpylab/reset/NN-name-TIME/, when there are any. */
    Optional<Path> keepCopy(Exercise e) {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now());
        return FileTree.copyFiles(folder(e), workdir.resolve(".nixpylab/reset").resolve(e.slug() + "-" + stamp));
    }

    /**
     * Checks the exercise folder with real Nix and records the verdict. The lock is held only to
     * prepare and to record, not during the build, so a hint can be asked for meanwhile.
     */
    public Verdict check(Exercise e, CheckProgress progress) {
        prepare(e);
        Optional<NixHash> sourceHash;
        try (Held h = hold()) {
            sourceHash = h.progress().source().map(s -> NixHash.parse(s.hash()));
        }
        long t0 = System.nanoTime();
        Verdict v;
        try {
            v = Check.of(e).run(new Attempt(e, folder(e), nix, progress, sourceHash, workdir.resolve(".nixpylab/logs").resolve(e.slug() + "-check.log")));
        } catch (Attempt.Failed f) {
            v = f.verdict();
        }
        v = v.took(Duration.ofNanos(System.nanoTime() - t0));
        try (Held h = hold()) {
            h.progress().put(e, new WorkshopProgress.Entry(Optional.of(v.passed() ? State.PASSED : State.FAILED), h.progress().of(e).hints(), v.message(),
                    String.format(Locale.ROOT, "%.1f", v.took().toMillis() / 1000.0)));
            h.save();
        }
        return v;
    }

    /** True when every starting file is still as the workshop wrote it (nothing to check yet). */
    public boolean untouched(Exercise e) {
        try (Held h = hold()) {
            prepare(h, e);
            for (String f : Exercise.filesUnder(e.startDir())) {
                String want = template(h).filled(e.startDir().resolve(f), folder(e));
                Path have = folder(e).resolve(f);
                if (!Files.isRegularFile(have) || !Files.readString(have, StandardCharsets.UTF_8).equals(want)) return false;
            }
            return true;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Shows one more hint (up to the last); returns the hints shown so far. */
    public List<String> nextHint(Exercise e) {
        if (e.hints().isEmpty()) throw new UserError("Exercise " + e.number() + " has no hints.", "Read its task again: ./jbang scripts/Workshop.java list");
        try (Held h = hold()) {
            prepare(h, e);
            WorkshopProgress.Entry x = h.progress().of(e);
            int shown = Math.min(e.hints().size(), x.hints() + 1);
            h.progress().put(e, new WorkshopProgress.Entry(x.state(), shown, x.message(), x.seconds()));
            h.save();
            return e.hints().subList(0, shown);
        }
    }

    /** Applies the reference solution to the exercise folder: its files, then its commands. */
    public void applySolution(Exercise e) {
        try (Held h = hold()) {
            prepare(h, e);
            Path dir = folder(e);
            for (String f : Exercise.filesUnder(e.solutionDir())) {
                AtomicFile.write(dir.resolve(f), template(h).filled(e.solutionDir().resolve(f), dir));
            }
            for (List<String> words : e.solutionCommands()) {
                List<String> cmd = words.stream().map(w -> template(h).fill(w, dir)).toList();
                Proc.Result r = runCommand(dir, cmd);
                if (!r.ok()) {
                    throw new UserError("The reference solution of exercise " + e.number() + " failed: '" + String.join(" ", cmd) + "' exited with " + r.exitCode() + ": " + r.lastErrorLine(),
                            "Fix " + e.solutionDir().resolve("commands.txt") + ".");
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private Proc.Result runCommand(Path dir, List<String> cmd) {
        List<String> full = cmd.get(0).startsWith("nix-") ? nix.command(cmd.toArray(String[]::new)) : cmd;
        return Proc.of(full).in(dir).timeout(Duration.ofMinutes(30)).run();
    }
}
