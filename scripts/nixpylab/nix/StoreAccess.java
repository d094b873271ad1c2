package nixpylab.nix;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nixpylab.HostSetup;
import nixpylab.Proc;
import nixpylab.UserError;

/**
 * How this process reaches the Nix store, as Nix itself answers: directly (single-user, only the
 * store's owner may write it) or through the Nix daemon, and whether the daemon trusts this user.
 * Nix 2.34 says whether it trusts ({@code nix store info --json}); Nix 2.8 does not, so there it is
 * read from {@code trusted-users}, as the daemon would read it.
 */
public record StoreAccess(String url, boolean daemon, boolean trusted, String user, boolean root) {
    private static final Pattern URL = Pattern.compile("(?m)^Store URL: (\\S+)");
    private static final Pattern JSON_URL = Pattern.compile("\"url\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern JSON_TRUSTED = Pattern.compile("\"trusted\"\\s*:\\s*(true|false|1|0)");

    public static StoreAccess ask(NixVersion version, NixConfig config) {
        return from(query(version), config);
    }

    /** Asks Nix about its store (independent of its settings, so it can run while they are read). */
    public static Proc.Result query(NixVersion version) {
        List<String> cmd = version.atLeast(2, 20)
                ? List.of("nix", "--extra-experimental-features", "nix-command", "store", "info", "--json")
                : List.of("nix", "--extra-experimental-features", "nix-command", "store", "ping");
        return KeptAnswers.ask(cmd, Duration.ofSeconds(20));
    }

    /** The access Nix's answer to {@link #query} describes; no answer is a UserError saying why. */
    public static StoreAccess from(Proc.Result r, NixConfig config) {
        String user = System.getProperty("user.name");
        boolean root = HostSetup.isRoot();
        if (!r.ok()) throw unreachable(r);
        // Nix 2.8 prints "Store URL: …" on stderr, 2.20+ its JSON on stdout
        return parse(r.stdout() + r.stderr(), user, root, () -> UnixGroups.of(user), config.list("trusted-users"));
    }

    /** Reads either answer: Nix 2.8's "Store URL: …" lines or 2.20+'s JSON with "trusted". */
    static StoreAccess parse(String out, String user, boolean root, List<String> groups, List<String> trustedUsers) {
        return parse(out, user, root, () -> groups, trustedUsers);
    }

    /** groups: asked only when the answer depends on them (a daemon that does not say whether it trusts this user). */
    static StoreAccess parse(String out, String user, boolean root, Supplier<List<String>> groups, List<String> trustedUsers) {
        Matcher j = JSON_URL.matcher(out);
        Matcher u = URL.matcher(out);
        String url = j.find() ? j.group(1) : u.find() ? u.group(1) : "local";
        boolean daemon = url.equals("daemon") || url.startsWith("unix://");
        Matcher t = JSON_TRUSTED.matcher(out);
        boolean trusted;
        if (t.find()) trusted = t.group(1).equals("true") || t.group(1).equals("1");
        else if (!daemon) trusted = root;
        else trusted = trustedUsers.contains(user) || trustedUsers.contains("*") || groups.get().stream().anyMatch(g -> trustedUsers.contains("@" + g));
        return new StoreAccess(url, daemon, trusted, user, root);
    }

    /** Nix could not reach its store: no daemon, no permission on its socket, or a store this user cannot write. */
    static UserError unreachable(Proc.Result r) {
        String err = NixErrors.firstError(r.stderr()).orElse(r.lastErrorLine());
        if (err.contains("cannot connect to socket") && err.contains("No such file or directory") || err.contains("Connection refused")) {
            return new UserError("Nix is set to build through its daemon, and no daemon answers: " + err,
                    "Start it (as root: systemctl start nix-daemon, or nix-daemon &), or unset NIX_REMOTE to use the store directly as its owner.");
        }
        if (err.contains("cannot connect to socket") && err.contains("Permission denied")) {
            return new UserError("You may not talk to the Nix daemon: " + err,
                    "Ask an administrator to add you to the group that owns the socket's folder (on Debian: adduser " + System.getProperty("user.name") + " nix-users), then log in again.");
        }
        if (err.contains("is not allowed to connect") || err.contains("not allowed to connect")) {
            return new UserError("The Nix daemon does not let you in (allowed-users in its nix.conf): " + err,
                    "Ask an administrator to add you to allowed-users in /etc/nix/nix.conf and restart nix-daemon.");
        }
        if (err.contains("Permission denied") || err.contains("read-only")) {
            return new UserError("Nix cannot write its store as " + System.getProperty("user.name") + ": " + err,
                    "This is a single-user Nix owned by someone else: run the steps as its owner, or use a multi-user Nix with a daemon (NIX_REMOTE=daemon).");
        }
        return new UserError("Nix does not work here: " + err, "Check the installation: nix-build --version; nix-store --verify.");
    }

    /** One sentence on who builds, for the step headers and the Configuration step. */
    public String describe() {
        return (daemon ? "through the Nix daemon as " + user + (trusted ? " (a trusted user)" : " (not a trusted user)")
                : "directly on the store as " + user + (root ? " (root may write /nix/var/nix, so Nix opens the store itself, daemon or not)" : ""));
    }

    public Optional<String> untrustedNote() {
        return trusted ? Optional.empty() : Optional.of("the daemon does not trust " + user + ": settings such as extra-sandbox-paths and --ignore-liveness are refused");
    }
}
