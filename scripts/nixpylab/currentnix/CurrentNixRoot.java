package nixpylab.currentnix;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import nixpylab.Proc;
import nixpylab.UserError;
import nixpylab.source.SourceLocator;

/**
 * A second, current Nix on this machine, as learners have it: a Debian sid root (under
 * /var/lib/nixpylab/sid) with sid's nix-bin, its default sandbox on and no fallback, made only from
 * Debian's packages. The steps run inside it with {@code --nix current}: in a private mount
 * namespace the root is bind-mounted onto itself (without that, Nix cannot make its sandbox there),
 * /proc, /dev and /sys are mounted, the repository and the Maven repository appear at their own
 * paths, and the command runs under {@code chroot}.
 * <p>
 * Set-up is made in a sibling folder ({@code sid.partial}) and renamed into place only when every
 * part is done: an interrupted set-up is redone, never used half-made. Its build users get user
 * ids free on the host too: two Nix installations whose build users share a uid kill each
 * other's builds (Nix kills every process of a build user before it starts a build).
 */
public final class CurrentNixRoot {
    /** Set inside the root: the steps know they run on the current Nix, not the host's. */
    public static final String INSIDE = "NIXPY_NIX";
    public static final String DEFAULT_HOME = "/var/lib/nixpylab";
    static final String MARKER = "etc/nixpylab-root.properties";

    /** What the root holds, from its marker file. */
    public record Status(Path dir, String nixVersion, String javaVersion, String madeAt, int buildUidBase) {}

    /** A folder of the host that appears at a path inside the root. */
    public record Bind(Path source, Path target) {}

    private final Path home;

    public CurrentNixRoot(Path home) {
        this.home = home;
    }

    public static CurrentNixRoot standard() {
        String env = System.getenv("NIXPY_ROOTS");
        return new CurrentNixRoot(Path.of(env != null && !env.isBlank() ? env : DEFAULT_HOME));
    }

    public Path dir() {
        return home.resolve("sid");
    }

    Path home() {
        return home;
    }

    Path partial() {
        return home.resolve("sid.partial");
    }

    Path packageCache() {
        return home.resolve("debootstrap-cache");
    }

    /** True in a process that runs inside the root. */
    public static boolean inside() {
        return "current".equals(System.getenv(INSIDE));
    }

    public Optional<Status> status() {
        Path marker = dir().resolve(MARKER);
        if (!Files.isRegularFile(marker)) return Optional.empty();
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(marker)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(new Status(dir(), p.getProperty("nixVersion", "?"), p.getProperty("javaVersion", "?"), p.getProperty("madeAt", "?"),
                Integer.parseInt(p.getProperty("buildUidBase", "0"))));
    }

    /** The root, or a clear error saying how to make it. */
    public Status require() {
        return status().orElseThrow(() -> new UserError("The current Nix is not set up on this machine (no Debian sid root in " + dir() + ").",
                "Run as root: ./jbang scripts/CurrentNix.java setup (once; about 3 minutes and 2.2 GB from Debian's archive)."));
    }

    /** Makes the root unless it is there ({@link RootSetup}); says each part as it goes. */
    public Status setup(Consumer<String> progress) {
        return new RootSetup(this).make(progress);
    }

    public void remove() {
        RootSetup.run(Duration.ofMinutes(10), "rm", "-rf", "--one-file-system", dir().toString(), partial().toString());
    }

    /** Runs a command inside the root on this terminal and returns its exit code. */
    public int runInside(Path repo, Path cwd, String user, Map<String, String> env, List<String> command) {
        Status s = require();
        List<String> inner = new ArrayList<>(List.of("/usr/bin/env", "--chdir=" + cwd));
        inner.addAll(command);
        return Proc.of(RootEntry.command(s.dir(), user, standardBinds(repo), env, inner)).timeout(Duration.ofHours(6)).runInherited();
    }

    /** The repository at its own path, the host's Maven repository (no second download), and the shared tarball folder. */
    public static List<Bind> standardBinds(Path repo) {
        List<Bind> b = new ArrayList<>();
        b.add(new Bind(repo, repo));
        Path m2 = Path.of(System.getProperty("user.home"), ".m2/repository");
        if (Files.isDirectory(m2)) b.add(new Bind(m2, Path.of("/root/.m2/repository")));
        Path sources = SourceLocator.defaultCacheDir();
        if (Files.isDirectory(sources)) b.add(new Bind(sources, sources));
        return b;
    }
}
