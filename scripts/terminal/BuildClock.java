package terminal;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nixpylab.BuildTimes;
import nixpylab.nix.BuildWatch;

/**
 * A build as it runs. On a terminal: one line, redrawn every second, with a clock that ticks, the
 * derivation and its phase, how many builds are done, running and to come, and the time left as
 * the last build of the same derivation took (BuildTimes). Elsewhere (a pipe, the site, CI): a
 * plain line each time the phase changes, no escape codes.
 */
public final class BuildClock implements AutoCloseable {
    private final PrintStream err;
    private final boolean tty;
    private final BuildTimes times;
    private final long start = System.nanoTime();
    private final ScheduledExecutorService ticker;
    private BuildWatch.Progress now;
    private String lastPlain = "";

    /** A clock on stderr (fd 2), as the steps print it. */
    public BuildClock(PrintStream err, BuildTimes times) {
        this(err, 2, times);
    }

    /** A clock on the stream whose file descriptor is fd (it ticks only when that is a terminal). */
    public BuildClock(PrintStream err, int fd, BuildTimes times) {
        this.err = err;
        this.times = times;
        this.tty = Terminal.isTerminal(fd) && !"dumb".equals(System.getenv("TERM"));
        if (tty) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "build-clock");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::draw, 1, 1, TimeUnit.SECONDS);
        } else {
            ticker = null;
        }
    }

    public synchronized void progress(BuildWatch.Progress p) {
        now = p;
        if (tty) {
            draw();
            return;
        }
        if (p.derivation().isEmpty()) return; // Nix counted its builds before starting one
        String what = p.derivation() + ".drv: " + p.phase();
        if (what.equals(lastPlain)) return;
        lastPlain = what;
        err.println("[" + Lab.clock(elapsed()) + "] " + what + (p.expected() > 1 ? " (" + p.done() + " of " + p.expected() + " built)" : ""));
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** The status line: "[1:23] chrism-py311: buildPhase · 1 of 2 built, 1 running · about 0:49 left (the last build took 2:12)". */
    synchronized String status() {
        StringBuilder sb = new StringBuilder("[" + Lab.clock(elapsed()) + "] ");
        if (now == null) return sb.append("evaluating").toString();
        if (now.derivation().isEmpty()) return sb.append("starting ").append(now.expected()).append(now.expected() == 1 ? " build" : " builds").toString();
        sb.append(now.derivation()).append(": ").append(now.phase());
        if (now.expected() > 1) sb.append(" · ").append(now.done()).append(" of ").append(now.expected()).append(" built, ").append(now.running()).append(" running");
        Optional<Duration> last = times.last(now.derivation());
        if (last.isPresent()) {
            long left = last.get().toSeconds() - elapsed().toSeconds();
            sb.append(" · ").append(left > 0 ? "about " + Lab.clock(Duration.ofSeconds(left)) + " left" : "longer than last time").append(" (the last build took ").append(Lab.clock(last.get())).append(")");
        }
        return sb.toString();
    }

    private synchronized void draw() {
        err.print("\r\033[K" + status());
        err.flush();
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            err.print("\r\033[K" + status() + "\n");
        }
    }
}
