package nixpylab.nix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import nixpylab.Proc;
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
        Path file = dir.resolve(key(command));
        Optional<Proc.Result> kept = read(file, command);
        if (kept.isPresent()) return kept.get();
        Proc.Result r = Proc.of(command).timeout(timeout).run();
        if (r.ok()) keep(file, r);
        return r;
    }

    /** A digest of the command and of everything its answer depends on. */
    static String key(List<String> command) {
        StringBuilder sb = new StringBuilder(String.join("\u0000", command)).append('\n');
        sb.append(System.getProperty("user.name")).append('\n');
        for (String program : List.of("nix", "nix-build", "nix-store")) sb.append(program).append(' ').append(stat(onPath(program))).append('\n');
        List<String> conf = new ArrayList<>(CONF_FILES);
        String confDir = System.getenv("NIX_CONF_DIR");
        if (confDir != null) conf.add(confDir + "/nix.conf");
        String xdg = System.getenv("XDG_CONFIG_HOME");
        conf.add((xdg != null && !xdg.isBlank() ? xdg : System.getProperty("user.home") + "/.config") + "/nix/nix.conf");
        for (String c : conf) sb.append(c).append(' ').append(stat(Optional.of(Path.of(c)))).append('\n');
        System.getenv().entrySet().stream().filter(e -> e.getKey().startsWith("NIX_")).sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> sb.append(e.getKey()).append('=').append(e.getValue()).append('\n'));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8))).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Path> onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) return Optional.of(Path.of(d, program));
        }
        return Optional.empty();
    }

    private static String stat(Optional<Path> p) {
        try {
            if (p.isEmpty() || !Files.exists(p.get())) return "none";
            Path real = p.get().toRealPath();
            return real + " " + Files.size(real) + " " + Files.getLastModifiedTime(real).toMillis() + " " + Files.getLastModifiedTime(p.get(), java.nio.file.LinkOption.NOFOLLOW_LINKS).toMillis();
        } catch (IOException e) {
            return "unreadable";
        }
    }

    /** The kept answer: a line with the time it was asked, the exit code, the stdout's length, then stdout and stderr. */
    private static Optional<Proc.Result> read(Path file, List<String> command) {
        try {
            if (!Files.isRegularFile(file)) return Optional.empty();
            String text = Files.readString(file);
            int nl = text.indexOf('\n');
            String[] head = text.substring(0, nl).split(" ");
            if (Duration.between(Instant.ofEpochMilli(Long.parseLong(head[0])), Instant.now()).compareTo(KEPT) >= 0) return Optional.empty();
            int outLength = Integer.parseInt(head[2]);
            String body = text.substring(nl + 1);
            String out = body.substring(0, outLength), err = body.substring(outLength);
            return Optional.of(new Proc.Result(command, Integer.parseInt(head[1]), out, err, List.of(), Duration.ZERO, false));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Best effort: an answer not kept is asked again next time. */
    private static void keep(Path file, Proc.Result r) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".answer", ".tmp");
            Files.writeString(tmp, Instant.now().toEpochMilli() + " " + r.exitCode() + " " + r.stdout().length() + "\n" + r.stdout() + r.stderr());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            try (var old = Files.list(file.getParent())) {
                for (Path o : old.toList()) {
                    if (Files.getLastModifiedTime(o).toInstant().isBefore(Instant.now().minus(Duration.ofDays(1)))) Files.deleteIfExists(o);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // a read-only home: no harm
        }
    }
}
