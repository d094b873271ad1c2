package nixpylab.nix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import nixpylab.AfterStop;
import nixpylab.HostSetup;
import nixpylab.Proc;
import nixpylab.SearchPath;
import nixpylab.UserCache;

/**
 * A second build made unlike the first on purpose, as Reproducible Builds' reprotest varies its
 * builds: in another build folder, and with every folder's entries listed in a new order each time
 * (disorderfs). Only what the process that builds can change is tried, and each variation says
 * whether it was tried, and why not. Closing it unmounts and removes what it made.
 */
public final class VariedBuild implements AutoCloseable {
    public enum Variation {
        BUILD_FOLDER("build folder"), FILE_ORDER("file order"), TIME("time");

        private final String label;

        Variation(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** varied: whether the builder saw this variation; how: what was done, or why it was not. */
    public record Tried(Variation variation, boolean varied, String how) {}

    static final String NO_CLOCK = "not tried: Nix starts the builder with the derivation's environment only, so a clock shifted for nix-build (faketime's LD_PRELOAD) never reaches it; the second build runs later than the first all the same";
    static final String IN_DAEMON = "not tried: the build runs in Nix's daemon, which makes its build folder where its own settings say";
    private static final Duration MOUNTING = Duration.ofSeconds(30);

    private final List<Tried> tried;
    private final Map<String, String> env;
    private final List<String> options;
    private final Path top;
    private final Path mounted;
    private final AfterStop.Registration tidy;

    private VariedBuild(List<Tried> tried, Map<String, String> env, List<String> options, Path top, Path mounted) {
        this.tried = List.copyOf(tried);
        this.env = env;
        this.options = options;
        this.top = top;
        this.mounted = mounted;
        this.tidy = top == null ? null : AfterStop.register(this::remove);
    }

    /** A plain second build: nothing varied, nothing to say. */
    public static VariedBuild none() {
        return new VariedBuild(List.of(), Map.of(), List.of(), null, null);
    }

    /** Prepares what this Nix lets the building process vary: a build folder of its own, shuffled by disorderfs where it can be mounted. */
    public static VariedBuild prepare(Nix nix) {
        if (nix.access().daemon()) {
            return new VariedBuild(List.of(new Tried(Variation.BUILD_FOLDER, false, IN_DAEMON), new Tried(Variation.FILE_ORDER, false, IN_DAEMON),
                    new Tried(Variation.TIME, false, NO_CLOCK)), Map.of(), List.of(), null, null);
        }
        boolean sandbox = nix.config().sandboxed();
        Path top = base().resolve("varied-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
        Path folder = top.resolve("builds");
        List<Tried> t = new ArrayList<>();
        Path mounted = null;
        try {
            Files.createDirectories(folder);
            for (Path p : List.of(top, folder)) Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            if (sandbox) {
                t.add(new Tried(Variation.FILE_ORDER, false, "not tried: with the sandbox on, the builder could not write into disorderfs's folder (Permission denied, tried on Nix 2.34.8)"));
            } else if (!SearchPath.onPath("disorderfs")) {
                t.add(new Tried(Variation.FILE_ORDER, false, "not tried: disorderfs is not installed (as root: apt-get install disorderfs)"));
            } else {
                Path shuffled = top.resolve("shuffled");
                Files.createDirectories(shuffled);
                Proc.Result r = Proc.of("disorderfs", "--quiet", "--shuffle-dirents=yes", "--multi-user=" + (HostSetup.isRoot() ? "yes" : "no"), folder.toString(), shuffled.toString())
                        .timeout(MOUNTING).run();
                if (r.ok()) {
                    mounted = shuffled;
                    folder = shuffled;
                    t.add(new Tried(Variation.FILE_ORDER, true, "the entries of each folder under the build folder listed in a new random order each time (disorderfs --shuffle-dirents=yes)"));
                } else {
                    t.add(new Tried(Variation.FILE_ORDER, false, "not tried: disorderfs could not mount its folder: " + r.stderr().strip().lines().findFirst().orElse("exit " + r.exitCode())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String inside = nix.config().get("sandbox-build-dir");
        t.add(0, sandbox
                ? new Tried(Variation.BUILD_FOLDER, false, "not seen by the builder: with the sandbox on, it builds in " + (inside.isBlank() ? "/build" : inside) + " whatever the folder outside")
                : new Tried(Variation.BUILD_FOLDER, true, "built under " + folder + " instead of Nix's usual folder"));
        t.add(new Tried(Variation.TIME, false, NO_CLOCK));
        // Nix 2.8 makes its build folder under TMPDIR; later versions under their build-dir setting
        List<String> options = nix.config().settings().containsKey("build-dir") ? List.of("--option", "build-dir", folder.toString()) : List.of();
        return new VariedBuild(t, Map.of("TMPDIR", folder.toString()), options, top, mounted);
    }

    private static Path base() {
        // a folder nobody else can write, on a path with no world-writable folder (Nix 2.34 refuses a build-dir under one)
        return HostSetup.isRoot() ? Path.of("/var/lib/nixpylab") : UserCache.file("");
    }

    public List<Tried> tried() {
        return tried;
    }

    public boolean variesAnything() {
        return tried.stream().anyMatch(Tried::varied);
    }

    /** The environment the building nix-build gets. */
    public Map<String, String> env() {
        return env;
    }

    /** Nix's own options for it (after the command). */
    public List<String> options() {
        return options;
    }

    @Override
    public void close() {
        if (tidy != null) tidy.close();
        remove();
    }

    private synchronized void remove() {
        if (top == null || !Files.exists(top)) return;
        if (mounted != null) {
            List<String> unmount = HostSetup.isRoot() ? List.of("umount", mounted.toString()) : List.of("fusermount", "-u", mounted.toString());
            if (!Proc.of(unmount).timeout(MOUNTING).run().ok() && HostSetup.isRoot()) Proc.of("umount", "-l", mounted.toString()).timeout(MOUNTING).run();
        }
        // never through a mount that would not go: what is under it is the folder removed next to it
        Proc.of("rm", "-rf", "--one-file-system", top.toString()).timeout(Duration.ofMinutes(2)).run();
    }
}
