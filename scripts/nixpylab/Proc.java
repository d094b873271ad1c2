package nixpylab;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one place that starts processes: argument lists (never a shell string), a timeout,
 * stdout and stderr captured (and streamed line by line to a listener), and every child
 * stopped when the JVM is interrupted.
 */
public final class Proc {
    /** One line of output, tagged with the stream it came from. */
    public record Line(boolean stderr, String text) {}

    public record Result(List<String> command, int exitCode, String stdout, String stderr, List<Line> lines, Duration elapsed, boolean timedOut) {
        public boolean ok() {
            return exitCode == 0 && !timedOut;
        }

        /** The last line the program wrote to stderr: usually the one that says what went wrong. */
        public String lastErrorLine() {
            String[] l = stderr.strip().split("\n");
            return l.length == 0 ? "" : l[l.length - 1];
        }
    }

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Proc::stopAll, "nixpylab-stop-children"));
    }

    private final List<String> command;
    private Path dir;
    private Duration timeout = Duration.ofMinutes(2);
    private Consumer<Line> listener = l -> {};
    private boolean listenerGiven;
    private final Map<String, String> env = new HashMap<>();
    private boolean clean;
    private boolean oneStream;

    private Proc(List<String> command) {
        this.command = List.copyOf(command);
    }

    public static Proc of(List<String> command) {
        return new Proc(command);
    }

    public static Proc of(String... command) {
        return new Proc(List.of(command));
    }

    public Proc in(Path dir) {
        this.dir = dir;
        return this;
    }

    public Proc timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    public Proc onLine(Consumer<Line> listener) {
        this.listener = listener;
        this.listenerGiven = true;
        return this;
    }

    public Proc env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Its stderr into the same pipe as its stdout, interleaved as a terminal shows them (all lines then read as stdout). */
    public Proc oneStream() {
        this.oneStream = true;
        return this;
    }

    /** Runs the command; a program that cannot be started is reported as exit code 127. */
    public Result run() {
        long start = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(command);
        if (dir != null) pb.directory(dir.toFile());
        if (clean) pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectErrorStream(oneStream);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new Result(command, 127, "", e.getMessage() + "\n", List.of(new Line(true, e.getMessage())), Duration.ofNanos(System.nanoTime() - start), false);
        }
        LIVE.add(p);
        List<Line> lines = Collections.synchronizedList(new ArrayList<>());
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        Thread to = pump(p.getInputStream(), false, out, lines);
        Thread te = pump(p.getErrorStream(), true, err, lines);
        boolean timedOut = false;
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                timedOut = true;
                stop(p);
            }
            to.join();
            te.join();
        } catch (InterruptedException e) {
            stop(p);
            Thread.currentThread().interrupt();
            throw new UserError("Interrupted while running: " + String.join(" ", command), "Run the step again; it starts over safely.");
        } finally {
            LIVE.remove(p);
        }
        int code = timedOut ? 124 : p.exitValue();
        synchronized (lines) {
            return new Result(command, code, out.toString(), err.toString(), List.copyOf(lines), Duration.ofNanos(System.nanoTime() - start), timedOut);
        }
    }

    /**
     * Runs the command on this process's own terminal (stdin, stdout and stderr passed through),
     * for a command the user watches and answers; returns its exit code (124 on timeout). Its
     * children are stopped like those of {@link #run}.
     */
    public int runInherited() {
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        if (dir != null) pb.directory(dir.toFile());
        if (clean) pb.environment().clear();
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UserError("Could not start " + command.get(0) + ": " + e.getMessage(), "Check that it is installed and on PATH.");
        }
        LIVE.add(p);
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(p);
                return 124;
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            stop(p);
            Thread.currentThread().interrupt();
            throw new UserError("Interrupted while running: " + String.join(" ", command), "Run it again; it starts over safely.");
        } finally {
            LIVE.remove(p);
        }
    }

    /** Replaces the environment with only the variables given by env() (plus none inherited). */
    public Proc cleanEnv() {
        this.clean = true;
        return this;
    }

    /**
     * Starts a long-running program that halt() or the JVM's exit stops. Its output goes, line by
     * line, to the onLine listener if one was given, and is discarded otherwise.
     */
    public Process spawn() {
        boolean streamed = listenerGiven;
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (!streamed) pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        if (dir != null) pb.directory(dir.toFile());
        if (clean) pb.environment().clear();
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            LIVE.add(p);
            if (streamed) pump(p.getInputStream(), false, new StringBuilder(), Collections.synchronizedList(new ArrayList<>()));
            return p;
        } catch (IOException e) {
            throw new UserError("Could not start " + command.get(0) + ": " + e.getMessage(), "Check that it is installed and on PATH.");
        }
    }

    /** Stops a spawned program and its children. */
    public static void halt(Process p) {
        stop(p);
        LIVE.remove(p);
    }

    private Thread pump(InputStream in, boolean isErr, StringBuilder sink, List<Line> lines) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String s;
                while ((s = r.readLine()) != null) {
                    Line line = new Line(isErr, s);
                    synchronized (sink) {
                        sink.append(s).append('\n');
                    }
                    lines.add(line);
                    listener.accept(line);
                }
            } catch (IOException ignored) {
                // the process went away; what was read is kept
            }
        }, "nixpylab-pump");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Its children first, then the command (Nix, its builder gone, ends the build, cleans or names
     * its build folder and exits), each through its handle: Process.destroy() also closes the
     * pipes, and Nix, its last words cut off, never said which build folder it kept. A child still
     * there once the command has ended (a sandbox's first process ignores SIGTERM) is killed.
     */
    private static void stop(Process p) {
        List<ProcessHandle> children = p.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        p.toHandle().destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
        } catch (InterruptedException e) {
            p.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    static void stopAll() {
        for (Process p : LIVE) stop(p);
        AfterStop.runAll();
    }
}
