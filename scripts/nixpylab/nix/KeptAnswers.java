package nixpylab.nix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nixpylab.KeptFile;
import nixpylab.Proc;
import nixpylab.SearchPath;
import nixpylab.UserCache;

/**
 * What Nix says about itself — its version, its settings, its store (daemon or not, trusted or
 * not) — asked by every step before its work and by none of the plain commands. A successful
 * answer is kept for a minute in ~/.cache/nixpylab/nix-answers/, keyed on everything it depends
 * on: the command, the Nix programs on PATH (path, size, time), the nix.conf files (size, time),
 * the daemon's socket (a restarted daemon makes a new one), the NIX_* variables and the user. Any
 * change asks Nix again; so does a failure, which is never kept.
 */
final class KeptAnswers {
    static final Duration KEPT = Duration.ofMinutes(1);
    static final List<String> CONF_FILES = List.of("/etc/nix/nix.conf", "/nix/var/nix/daemon-socket/socket");

    private KeptAnswers() {}

    static Proc.Result ask(List<String> command, Duration timeout) {
        return ask(command, timeout, UserCache.file("nix-answers"));
    }

    static Proc.Result ask(List<String> command, Duration timeout, Path dir) {
        KeptFile kept = new KeptFile(dir, KEPT);
        String question = question(command);
        Optional<Proc.Result> answer = kept.read(question).flatMap(a -> parse(command, a));
        if (answer.isPresent()) return answer.get();
        Proc.Result r = Proc.of(command).timeout(timeout).run();
        // the exit code, the stdout's length, then stdout and stderr
        if (r.ok()) {
            String out = withoutSecrets(r.stdout());
            kept.keep(question, r.exitCode() + " " + out.length() + "\n" + out + r.stderr());
        }
        return r;
    }

    /** The command and everything its answer depends on. */
    static String question(List<String> command) {
        StringBuilder sb = new StringBuilder(String.join("\u0000", command)).append('\n');
        sb.append(System.getProperty("user.name")).append('\n');
        for (String program : List.of("nix", "nix-build", "nix-store")) sb.append(program).append(' ').append(stat(SearchPath.which(program))).append('\n');
        List<String> conf = new ArrayList<>(CONF_FILES);
        String confDir = System.getenv("NIX_CONF_DIR");
        if (confDir != null) conf.add(confDir + "/nix.conf");
        String xdg = System.getenv("XDG_CONFIG_HOME");
        conf.add((xdg != null && !xdg.isBlank() ? xdg : System.getProperty("user.home") + "/.config") + "/nix/nix.conf");
        for (String c : conf) sb.append(c).append(' ').append(stat(Optional.of(Path.of(c)))).append('\n');
        // NIX_CONFIG may carry access tokens: the question holds a digest of the values, never the values
        StringBuilder env = new StringBuilder();
        System.getenv().entrySet().stream().filter(e -> e.getKey().startsWith("NIX_")).sorted(Map.Entry.comparingByKey())
                .forEach(e -> env.append(e.getKey()).append('=').append(e.getValue()).append('\n'));
        if (env.length() > 0) sb.append("NIX_* ").append(NixHash.of(env.toString().getBytes(StandardCharsets.UTF_8)).base16()).append('\n');
        return sb.toString();
    }

    /** Settings whose values are secrets (a GitHub token in access-tokens, a password) are kept as «not kept»: no one reads them from a kept answer. */
    static String withoutSecrets(String out) {
        return out.replaceAll("(?m)^([a-z0-9-]*(?:token|password|secret-key)[a-z0-9-]*) = .*$", "$1 = «not kept»");
    }

    private static String stat(Optional<Path> p) {
        try {
            if (p.isEmpty() || !Files.exists(p.get())) return "none";
            Path real = p.get().toRealPath();
            return real + " " + Files.size(real) + " " + Files.getLastModifiedTime(real).toMillis() + " " + Files.getLastModifiedTime(p.get(), LinkOption.NOFOLLOW_LINKS).toMillis();
        } catch (IOException e) {
            return "unreadable";
        }
    }

    private static Optional<Proc.Result> parse(List<String> command, String answer) {
        try {
            int nl = answer.indexOf('\n');
            String[] head = answer.substring(0, nl).split(" ");
            int outLength = Integer.parseInt(head[1]);
            String body = answer.substring(nl + 1);
            return Optional.of(new Proc.Result(command, Integer.parseInt(head[0]), body.substring(0, outLength), body.substring(outLength), List.of(), Duration.ZERO, false));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
