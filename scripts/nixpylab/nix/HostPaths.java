package nixpylab.nix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nixpylab.UserError;

/**
 * What a build that uses the host's toolchain (the bare profile, the workshop's exercises) needs
 * inside Nix's build sandbox, and whether this Nix lets the toolkit open it. In a sandbox a builder
 * sees only the store, its build folder and the paths in {@code sandbox-paths}: not /usr, so no
 * compiler and no -dev libraries, and not the folder of a {@code file://} source. Opening them is
 * honest about the impurity (the host's /usr is an input Nix does not track) instead of hiding it;
 * only a trusted user may do it, with {@code --option extra-sandbox-paths}.
 */
public final class HostPaths {
    /** How builds will see the host: the --option words that open it (if any) and a sentence that says so. */
    public sealed interface Decision permits Unsandboxed, Opened, AlreadyOpen, Refused {
        default List<String> options() {
            return List.of();
        }

        String note();
    }

    public record Unsandboxed(String note) implements Decision {}

    public record Opened(List<String> options, String note) implements Decision {}

    public record AlreadyOpen(String note) implements Decision {}

    /** Builds cannot see what they need, and this user may not open it: building stops with this error. */
    public record Refused(UserError error) implements Decision {
        @Override
        public String note() {
            return error.getMessage();
        }
    }

    private HostPaths() {}

    /**
     * The sandbox-paths entries for the host's toolchain: /usr, and /lib and /lib64 (links into /usr
     * on a merged-/usr system: the dynamic loader's path goes through them), /etc/alternatives
     * (where Debian's /usr/bin/awk and cc point), and /bin/sh unless Nix
     * already provides one. Never /bin as a whole: Nix makes the mount point of its own /bin/sh
     * entry inside it, and through a bind of the host's /usr/bin that truncates the host's
     * /usr/bin/dash, which /bin/sh links to (seen with Nix 2.34).
     */
    public static List<String> toolchain(NixConfig config) {
        List<String> out = new ArrayList<>(List.of("/usr"));
        // Debian's alternatives (awk, cc, …) are links through /etc/alternatives
        for (String p : List.of("/lib", "/lib64", "/etc/alternatives")) {
            Path path = Path.of(p);
            if (Files.exists(path)) out.add(entry(path));
        }
        if (config.list("sandbox-paths").stream().noneMatch(e -> target(e).equals("/bin/sh"))) out.add(entry(Path.of("/bin/sh")));
        return out;
    }

    /** "/bin=/usr/bin" when /bin is a link (the sandbox mounts folders, not links); "/x" otherwise. */
    static String entry(Path p) {
        try {
            Path real = p.toRealPath();
            return real.equals(p) ? p.toString() : p + "=" + real;
        } catch (IOException e) {
            return p.toString();
        }
    }

    public static Decision decide(NixConfig config, StoreAccess access, List<Path> sourceDirs) {
        List<String> wanted = new ArrayList<>(toolchain(config));
        // a source folder may not exist yet (the fetch makes it): "?" tells Nix not to mind
        for (Path d : sourceDirs) {
            // the store is never bound into the sandbox: a build would see, and could write over, every
            // path in it (Nix 2.34 truncated a valid source tarball in /nix/store so). Sources are staged
            // into a folder of their own first (SourceLocator.stage).
            if (underStore(d)) {
                throw new UserError("The source is in the Nix store (" + d + "), and the store is never opened in the build sandbox: a build would see every path in it, and could write over them.",
                        "Pass the tarball with --source PATH instead of a file:// URL: it is copied into the sources folder, which the sandbox opens.");
            }
            String e = Files.isDirectory(d) ? entry(d.toAbsolutePath().normalize()) : d.toAbsolutePath().normalize() + "?";
            if (wanted.stream().noneMatch(w -> target(w).equals(target(e)))) wanted.add(e);
        }
        if (!config.sandboxed()) {
            return new Unsandboxed("the build sandbox is off in this Nix's configuration (sandbox = " + config.sandbox()
                    + "): builders see the whole machine, the host's compiler and libraries in /usr included");
        }
        Set<String> have = new LinkedHashSet<>();
        for (String e : config.list("sandbox-paths")) have.add(target(e));
        List<String> missing = wanted.stream().filter(w -> !have.contains(target(w))).toList();
        String what = String.join(" ", wanted);
        if (missing.isEmpty()) {
            return new AlreadyOpen("the build sandbox is on, and this Nix's configuration already opens the host's toolchain in it (sandbox-paths: " + what + ")");
        }
        if (!access.trusted()) {
            return new Refused(new UserError("Nix builds in a sandbox here, and this build needs the host's compiler and libraries inside it (" + String.join(" ", missing)
                    + "); only a trusted user may open paths in the sandbox, and the Nix daemon does not trust " + access.user() + ".",
                    "Ask whoever runs Nix here to add 'extra-sandbox-paths = " + what + "' to /etc/nix/nix.conf and restart nix-daemon "
                            + "(on NixOS: nix.settings.extra-sandbox-paths in configuration.nix, then nixos-rebuild switch), or to add you to trusted-users; or use the nixpkgs profile (--profile nixpkgs), whose inputs come from the store."));
        }
        return new Opened(List.of("--option", "extra-sandbox-paths", what),
                "the build sandbox is on; this build opens " + what + " in it (--option extra-sandbox-paths): the host's compiler and -dev libraries, inputs Nix does not track, and the folder of the source tarball");
    }

    static boolean underStore(Path d) {
        Path p = d.toAbsolutePath().normalize();
        return p.startsWith(Path.of("/nix/store")) || p.equals(Path.of("/nix")) || p.equals(Path.of("/"));
    }

    /** An entry's path inside the sandbox: "/bin=/usr/bin" → "/bin"; a trailing "?" (optional) is dropped. */
    static String target(String entry) {
        String t = entry.contains("=") ? entry.substring(0, entry.indexOf('=')) : entry;
        return t.endsWith("?") ? t.substring(0, t.length() - 1) : t;
    }
}
