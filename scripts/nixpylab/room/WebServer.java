package nixpylab.room;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nixpylab.AtomicFile;
import nixpylab.HostSetup;
import nixpylab.Proc;
import nixpylab.SearchPath;
import nixpylab.UserError;

/**
 * nginx, as Debian ships it (nginx-light), serving one folder read-only on one address: its own
 * configuration, pid and logs in a folder of ours, in the foreground, its workers as the folder's
 * owner. Stopped with SIGQUIT (finish what it is sending) and, after a few seconds, killed.
 */
public final class WebServer implements AutoCloseable {
    private final Process master;
    private final Path work;
    private final String url;
    private long peakKb;

    private WebServer(Process master, Path work, String url) {
        this.master = master;
        this.work = work;
        this.url = url;
    }

    public static boolean installed() {
        return SearchPath.onPath("nginx") || Files.isExecutable(Path.of("/usr/sbin/nginx"));
    }

    private static String program() {
        return SearchPath.onPath("nginx") ? "nginx" : "/usr/sbin/nginx";
    }

    /** Serves root on address:port; work holds nginx.conf, the pid, the logs. */
    public static WebServer start(Path root, String address, int port, Path work) {
        return start(root, address, port, work, 0);
    }

    /** The same, each download limited to kbPerSecond (0: no limit), so one learner cannot take all of a room's Wi-Fi. */
    public static WebServer start(Path root, String address, int port, Path work, int kbPerSecond) {
        if (!installed()) {
            throw new UserError("nginx is not installed here: the room is served by a real web server, and this one is Debian's.",
                    "Run: " + String.join(" ", HostSetup.installCommand(List.of("nginx-light"))) + " (then serve again).");
        }
        try {
            Files.createDirectories(work.resolve("tmp"));
            Files.deleteIfExists(work.resolve("access.log"));
            String user = Files.getOwner(root).getName();
            String conf = String.join("\n",
                    "# written by NixPy Lab's Workshop.java serve: one folder, read-only, in the foreground",
                    (HostSetup.isRoot() ? "user " + user + ";" : ""),
                    "worker_processes 2;",
                    "daemon off;",
                    "pid " + work.resolve("nginx.pid") + ";",
                    "error_log " + work.resolve("error.log") + " warn;",
                    "events { worker_connections 512; }",
                    "http {",
                    "  log_format room '$remote_addr [$time_local] \"$request\" $status $body_bytes_sent';",
                    "  access_log " + work.resolve("access.log") + " room;",
                    "  sendfile on;",
                    kbPerSecond > 0 ? "  limit_rate " + kbPerSecond + "k;" : "",
                    "  types { text/x-nix-narinfo narinfo; text/plain properties; }",
                    "  default_type application/octet-stream;",
                    "  client_body_temp_path " + work.resolve("tmp/body") + "; proxy_temp_path " + work.resolve("tmp/proxy") + ";",
                    "  fastcgi_temp_path " + work.resolve("tmp/fastcgi") + "; uwsgi_temp_path " + work.resolve("tmp/uwsgi") + "; scgi_temp_path " + work.resolve("tmp/scgi") + ";",
                    "  server {",
                    "    listen " + address + ":" + port + ";",
                    "    root " + root + ";",
                    "    location / { limit_except GET HEAD { deny all; } }",
                    "  }",
                    "}", "");
            AtomicFile.write(work.resolve("nginx.conf"), conf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        refuseTaken(address, port);
        Proc.Result test = Proc.of(program(), "-e", work.resolve("error.log").toString(), "-t", "-c", work.resolve("nginx.conf").toString()).timeout(Duration.ofSeconds(20)).run();
        if (!test.ok()) throw new UserError("nginx refuses the room's configuration: " + test.lastErrorLine(), "Look at " + work.resolve("nginx.conf") + " and " + work.resolve("error.log") + ".");
        Process p = Proc.of(program(), "-e", work.resolve("error.log").toString(), "-c", work.resolve("nginx.conf").toString()).spawn();
        String host = address.equals("0.0.0.0") ? "127.0.0.1" : address;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new UserError("nginx stopped at once: " + lastLine(work.resolve("error.log")),
                        "Is port " + port + " taken? Choose another with --port, or stop what listens there.");
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), 200);
                if (!p.isAlive()) continue; // something else answered: the check at the top of the loop says so
                return new WebServer(p, work, "http://" + host + ":" + port);
            } catch (IOException e) {
                sleep(100);
            }
        }
        Proc.halt(p);
        throw new UserError("nginx did not answer on " + host + ":" + port + " within 10 s.", "Look at " + work.resolve("error.log") + ".");
    }

    /** A port something else listens on is refused before nginx starts: otherwise a join line would point at someone else's server. */
    static void refuseTaken(String address, int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(address, port));
        } catch (IOException e) {
            throw new UserError("Port " + port + " on " + address + " is taken (" + e.getMessage() + "): another program listens there, so the room cannot be served on it.",
                    "Choose another port with --port, or stop what listens on " + port + " (ss -ltnp shows it).");
        }
    }

    public String localUrl() {
        return url;
    }

    public boolean alive() {
        return master.isAlive();
    }

    /** Peak resident memory (kB) of nginx's processes so far: the master's and its workers' VmHWM, summed. */
    public long peakMemoryKb() {
        long sum = 0;
        List<ProcessHandle> all = new ArrayList<>();
        all.add(master.toHandle());
        master.toHandle().children().forEach(all::add);
        for (ProcessHandle h : all) {
            try {
                for (String l : Files.readAllLines(Path.of("/proc/" + h.pid() + "/status"))) {
                    if (l.startsWith("VmHWM:")) sum += Long.parseLong(l.replaceAll("[^0-9]", ""));
                }
            } catch (IOException | NumberFormatException e) {
                // a worker that just ended
            }
        }
        peakKb = Math.max(peakKb, sum);
        return peakKb;
    }

    /** What the access log says was served: requests, and bytes of bodies sent. */
    public record Served(long requests, long bytes, long notFound) {}

    public Served served() {
        Pattern line = Pattern.compile("\" (\\d{3}) (\\d+)$");
        long n = 0, bytes = 0, missing = 0;
        try {
            if (Files.exists(work.resolve("access.log"))) {
                for (String l : Files.readAllLines(work.resolve("access.log"))) {
                    Matcher m = line.matcher(l);
                    if (!m.find()) continue;
                    n++;
                    bytes += Long.parseLong(m.group(2));
                    if (m.group(1).equals("404")) missing++;
                }
            }
        } catch (IOException e) {
            // nothing served yet
        }
        return new Served(n, bytes, missing);
    }

    /** Blocks until nginx ends (it is stopped from elsewhere, or Ctrl-C stops the JVM and its children). */
    public void waitFor(Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (master.isAlive() && System.nanoTime() < end) {
            peakMemoryKb();
            Thread.sleep(500);
        }
    }

    @Override
    public void close() {
        if (!master.isAlive()) return;
        peakMemoryKb();
        Proc.of("kill", "-QUIT", Long.toString(master.pid())).timeout(Duration.ofSeconds(5)).run();
        try {
            if (!master.waitFor(5, TimeUnit.SECONDS)) Proc.halt(master);
        } catch (InterruptedException e) {
            Proc.halt(master);
            Thread.currentThread().interrupt();
        }
    }

    private static String lastLine(Path log) {
        try {
            List<String> l = Files.readAllLines(log);
            return l.isEmpty() ? "(its error log is empty)" : l.get(l.size() - 1);
        } catch (IOException e) {
            return "(no error log)";
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
