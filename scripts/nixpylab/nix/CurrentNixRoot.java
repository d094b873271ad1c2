package nixpylab.nix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import nixpylab.AtomicFile;
import nixpylab.HostSetup;
import nixpylab.Proc;
import nixpylab.UserError;
import nixpylab.source.AptSources;
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
    static final long NEEDED_BYTES = 4L * 1024 * 1024 * 1024;
    static final int BUILD_USERS = 10;

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
            p.load(new java.io.StringReader(Files.readString(marker)));
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

    // ---- set-up ----

    /** Debian packages the steps, the tests and the bare profile's builds need inside the root. */
    static List<String> packages() {
        List<String> p = new ArrayList<>(List.of("default-jdk-headless", "maven", "curl", "procps", "python3", "ca-certificates", "nginx-light"));
        p.addAll(HostSetup.PACKAGES);
        return p;
    }

    /** Makes the root unless it is there; says each part as it goes. Idempotent; a half-made root is redone. */
    public Status setup(Consumer<String> progress) {
        Optional<Status> done = status();
        if (done.isPresent()) return done.get();
        preflight();
        Path work = partial();
        debootstrap(work, progress);
        progress.accept("finishing the packages debootstrap left unconfigured, then installing Java, Maven and the build dependencies");
        installPackages(work, progress);
        int base = freeBuildIds(work);
        progress.accept("build users nixbld1…nixbld" + BUILD_USERS + " with ids " + (base + 1) + "…" + (base + BUILD_USERS) + " (free on this machine too), group nix-users for the daemon");
        configureNix(work, base);
        writeMarker(work, base);
        try {
            Files.move(work, dir(), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Status s = status().orElseThrow();
        progress.accept("ready: Nix " + s.nixVersion() + " in " + dir());
        return s;
    }

    /** A minimal sid in a fresh folder (a half-made one from an interrupted set-up is removed first), from this machine's Debian archive. */
    private void debootstrap(Path work, Consumer<String> progress) {
        String mirror = AptSources.debianMirror().orElseThrow(() -> new UserError(
                "This machine's apt sources name no Debian archive to take sid's packages from.",
                "Add a Debian mirror to /etc/apt/sources.list.d (the root is made only from Debian's packages), then run this again."));
        if (Files.exists(work)) {
            progress.accept("removing the half-made root of an earlier, interrupted set-up (" + work + ")");
            run(Duration.ofMinutes(10), "rm", "-rf", "--one-file-system", work.toString());
        }
        mkdirs(work);
        mkdirs(packageCache());
        progress.accept("debootstrap: Debian sid, minimal, with nix-bin (packages cached in " + packageCache() + ")");
        // debootstrap stops configuring on libdbd-sqlite3-perl (an ABI dependency it does not resolve); apt-get -f install finishes it
        Proc.Result d = Proc.of("debootstrap", "--variant=minbase", "--include=nix-bin,ca-certificates", "--cache-dir=" + packageCache(), "sid", work.toString(), mirror)
                .timeout(Duration.ofMinutes(30)).run();
        if (!Files.isRegularFile(work.resolve("usr/bin/dpkg"))) {
            throw new UserError("debootstrap could not make the sid root (exit " + d.exitCode() + "): " + d.lastErrorLine(),
                    "Check that this machine reaches its Debian archive (" + mirror + "), then run the set-up again; it starts over.");
        }
    }

    private void installPackages(Path work, Consumer<String> progress) {
        inPartial(work, Duration.ofMinutes(10), "apt-get", "-o", "Acquire::Check-Valid-Until=false", "-q", "update");
        requireOk(inPartial(work, Duration.ofMinutes(20), "apt-get", "-f", "install", "-y", "-q"), "apt-get -f install");
        repairWhatDebootstrapLeft(work, progress);
        List<String> install = new ArrayList<>(List.of("apt-get", "install", "-y", "-q", "--no-install-recommends"));
        install.addAll(packages());
        requireOk(inPartial(work, Duration.ofMinutes(40), install.toArray(String[]::new)), "apt-get install");
        copyHostFiles(work); // after apt: Maven's settings.xml is a conffile of Debian's maven package
        inPartial(work, Duration.ofMinutes(2), "update-ca-certificates");
    }

    /** Build users and their group, the daemon's group and socket folder, and nix.conf: sandbox on, never a silent fallback. */
    private void configureNix(Path work, int base) {
        requireOk(inPartial(work, Duration.ofMinutes(1), "groupadd", "-g", Integer.toString(base), "nixbld"), "groupadd nixbld");
        for (int i = 1; i <= BUILD_USERS; i++) {
            requireOk(inPartial(work, Duration.ofMinutes(1), "useradd", "-u", Integer.toString(base + i), "-g", "nixbld", "-G", "nixbld", "-d", "/var/empty",
                    "-s", "/usr/sbin/nologin", "-c", "Nix build user " + i, "nixbld" + i), "useradd nixbld" + i);
        }
        requireOk(inPartial(work, Duration.ofMinutes(1), "groupadd", "-f", "nix-users"), "groupadd nix-users");
        AtomicFile.write(work.resolve("etc/nix/nix.conf"), """
                # Written by NixPy Lab's current-Nix set-up: Debian sid's nix-bin, configured as a learner's Nix is.
                build-users-group = nixbld
                # The sandbox is on (Nix's default on Linux); if it cannot be made, stop instead of building without it.
                sandbox-fallback = false
                """);
        // what systemd-tmpfiles does for Debian's nix-daemon: the socket's folder is open to nix-users only
        mkdirs(work.resolve("nix/var/nix/daemon-socket"));
        requireOk(inPartial(work, Duration.ofMinutes(1), "chown", "root:nix-users", "/nix/var/nix/daemon-socket"), "chown");
        requireOk(inPartial(work, Duration.ofMinutes(1), "chmod", "770", "/nix/var/nix/daemon-socket"), "chmod");
    }

    /** The marker that says the root is complete (written last): what it holds and when it was made. */
    private void writeMarker(Path work, int base) {
        Properties marker = new Properties();
        marker.setProperty("nixVersion", inPartial(work, Duration.ofMinutes(1), "nix-build", "--version").stdout().strip().replaceFirst("^nix-build \\(Nix\\) ", ""));
        marker.setProperty("javaVersion", inPartial(work, Duration.ofMinutes(1), "java", "-version").stderr().lines().findFirst().orElse("?"));
        marker.setProperty("madeAt", Instant.now().toString());
        marker.setProperty("buildUidBase", Integer.toString(base));
        AtomicFile.write(work.resolve(MARKER), nixpylab.PropertiesText.of(marker, "NixPy Lab's current-Nix root; made by scripts/CurrentNix.java setup"));
    }

    private void preflight() {
        if (!HostSetup.isRoot()) {
            throw new UserError("Setting up the current Nix needs root: it runs debootstrap, chroot and mount.",
                    "Run it as root (sudo ./jbang scripts/CurrentNix.java setup).");
        }
        for (String tool : List.of("debootstrap", "unshare", "chroot", "mount")) {
            if (!Proc.onPath(tool)) {
                throw new UserError("'" + tool + "' is not installed here; the current Nix's root is made and entered with it.",
                        "Run as root: apt-get install -y " + ("debootstrap".equals(tool) ? "debootstrap" : "util-linux coreutils mount") + ", then run this again.");
            }
        }
        mkdirs(home);
        try {
            long free = Files.getFileStore(home).getUsableSpace();
            if (free < NEEDED_BYTES) {
                throw new UserError(String.format("The current Nix's root needs about %.1f GB in %s, and only %.1f GB are free.", NEEDED_BYTES / 1e9, home, free / 1e9),
                        "Free some space there, or point NIXPY_ROOTS at a file system with room, then run this again.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * debootstrap stopped before its last part, so what it fakes while installing is still fake: its
     * start-stop-daemon stub (the real one waits as .REAL) and files dpkg left empty (dash, which is
     * /bin/sh). dpkg --verify finds those; their packages are installed again.
     */
    private void repairWhatDebootstrapLeft(Path work, Consumer<String> progress) {
        Path real = work.resolve("usr/sbin/start-stop-daemon.REAL");
        if (Files.exists(real)) {
            try {
                Files.move(real, work.resolve("usr/sbin/start-stop-daemon"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<String> broken = new ArrayList<>();
        for (String line : inPartial(work, Duration.ofMinutes(5), "dpkg", "--verify").stdout().split("\n")) {
            // "??5??????   /usr/bin/dash": the contents differ; "c" in the second column marks a configuration file, which may
            if (line.length() > 12 && line.charAt(2) == '5' && line.charAt(10) != 'c') broken.add(line.substring(12).strip());
        }
        if (broken.isEmpty()) return;
        List<String> pkgs = new ArrayList<>();
        List<String> query = new ArrayList<>(List.of("dpkg-query", "-S"));
        query.addAll(broken);
        for (String line : inPartial(work, Duration.ofMinutes(1), query.toArray(String[]::new)).stdout().split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) for (String pkg : line.substring(0, colon).split(",\\s*")) if (!pkgs.contains(pkg.strip())) pkgs.add(pkg.strip());
        }
        progress.accept("installing again what debootstrap left half-done: " + String.join(" ", pkgs) + " (" + String.join(" ", broken) + ")");
        List<String> reinstall = new ArrayList<>(List.of("apt-get", "install", "--reinstall", "-y", "-q"));
        reinstall.addAll(pkgs);
        requireOk(inPartial(work, Duration.ofMinutes(10), reinstall.toArray(String[]::new)), "apt-get install --reinstall");
    }

    /** The host's CA certificates and Maven settings, so that the root reaches what the host reaches. */
    private static void copyHostFiles(Path work) {
        try {
            Path ca = Path.of("/usr/local/share/ca-certificates");
            if (Files.isDirectory(ca)) {
                try (var s = Files.list(ca)) {
                    for (Path p : s.filter(Files::isRegularFile).toList()) {
                        AtomicFile.write(work.resolve("usr/local/share/ca-certificates").resolve(p.getFileName().toString()), Files.readAllBytes(p));
                    }
                }
            }
            for (Path settings : List.of(Path.of("/etc/maven/settings.xml"), Path.of(System.getProperty("user.home"), ".m2/settings.xml"))) {
                if (Files.isRegularFile(settings)) {
                    Path target = settings.startsWith("/etc") ? work.resolve(settings.toString().substring(1)) : work.resolve("root/.m2/settings.xml");
                    AtomicFile.write(target, Files.readAllBytes(settings));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A gid and uids (base, base+1…) free both on the host and in the root. */
    static int freeBuildIds(Path root) {
        for (int base = 30100; base < 60000; base += 100) {
            boolean free = true;
            for (int i = 0; i <= BUILD_USERS && free; i++) {
                String id = Integer.toString(base + i);
                free = !taken(Path.of("/etc/passwd"), id) && !taken(Path.of("/etc/group"), id) && !taken(root.resolve("etc/passwd"), id) && !taken(root.resolve("etc/group"), id);
            }
            if (free) return base;
        }
        throw new UserError("No free range of user ids for the current Nix's build users.", "Check /etc/passwd for ids above 30100.");
    }

    private static boolean taken(Path file, String id) {
        try {
            if (!Files.isRegularFile(file)) return false;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split(":");
                if (f.length > 2 && f[2].equals(id)) return true;
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Proc.Result inPartial(Path work, Duration timeout, String... command) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DEBIAN_FRONTEND", "noninteractive");
        return Proc.of(enterCommand(work, "root", List.of(), env, List.of(command))).timeout(timeout).run();
    }

    private static void requireOk(Proc.Result r, String what) {
        if (!r.ok()) {
            throw new UserError(what + " failed in the sid root (exit " + r.exitCode() + "): " + r.lastErrorLine(),
                    "Check that this machine reaches its Debian archive, then run the set-up again; it starts over.");
        }
    }

    private static void run(Duration timeout, String... command) {
        Proc.Result r = Proc.of(command).timeout(timeout).run();
        if (!r.ok()) throw new UserError(String.join(" ", command) + " failed: " + r.lastErrorLine(), "Fix what it says, then run this again.");
    }

    private static void mkdirs(Path p) {
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void remove() {
        run(Duration.ofMinutes(10), "rm", "-rf", "--one-file-system", dir().toString(), partial().toString());
    }

    // ---- entering ----

    /**
     * The command that runs {@code command} inside a root as {@code user}, with only {@code env}
     * (plus PATH, HOME, LANG and the marker that says it runs inside) in its environment. The mounts
     * live in a private mount namespace and go away with the command.
     */
    public static List<String> enterCommand(Path root, String user, List<Bind> binds, Map<String, String> env, List<String> command) {
        List<String> cmd = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "--",
                ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"), CurrentNixRoot.class.getName(), root.toString(), user));
        for (Bind b : binds) cmd.addAll(List.of("--bind", b.source().toString(), b.target().toString()));
        cmd.add("--");
        cmd.addAll(List.of("/usr/bin/env", "-i", "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C.UTF-8",
                "HOME=" + ("root".equals(user) ? "/root" : "/home/" + user), "USER=" + user, INSIDE + "=current"));
        for (Map.Entry<String, String> e : env.entrySet()) cmd.add(e.getKey() + "=" + e.getValue());
        cmd.addAll(command);
        return cmd;
    }

    /** Runs a command inside the root on this terminal and returns its exit code. */
    public int runInside(Path repo, Path cwd, String user, Map<String, String> env, List<String> command) {
        Status s = require();
        List<String> inner = new ArrayList<>(List.of("/usr/bin/env", "--chdir=" + cwd));
        inner.addAll(command);
        return Proc.of(enterCommand(s.dir(), user, standardBinds(repo), env, inner)).timeout(Duration.ofHours(6)).runInherited();
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

    /**
     * Inside the private mount namespace that unshare made: mounts, then chroot. Arguments: ROOT
     * USER [--bind SOURCE TARGET]… -- COMMAND…
     */
    public static void main(String[] args) {
        Path root = Path.of(args[0]);
        String user = args[1];
        int i = 2;
        List<Bind> binds = new ArrayList<>();
        while (!args[i].equals("--")) {
            binds.add(new Bind(Path.of(args[i + 1]), Path.of(args[i + 2])));
            i += 3;
        }
        List<String> command = List.of(args).subList(i + 1, args.length);
        try {
            // Nix makes its sandbox by pivoting into a new root; that needs the root to be a mount point
            mount("--bind", root.toString(), root.toString());
            mount("-t", "proc", "proc", root.resolve("proc").toString());
            mount("--rbind", "/dev", root.resolve("dev").toString());
            mount("-t", "sysfs", "sysfs", root.resolve("sys").toString());
            for (Bind b : binds) {
                Path target = root.resolve(b.target().toString().substring(1));
                Files.createDirectories(target);
                mount("--bind", b.source().toString(), target.toString());
            }
        } catch (IOException | UserError e) {
            System.err.println("error: could not prepare the current Nix's root: " + e.getMessage());
            System.exit(125);
        }
        String group = "root".equals(user) ? "root" : user;
        List<String> chroot = new ArrayList<>(List.of("chroot", "--userspec=" + user + ":" + group, root.toString()));
        chroot.addAll(command);
        System.exit(Proc.of(chroot).timeout(Duration.ofHours(6)).runInherited());
    }

    private static void mount(String... args) {
        List<String> cmd = new ArrayList<>(List.of("mount"));
        cmd.addAll(List.of(args));
        Proc.Result r = Proc.of(cmd).timeout(Duration.ofSeconds(30)).run();
        if (!r.ok()) throw new UserError("mount " + String.join(" ", args) + ": " + r.lastErrorLine(), "Run as root.");
    }
}
