package terminal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import nixpylab.Proc;

/**
 * Single keys typed at the terminal (watch's n, h, l, q): the terminal is put in character mode
 * (stty) while watching and put back after. Without a terminal (a pipe, a test) there are no keys
 * and watch works as before.
 */
public final class Keys implements AutoCloseable {
    private final BlockingQueue<Character> typed = new LinkedBlockingQueue<>();
    private final String saved;

    private Keys(String saved) {
        this.saved = saved;
    }

    /** Keys from the controlling terminal, when standard input is one; none otherwise. */
    public static Keys fromTerminal() {
        if (!Terminal.isTerminal(0) || !Files.exists(Path.of("/dev/tty"))) return new Keys(null);
        Proc.Result g = Proc.of("stty", "-F", "/dev/tty", "-g").timeout(Duration.ofSeconds(5)).run();
        if (!g.ok() || !Proc.of("stty", "-F", "/dev/tty", "-icanon", "-echo", "min", "1").timeout(Duration.ofSeconds(5)).run().ok()) return new Keys(null);
        Keys k = new Keys(g.stdout().strip());
        Thread reader = new Thread(() -> k.read(System.in), "workshop-keys");
        reader.setDaemon(true);
        reader.start();
        return k;
    }

    public boolean live() {
        return saved != null;
    }

    private void read(InputStream in) {
        try {
            int c;
            while ((c = in.read()) >= 0) typed.add((char) c);
        } catch (IOException ignored) {
            // the terminal went away: no more keys
        }
    }

    /** The next key typed, if one was typed within the time given. */
    public Optional<Character> poll(Duration wait) {
        try {
            return Optional.ofNullable(typed.poll(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        if (saved != null) Proc.of("stty", "-F", "/dev/tty", saved).timeout(Duration.ofSeconds(5)).run();
    }
}
