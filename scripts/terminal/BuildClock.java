package terminal;

import java.io.PrintStream;
import java.time.Duration;
import nixpylab.steps.BuildStep;

/**
 * Shows where a build is: "[m:ss] derivation: phase", a line each time the phase changes (on a
 * terminal, rewritten in place).
 */
public final class BuildClock {
    private final PrintStream err;
    private final boolean tty;
    private final long start = System.nanoTime();
    private String last = "";

    public BuildClock(PrintStream err) {
        this.err = err;
        this.tty = System.console() != null;
    }

    public synchronized void progress(BuildStep.Progress p) {
        String what = p.derivation() + ": " + p.phase();
        if (what.equals(last)) return;
        last = what;
        String line = String.format("[%s] %s", Lab.clock(Duration.ofNanos(System.nanoTime() - start)), what);
        if (tty) err.print("\r\033[K" + line);
        else err.println(line);
    }

    public synchronized void stop() {
        if (tty && !last.isEmpty()) err.println();
    }
}
