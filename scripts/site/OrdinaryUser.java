package site;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nixpylab.HostSetup;
import nixpylab.Proc;
import nixpylab.UserError;
import nixpylab.nix.Nix;
import nixpylab.nix.NixErrors;
import nixpylab.nix.NixVersion;

/**
 * The ordinary user an {@code as=learner} block runs as: nixpylab-learner, not root and not a
 * trusted user, in the group that may use the Nix daemon, with NIX_REMOTE=daemon and a login-like
 * environment, as a learner on a multi-user install runs the steps. The recorder (root) runs the
 * block through runuser; it makes neither the user nor the daemon: it says how, and records nothing.
 */
public final class OrdinaryUser {
    public static final String NAME = "nixpylab-learner";
    public static final Path HOME = Path.of("/home/" + NAME);

    private OrdinaryUser() {}

    /** Stops with what to do when the user cannot run the block: no root to switch users, no such user, no daemon answering them. */
    public static void requireReady(String block, NixVersion version) {
        String what = block + " runs as the ordinary user " + NAME + " through the Nix daemon";
        if (!HostSetup.isRoot()) {
            throw new UserError(what + ", and only root can run a command as another user (runuser).", "Record the site as root (sudo ./jbang scripts/Site.java --refresh), or leave the block's transcripts as they are.");
        }
        if (!Proc.of("id", "-u", NAME).timeout(Duration.ofSeconds(10)).run().ok()) {
            throw new UserError(what + ", and there is no user " + NAME + " on this machine.",
                    "Make it, in the group that may use the daemon: groupadd -f nix-users; useradd -m -G nix-users " + NAME + "; then run Site again. Nothing was recorded.");
        }
        List<String> ping = version.atLeast(2, 20)
                ? List.of("nix", "--extra-experimental-features", "nix-command", "store", "info")
                : List.of("nix", "--extra-experimental-features", "nix-command", "store", "ping");
        Proc.Result r = Proc.of(command(List.of(), ping)).timeout(Duration.ofSeconds(30)).run();
        if (!r.ok()) {
            String err = NixErrors.firstError(r.stderr()).orElse(r.lastErrorLine());
            throw new UserError(what + ", and the daemon does not answer " + NAME + ": " + err,
                    "Start it as root, with systemctl start nix-daemon (or nix-daemon & where there is no systemd), check that " + NAME
                            + " is in the group that owns /nix/var/nix/daemon-socket, then run Site again. Nothing was recorded.");
        }
    }

    /** A command as the user runs it: runuser, a clean environment with NIX_REMOTE=daemon, then {@code env} (NAME=value) and the command. */
    public static List<String> command(List<String> env, List<String> cmd) {
        List<String> out = new ArrayList<>(List.of("runuser", "-u", NAME, "--", "/usr/bin/env", "-i",
                "PATH=/usr/local/bin:/usr/bin:/bin", "HOME=" + HOME, "USER=" + NAME, "LOGNAME=" + NAME, "LANG=C.UTF-8", "NIX_REMOTE=daemon"));
        out.addAll(env);
        out.addAll(cmd);
        return out;
    }

    /** Gives a folder the recorder made to the user. */
    public static void own(Path dir) {
        Proc.Result r = Proc.of("chown", "-R", NAME, dir.toString()).timeout(Duration.ofMinutes(1)).run();
        if (!r.ok()) throw new UserError("Could not give " + dir + " to " + NAME + ": " + r.lastErrorLine(), "Check that the recorder runs as root.");
    }
}
