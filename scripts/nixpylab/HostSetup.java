package nixpylab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the bare profile needs from the host: Nix itself, a C toolchain, and the -dev packages of
 * the libraries the Setup.local modules link. On Debian/Ubuntu as root they can be installed.
 */
public final class HostSetup {
    /** Debian package names; the bare profile's build uses these from /usr. */
    public static final List<String> PACKAGES = List.of(
            "nix-bin", "build-essential", "pkg-config", "xz-utils",
            "zlib1g-dev", "libreadline-dev", "liblzma-dev", "libsqlite3-dev", "libncurses-dev", "libbz2-dev",
            "libffi-dev", "libssl-dev", "tk-dev", "uuid-dev", "libgdbm-dev");

    private HostSetup() {}

    public static boolean isDebian() {
        return Files.exists(Path.of("/etc/debian_version")) && SearchPath.onPath("dpkg-query") && SearchPath.onPath("apt-get");
    }

    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The packages of a list not installed here (dpkg's view). */
    public static List<String> missing(List<String> packages) {
        List<String> out = new ArrayList<>();
        for (String p : packages) {
            Proc.Result r = Proc.of("dpkg-query", "-W", "-f=${Status}", p).timeout(Duration.ofSeconds(20)).run();
            if (!r.ok() || !r.stdout().contains("install ok installed")) out.add(p);
        }
        return out;
    }

    public static List<String> installCommand(List<String> packages) {
        List<String> cmd = new ArrayList<>(List.of("apt-get", "install", "-y", "-q"));
        cmd.addAll(packages);
        return cmd;
    }

    /** Installs packages with apt-get (update first); fails with the command to run by hand. */
    public static void install(List<String> packages) {
        Proc.Result u = Proc.of("apt-get", "update", "-q").timeout(Duration.ofMinutes(10)).env("DEBIAN_FRONTEND", "noninteractive").run();
        Proc.Result r = Proc.of(installCommand(packages)).timeout(Duration.ofMinutes(30)).env("DEBIAN_FRONTEND", "noninteractive").run();
        if (!r.ok()) {
            throw new UserError("apt-get could not install " + String.join(" ", packages) + ": " + (r.stderr().isBlank() ? u : r).lastErrorLine(),
                    "Run '" + String.join(" ", installCommand(packages)) + "' yourself and look at what it says.");
        }
    }
}
