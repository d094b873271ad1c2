package nixpylab.currentnix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import nixpylab.SearchPath;
import nixpylab.PropertiesText;
import nixpylab.UserError;
import nixpylab.source.AptSources;

/**
 * Makes the current Nix's root: debootstrap's minimal sid with nix-bin, the packages the steps
 * need, build users whose ids are free on the host too, and nix.conf; in {@code sid.partial},
 * renamed into place when every part is done.
 */
final class RootSetup {
    static final long NEEDED_BYTES = 4L * 1024 * 1024 * 1024;
    static final int BUILD_USERS = 10;

    private final CurrentNixRoot root;

    RootSetup(CurrentNixRoot root) {
        this.root = root;
    }


    /** Debian packages the steps, the tests and the bare profile's builds need inside the root. */
    static List<String> packages() {
        List<String> p = new ArrayList<>(List.of("default-jdk-headless", "maven", "curl", "procps", "python3", "ca-certificates", "nginx-light", "diffoscope-minimal"));
        p.addAll(HostSetup.PACKAGES);
        return p;
    }

    /** Makes the root unless it is there; says each part as it goes. Idempotent; a half-made root is redone. */
    CurrentNixRoot.Status make(Consumer<String> progress) {
        Optional<CurrentNixRoot.Status> done = root.status();
        if (done.isPresent()) return done.get();
        preflight();
        Path work = root.partial();
        debootstrap(work, progress);
        progress.accept("finishing the packages debootstrap left unconfigured, then installing Java, Maven and the build dependencies");
        installPackages(work, progress);
        int base = BuildIds.free(work, BUILD_USERS);
        progress.accept("build users nixbld1…nixbld" + BUILD_USERS + " with ids " + (base + 1) + "…" + (base + BUILD_USERS) + " (free on this machine too), group nix-users for the daemon");
        configureNix(work, base);
        writeMarker(work, base);
        try {
            Files.move(work, root.dir(), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CurrentNixRoot.Status s = root.status().orElseThrow();
        progress.accept("ready: Nix " + s.nixVersion() + " in " + root.dir());
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
        mkdirs(root.packageCache());
        progress.accept("debootstrap: Debian sid, minimal, with nix-bin (packages cached in " + root.packageCache() + ")");
        // debootstrap stops configuring on libdbd-sqlite3-perl (an ABI dependency it does not resolve); apt-get -f install finishes it
        Proc.Result d = Proc.of("debootstrap", "--variant=minbase", "--include=nix-bin,ca-certificates", "--cache-dir=" + root.packageCache(), "sid", work.toString(), mirror)
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
        AtomicFile.write(work.resolve(CurrentNixRoot.MARKER), PropertiesText.of(marker, "NixPy Lab's current-Nix root; made by scripts/CurrentNix.java setup"));
    }

    private void preflight() {
        if (!HostSetup.isRoot()) {
            throw new UserError("Setting up the current Nix needs root: it runs debootstrap, chroot and mount.",
                    "Run it as root (sudo ./jbang scripts/CurrentNix.java setup).");
        }
        for (String tool : List.of("debootstrap", "unshare", "chroot", "mount")) {
            if (!SearchPath.onPath(tool)) {
                throw new UserError("'" + tool + "' is not installed here; the current Nix's root is made and entered with it.",
                        "Run as root: apt-get install -y " + ("debootstrap".equals(tool) ? "debootstrap" : "util-linux coreutils mount") + ", then run this again.");
            }
        }
        mkdirs(root.home());
        try {
            long free = Files.getFileStore(root.home()).getUsableSpace();
            if (free < NEEDED_BYTES) {
                throw new UserError(String.format("The current Nix's root needs about %.1f GB in %s, and only %.1f GB are free.", NEEDED_BYTES / 1e9, root.home(), free / 1e9),
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
                Files.move(real, work.resolve("usr/sbin/start-stop-daemon"), StandardCopyOption.REPLACE_EXISTING);
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

    private Proc.Result inPartial(Path work, Duration timeout, String... command) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DEBIAN_FRONTEND", "noninteractive");
        return Proc.of(RootEntry.command(work, "root", List.of(), env, List.of(command))).timeout(timeout).run();
    }

    private static void requireOk(Proc.Result r, String what) {
        if (!r.ok()) {
            throw new UserError(what + " failed in the sid root (exit " + r.exitCode() + "): " + r.lastErrorLine(),
                    "Check that this machine reaches its Debian archive, then run the set-up again; it starts over.");
        }
    }

    static void run(Duration timeout, String... command) {
        Proc.Result r = Proc.of(command).timeout(timeout).run();
        if (!r.ok()) throw new UserError(String.join(" ", command) + " failed: " + r.lastErrorLine(), "Fix what it says, then run this again.");
    }

    static void mkdirs(Path p) {
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
