package nixpylab.currentnix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nixpylab.Proc;
import nixpylab.UserError;

/**
 * Entering the current Nix's root: the command that does it (unshare, then this class's own main in
 * the new mount namespace), and that main: the mounts, then chroot. A program of its own, so it says
 * on stderr why it could not prepare the root.
 */
public final class RootEntry {
    private RootEntry() {}


    /**
     * The command that runs {@code command} inside a root as {@code user}, with only {@code env}
     * (plus PATH, HOME, LANG and the marker that says it runs inside) in its environment. The mounts
     * live in a private mount namespace and go away with the command.
     */
    public static List<String> command(Path root, String user, List<CurrentNixRoot.Bind> binds, Map<String, String> env, List<String> command) {
        List<String> cmd = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "--",
                ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"), RootEntry.class.getName(), root.toString(), user));
        for (CurrentNixRoot.Bind b : binds) cmd.addAll(List.of("--bind", b.source().toString(), b.target().toString()));
        cmd.add("--");
        cmd.addAll(List.of("/usr/bin/env", "-i", "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C.UTF-8",
                "HOME=" + ("root".equals(user) ? "/root" : "/home/" + user), "USER=" + user, CurrentNixRoot.INSIDE + "=current"));
        for (Map.Entry<String, String> e : env.entrySet()) cmd.add(e.getKey() + "=" + e.getValue());
        cmd.addAll(command);
        return cmd;
    }

    /**
     * Inside the private mount namespace that unshare made: mounts, then chroot. Arguments: ROOT
     * USER [--bind SOURCE TARGET]… -- COMMAND…
     */
    public static void main(String[] args) {
        Path root = Path.of(args[0]);
        String user = args[1];
        int i = 2;
        List<CurrentNixRoot.Bind> binds = new ArrayList<>();
        while (!args[i].equals("--")) {
            binds.add(new CurrentNixRoot.Bind(Path.of(args[i + 1]), Path.of(args[i + 2])));
            i += 3;
        }
        List<String> command = List.of(args).subList(i + 1, args.length);
        try {
            // Nix makes its sandbox by pivoting into a new root; that needs the root to be a mount point
            mount("--bind", root.toString(), root.toString());
            mount("-t", "proc", "proc", root.resolve("proc").toString());
            mount("--rbind", "/dev", root.resolve("dev").toString());
            mount("-t", "sysfs", "sysfs", root.resolve("sys").toString());
            for (CurrentNixRoot.Bind b : binds) {
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
