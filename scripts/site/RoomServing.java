package site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import nixpylab.Proc;
import nixpylab.UserError;

/**
 * A workshop room served for one {@code serve=} block, as its instructor serves it: the toolkit's
 * own {@code Workshop serve} (nginx) on this machine's loopback, on a port free at the time, for
 * as long as the block runs. What the server prints for learners (the URL and the key) is what the
 * block types. A room that cannot be served stops the recording, with the server's own words.
 */
final class RoomServing implements AutoCloseable {
    /** How the transcript's note about the served room begins (the page shows it above the block). */
    static final String NOTE = "served for this block by the recorder, as an instructor serves it: ";
    private static final Duration START = Duration.ofMinutes(2);

    private final Process server;
    private final List<String> said;
    private final List<String> shown;
    private final String url;
    private final String key;

    private RoomServing(Process server, List<String> said, List<String> shown, String url, String key) {
        this.server = server;
        this.said = said;
        this.shown = shown;
        this.url = url;
        this.key = key;
    }

    /** Serves {@code room} (a folder of {@code cwd}) for {@code block}; the block's server says why when it cannot. */
    static RoomServing start(Path repo, Path cwd, RunBlock block) {
        int port = freePort();
        List<String> shown = List.of("./jbang", "scripts/Workshop.java", "serve", "--room", block.serve(), "--address", "127.0.0.1", "--port", Integer.toString(port));
        List<String> cmd = new ArrayList<>(List.of(repo.resolve("jbang").toString(), "--quiet", repo.resolve("scripts/Workshop.java").toString()));
        cmd.addAll(shown.subList(2, shown.size()));
        cmd.addAll(List.of("--minutes", "90"));
        List<String> said = Collections.synchronizedList(new ArrayList<>());
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Process p = Proc.of(cmd).in(cwd).onLine(l -> {
            if (!l.text().startsWith("[jbang] ")) {
                said.add(l.text());
                lines.add(l.text());
            }
        }).spawn();
        long end = System.nanoTime() + START.toNanos();
        try {
            while (System.nanoTime() < end) {
                String l = lines.poll(1, TimeUnit.SECONDS);
                if (l != null && l.contains(" join http://")) {
                    String[] w = l.strip().split(" ");
                    return new RoomServing(p, said, shown, w[w.length - 2], w[w.length - 1]);
                }
                if (l == null && !p.isAlive() && lines.isEmpty()) break;
            }
        } catch (InterruptedException e) {
            Proc.halt(p);
            Thread.currentThread().interrupt();
            throw new UserError("Interrupted while serving room " + block.serve() + " for " + block.label() + "; nothing was recorded.", "Render again.");
        }
        Proc.halt(p);
        String why;
        synchronized (said) {
            why = said.isEmpty() ? "it printed nothing" + (p.isAlive() ? " in " + START.toMinutes() + " minutes" : " and stopped") : String.join(" ", said);
        }
        throw new UserError("The workshop room " + block.serve() + " could not be served for " + block.label() + ", so nothing was recorded: " + String.join(" ", shown)
                + " (in " + cwd + ") said: " + why, "Fix what the server says (a room is published by a Workshop publish block before this one, in the same workspace's folder), then render again.");
    }

    /** The room's URL, as the server printed it for learners. */
    String url() {
        return url;
    }

    /** The room's public key, as the server printed it for learners. */
    String key() {
        return key;
    }

    /** Stops the server and says, for the transcript, what served the block and what it served. */
    String stop() {
        // as Ctrl-C would: the server stops nginx and says what it served (Process.destroy would close the pipe it says it on)
        List<ProcessHandle> nginx = server.descendants().toList();
        server.toHandle().destroy();
        try {
            server.waitFor(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String served = "";
        for (int i = 0; i < 20 && served.isEmpty(); i++) { // its last line may still be on its way through the pipe
            synchronized (said) {
                served = said.stream().filter(l -> l.startsWith("served ")).findFirst().orElse("");
            }
            if (served.isEmpty()) pause(Duration.ofMillis(100));
        }
        close();
        nginx.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        return NOTE + String.join(" ", shown) + (served.isEmpty() ? "" : " (" + served.replaceFirst("; nginx's peak memory.*", "") + " before the recorder stopped it)");
    }

    @Override
    public void close() {
        if (server.isAlive()) Proc.halt(server);
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
