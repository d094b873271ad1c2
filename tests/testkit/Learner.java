package testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nixpylab.Proc;

/**
 * An ordinary user of this machine (the recorder's {@link site.OrdinaryUser}, in the group that may use the Nix daemon),
 * who runs the step scripts as README teaches, through the daemon (NIX_REMOTE=daemon). Made by the
 * tests when missing (they run as root); its JBang and Maven caches are its own.
 */
public final class Learner {
    public static final String NAME = site.OrdinaryUser.NAME;
    public static final Path HOME = site.OrdinaryUser.HOME;

    private Learner() {}

    public static void ensure() {
        if (!Proc.of("id", NAME).run().ok()) {
            Proc.Result g = Proc.of("groupadd", "-f", "nix-users").run();
            if (!g.ok()) throw new IllegalStateException("groupadd: " + g.stderr());
            Proc.Result r = Proc.of("useradd", "-m", "-d", HOME.toString(), "-s", "/bin/bash", "-G", "nix-users", NAME).run();
            if (!r.ok()) throw new IllegalStateException("useradd: " + r.stderr());
        }
    }

    /** A folder the learner owns (made anew). */
    public static Path folder(String name) {
        Path dir = Path.of("/var/tmp", "nixpylab-" + name);
        Proc.of("rm", "-rf", dir.toString()).run();
        Proc.Result r = Proc.of("runuser", "-u", NAME, "--", "mkdir", "-p", dir.toString()).run();
        if (!r.ok()) throw new IllegalStateException("mkdir: " + r.stderr());
        return dir;
    }

    /** Runs a command as the learner, with a login-like environment and NIX_REMOTE=daemon, in {@code dir}. */
    public static Proc.Result run(Path dir, Duration timeout, List<String> env, String... command) {
        List<String> cmd = site.OrdinaryUser.command(env, List.of(command));
        return Proc.of(cmd).in(dir).timeout(timeout).run();
    }

    /** A step script, as the learner types it: ./jbang scripts/NAME.java ARGS (the repository is readable by everyone). */
    public static Proc.Result step(Path dir, List<String> env, String script, String... args) {
        List<String> cmd = new ArrayList<>(List.of(ScriptRun.REPO.resolve("jbang").toString(), "--quiet", ScriptRun.REPO.resolve("scripts/" + script + ".java").toString()));
        cmd.addAll(List.of(args));
        return run(dir, Duration.ofMinutes(10), env, cmd.toArray(String[]::new));
    }

    public static boolean exists() {
        return Files.isDirectory(HOME);
    }
}
