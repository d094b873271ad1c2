package workshop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import nixpylab.Proc;
import nixpylab.ShellWords;
import nixpylab.derivation.BuilderEnd;
import nixpylab.nix.Nix;
import nixpylab.nix.NixErrors;
import nixpylab.nix.NixBuild;
import nixpylab.nix.NixHash;
import nixpylab.nix.StorePath;

/**
 * One check of one exercise folder: runs Nix in that folder the way the learner would, and keeps
 * the commands it ran as evidence. {@link Failed} ends the check early with a verdict.
 */
public final class Attempt {
    /** Ends a check with a failing verdict (a file Nix cannot evaluate, a build that fails, …). */
    public static final class Failed extends RuntimeException {
        private final transient Verdict verdict;

        Failed(Verdict verdict) {
            super(verdict.message(), null, false, false);
            this.verdict = verdict;
        }

        public Verdict verdict() {
            return verdict;
        }
    }

    private final Exercise exercise;
    private final Path dir;
    private final Nix nix;
    private final CheckProgress progress;
    private final Path buildLog;
    private final List<String> evidence = new ArrayList<>();
    private final Optional<NixHash> sourceHash;

    /**
     * sourceHash: the real hash of the CPython tarball the workshop gave this folder (empty before
     * one was found); buildLog: where the plain log of the check's last nix-build goes.
     */
    public Attempt(Exercise exercise, Path dir, Nix nix, CheckProgress progress, Optional<NixHash> sourceHash, Path buildLog) {
        this.buildLog = buildLog;
        this.sourceHash = sourceHash;
        this.exercise = exercise;
        this.dir = dir;
        this.nix = nix;
        this.progress = progress;
    }

    public Exercise exercise() {
        return exercise;
    }

    public Path dir() {
        return dir;
    }

    public Optional<NixHash> sourceHash() {
        return sourceHash;
    }

    public Nix nix() {
        return nix;
    }

    /** The learner's main file (the first in "files"). */
    public String mainFile() {
        return exercise.files().get(0);
    }

    public List<String> evidence() {
        return evidence;
    }

    public void note(String line) {
        evidence.add(line);
    }

    public Verdict pass(String message) {
        return Verdict.pass(message, evidence);
    }

    public Failed fail(String message) {
        return new Failed(Verdict.fail(message, evidence));
    }

    /** Runs a Nix command in the exercise folder; its command line goes into the evidence. */
    public Proc.Result nix(Duration timeout, String... args) {
        List<String> cmd = nix.command(args);
        progress.progress("$ " + ShellWords.shown(cmd));
        Proc.Result r = args[0].equals("nix-build") ? build(cmd, timeout) : Proc.of(cmd).in(dir).timeout(timeout).onLine(new Heartbeat()).run();
        for (int again = 0; again < 3 && args[0].equals("nix-build") && killedAsItFinished(r); again++) {
            progress.progress("Nix killed the builder as it ended (signal 9): " + whyKilled() + " Building once more.");
            evidence.add("$ " + ShellWords.shown(cmd) + "   (exit " + r.exitCode() + ": " + KILLED + ", built once more)");
            r = build(cmd, timeout);
        }
        evidence.add("$ " + ShellWords.shown(cmd) + "   (exit " + r.exitCode() + ", " + r.elapsed().toMillis() + " ms)");
        if (r.timedOut()) throw fail("'" + ShellWords.shown(cmd) + "' did not finish within " + timeout.toMinutes() + " minutes; the check gave up.");
        return r;
    }

    static final String KILLED = "failed due to signal 9 (Killed)";

    /**
     * A build Nix reports killed by signal 9 within seconds: Nix takes the end of a builder's output
     * as its end and kills what is left, so a /bin/sh builder whose last command closes its output
     * before it exits (coreutils do) is sometimes killed (BuilderEnd; 44 in 100 with Nix 2.34.8's
     * sandbox here). The check builds once more, and says which of the learner's builders ends so.
     */
    static boolean killedAsItFinished(Proc.Result r) {
        return !r.ok() && r.elapsed().toSeconds() < 30 && r.stderr().contains(KILLED);
    }

    /** Which of the exercise's builders ends on a program that closes its output, as BuilderEnd tells it. */
    private String whyKilled() {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir, 2)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".nix") && Files.isRegularFile(p)).sorted().toList()) {
                for (String script : BuilderEnd.scripts(Files.readString(f))) {
                    BuilderEnd.whyKilled(script).ifPresent(why -> found.add(dir.relativize(f) + ": " + why));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // the reason is a courtesy: a folder that cannot be read gets the general one
        }
        return found.isEmpty() ? "Nix takes the end of a builder's output as its end, and kills what is left of it." : String.join(" ", found);
    }

    /** A nix-build, followed through Nix's structured log; its result reads as the plain log would. */
    private Proc.Result build(List<String> cmd, Duration timeout) {
        NixBuild.Run run;
        try {
            run = NixBuild.run(cmd, dir, timeout, buildLog, progress::building);
        } finally {
            progress.buildEnded();
        }
        Proc.Result r = run.result();
        return new Proc.Result(r.command(), r.exitCode(), r.stdout(), run.plainText(), r.lines(), r.elapsed(), r.timedOut());
    }

    /** A long command says every 10 s how long it has run and what it is doing, instead of a wall of log. */
    private final class Heartbeat implements Consumer<Proc.Line> {
        private final long start = System.nanoTime();
        private long last = start;

        @Override
        public void accept(Proc.Line line) {
            long now = System.nanoTime();
            if (now - last < 10_000_000_000L || line.text().isBlank()) return;
            last = now;
            String text = line.text().strip();
            progress.progress("  … " + (now - start) / 1_000_000_000L + " s: " + (text.length() > 90 ? text.substring(0, 89) + "…" : text));
        }
    }

    /** The store derivation of a file; a file Nix cannot read fails the check. */
    public StorePath derivation(String file) {
        Proc.Result r = nix(Duration.ofMinutes(2), "nix-instantiate", file);
        if (!r.ok()) throw fail("Nix cannot evaluate " + file + ": " + errorOf(r) + " Fix the file where Nix points (or start over with reset).");
        return StorePath.parse(r.stdout().strip().split("\n")[0]);
    }

    /** The output path the file would build, without building it. */
    public StorePath outputOf(String file) {
        return nix.outputOf(derivation(file));
    }

    /** Nix's first error line, without the "error: " prefix, or the last line it wrote. */
    public static String errorOf(Proc.Result r) {
        String e = NixErrors.firstError(r.stderr()).orElse(r.lastErrorLine()).replaceFirst("^error: ", "");
        return e.endsWith(".") || e.endsWith(":") ? e : e + ".";
    }
}
