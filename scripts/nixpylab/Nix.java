package nixpylab;

import java.net.URI;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Nix commands the tutorial runs. When none of the configured binary caches answers, every
 * command gets {@code --option substituters ''}: offline, Nix would otherwise stall ~4.5 s per
 * build retrying the cache.
 */
public final class Nix {
    private final List<String> extraOptions;
    private final List<String> evalOptions;
    private final String cacheNote;

    private Nix(List<String> extraOptions, List<String> evalOptions, String cacheNote) {
        this.extraOptions = extraOptions;
        this.evalOptions = evalOptions;
        this.cacheNote = cacheNote;
    }

    /** Checks that Nix is installed and probes the binary caches once. */
    public static Nix detect() {
        requireInstalled();
        List<String> caches = substituters();
        for (String c : caches) {
            if (answers(c)) {
                return new Nix(List.of(), List.of(), "binary cache " + c + " answers; Nix may download from it");
            }
        }
        return new Nix(List.of("--option", "substituters", ""), List.of(),
                caches.isEmpty() ? "no binary cache configured" : "binary cache " + String.join(" ", caches) + " does not answer; passing --option substituters '' so Nix does not stall retrying it");
    }

    public static void requireInstalled() {
        for (String p : List.of("nix-build", "nix-store", "nix-instantiate")) {
            if (!Proc.onPath(p)) {
                throw new UserError("Nix is not installed here: '" + p + "' is not on PATH.",
                        "On Debian/Ubuntu run 'apt-get install -y nix-bin' as root (or run ./jbang scripts/Tutorial.java, which offers to), then try again.");
            }
        }
    }

    private static List<String> substituters() {
        Proc.Result r = Proc.of("nix", "--extra-experimental-features", "nix-command", "show-config").timeout(Duration.ofSeconds(20)).run();
        for (String line : r.stdout().split("\n")) {
            if (line.startsWith("substituters = ")) {
                List<String> out = new ArrayList<>();
                for (String s : line.substring(15).trim().split("\\s+")) if (!s.isBlank()) out.add(s);
                return out;
            }
        }
        return List.of();
    }

    /** A TCP connection to the cache's host within 2 s: enough to tell offline from online, and cheap. */
    private static boolean answers(String url) {
        try {
            URI u = URI.create(url);
            if (u.getHost() == null) return "file".equals(u.getScheme());
            int port = u.getPort() > 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(u.getHost(), port), 2000);
                return true;
            }
        } catch (Exception e) {
            return false;
        }
    }

    /** The same Nix with {@code -I nixpkgs=PATH} on every evaluating command. */
    public Nix withNixpkgs(java.nio.file.Path nixpkgs) {
        return new Nix(extraOptions, List.of("-I", "nixpkgs=" + nixpkgs.toAbsolutePath().normalize()), cacheNote);
    }

    public String cacheNote() {
        return cacheNote;
    }

    public List<String> extraOptions() {
        return extraOptions;
    }

    /** The command line a learner would type for the same work (shown next to each result). */
    public List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(args));
        boolean evaluates = args[0].equals("nix-build") || args[0].equals("nix-instantiate") || args[0].equals("nix-shell");
        if (evaluates) cmd.addAll(1, evalOptions);
        if (evaluates || args[0].equals("nix-store")) cmd.addAll(1, extraOptions);
        return cmd;
    }

    public Proc.Result run(Duration timeout, Consumer<Proc.Line> listener, List<String> cmd) {
        return Proc.of(cmd).timeout(timeout).onLine(listener).run();
    }

    public Proc.Result run(List<String> cmd) {
        return Proc.of(cmd).timeout(Duration.ofMinutes(2)).run();
    }

    public static String installedVersion() {
        Proc.Result r = Proc.of("nix-build", "--version").timeout(Duration.ofSeconds(10)).run();
        return r.stdout().strip().replaceFirst("^nix-build \\(Nix\\) ", "");
    }

    /** The .drv a file instantiates to; a broken file becomes a UserError quoting Nix. */
    public StorePath instantiate(Path nixFile, String attr) {
        List<String> cmd = attr == null ? command("nix-instantiate", nixFile.toString()) : command("nix-instantiate", nixFile.toString(), "-A", attr);
        Proc.Result r = run(cmd);
        if (!r.ok()) throw evaluationError(nixFile, r);
        return StorePath.parse(r.stdout().strip().split("\n")[0]);
    }

    public StorePath outputOf(StorePath drv) {
        Proc.Result r = run(command("nix-store", "-q", "--outputs", drv.path()));
        return StorePath.parse(r.stdout().strip().split("\n")[0]);
    }

    public boolean isValid(StorePath p) {
        return run(command("nix-store", "--check-validity", p.path())).ok();
    }

    /** Nix's own words when a file does not evaluate: its error lines, without the trace noise. */
    public static UserError evaluationError(Path nixFile, Proc.Result r) {
        List<String> lines = new ArrayList<>();
        for (String l : r.stderr().split("\n")) {
            if (l.isBlank() || l.startsWith("warning:")) continue;
            lines.add(l.strip());
            if (lines.size() == 4) break;
        }
        return new UserError("Nix could not evaluate " + nixFile + ": " + String.join(" ", lines),
                "Fix the file where Nix points, or let NixPy Lab write it afresh by running the FetchFakeHash step again.");
    }

    /** The first 'error:' paragraph of a failed command, for messages. */
    public static Optional<String> firstError(String stderr) {
        for (String l : stderr.split("\n")) if (l.strip().startsWith("error:")) return Optional.of(l.strip());
        return Optional.empty();
    }
}
