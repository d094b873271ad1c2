///usr/bin/env jbang "$0" "$@" ; exit $?
//SOURCES ../../scripts/nixpylab/Toolkit.java

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import nixpylab.Proc;
import nixpylab.nix.Nix;
import nixpylab.nix.NixConfig;
import nixpylab.nix.NixHash;
import nixpylab.nix.NixVersion;
import nixpylab.nix.StorePath;
import nixpylab.room.RoomCache;
import nixpylab.room.RoomInfo;
import nixpylab.room.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Captures what the installed Nix prints in the situations the toolkit reads, into
 * tests/captures/nix-VERSION/NAME.{stdout,stderr,exit}, for the parser tests. Run it once per Nix:
 * {@code ./jbang tests/captures/Capture.java} (this machine's Nix) and with {@code --nix current}.
 * The derivations are tiny (a /bin/sh builder and shell built-ins), so it takes seconds.
 */
@Command(name = "Capture", mixinStandardHelpOptions = true, version = terminal.Cli.VERSION,
        description = "Captures what the installed Nix prints where the toolkit reads it, for the parser tests.")
public class Capture implements Callable<Integer> {
    @Option(names = "--into", paramLabel = "DIR", description = "Somewhere else than tests/captures/nix-VERSION (two runs side by side are the pairs the normalisation rules are tested on).")
    Path into;

    @Mixin
    terminal.NixChoice nix;

    static Path out;
    static Path work;
    static final Duration T = Duration.ofMinutes(2);
    static final List<String> NO_CACHE = List.of("--option", "substituters", "");

    public static void main(String[] args) {
        System.exit(terminal.Cli.execute(new Capture(), "tests/captures/Capture.java", args));
    }

    @Override
    public Integer call() throws Exception {
        NixVersion v = NixVersion.installed();
        Path repo = terminal.Cli.repository(Path.of("").toAbsolutePath());
        out = into != null ? into.toAbsolutePath() : repo.resolve("tests/captures/nix-" + v.text());
        Files.createDirectories(out);
        work = Files.createTempDirectory(Path.of("/var/tmp"), "nixpylab-capture-");
        Proc.of("chmod", "755", work.toString()).run();
        String nonce = Long.toHexString(System.nanoTime());
        Files.writeString(work.resolve("captures.nix"), """
                let
                  sh = attrs: derivation ({ system = builtins.currentSystem; builder = "/bin/sh"; } // attrs);
                in
                rec {
                  fod = sh {
                    name = "capture-fod";
                    args = [ "-c" "echo hello > $out" ];
                    outputHashMode = "flat";
                    outputHashAlgo = "sha256";
                    outputHash = "0000000000000000000000000000000000000000000000000000";
                  };
                  app = sh { name = "capture-app-NONCE"; args = [ "-c" "echo ${fod} > $out" ]; };
                  failing = sh { name = "capture-fails-NONCE"; args = [ "-c" "echo compiling; echo 'cc: error: no such file' >&2; exit 2" ]; };
                  ok = sh { name = "capture-ok-NONCE"; args = [ "-c" "echo built > $out" ]; };
                  random = sh { name = "capture-random-NONCE"; args = [ "-c" "read x < /proc/sys/kernel/random/uuid; echo $x > $out" ]; };
                  notBuilt = sh { name = "capture-never-NONCE"; args = [ "-c" "echo never > $out" ]; };
                  phasedDep = sh { name = "capture-phased-dep-NONCE"; args = [ "-c" "echo 'Running phase: buildPhase'; echo dep > $out" ]; };
                  phased = sh {
                    name = "capture-phased-NONCE";
                    inherit phasedDep;
                    args = [ "-c" "echo 'Running phase: unpackPhase'; echo 'Running phase: buildPhase'; echo compiling; echo 'Running phase: installPhase'; echo $phasedDep > $out" ];
                  };
                }
                """.replace("NONCE", nonce));
        String file = work.resolve("captures.nix").toString();

        save("hash-mismatch", nix("nix-build", file, "-A", "app", "--no-out-link"));
        save("build-internal-json", nix("nix-build", "--log-format", "internal-json", file, "-A", "phased", "--no-out-link"));
        Files.writeString(work.resolve("syntax.nix"), "derivation {{\n  name = \"broken\";\n}\n");
        save("eval-syntax-error", nix("nix-instantiate", work.resolve("syntax.nix").toString()));
        Files.writeString(work.resolve("badhash.nix"), "import <nix/fetchurl.nix> {\n  url = \"file:///nonexistent\";\n  hash = \"sha256-tooshort\";\n}\n");
        save("eval-bad-hash", nix("nix-instantiate", work.resolve("badhash.nix").toString()));
        save("build-failure", nix("nix-build", file, "-A", "failing", "--no-out-link"));
        Proc.Result ok = nix("nix-build", file, "-A", "ok", "-o", work.resolve("result").toString());
        save("build-ok", ok);
        String okOut = ok.stdout().strip();
        save("roots", nix("nix-store", "-q", "--roots", okOut));
        Proc.Result dangling = nix("nix-build", file, "-A", "ok", "-o", work.resolve("dangling").toString());
        Files.delete(work.resolve("dangling"));
        Files.createSymbolicLink(work.resolve("dangling"), Path.of("/nix/store/00000000000000000000000000000000-gone"));
        Proc.Result printRoots = nix("nix-store", "--gc", "--print-roots");
        save("print-roots", keepLinesWith(printRoots, work.toString()));
        save("delete-refused", nix("nix-store", "--delete", okOut));
        save("delete-forced", nix("nix-store", "--delete", "--ignore-liveness", okOut));
        save("delete-gone", nix("nix-store", "--delete", okOut));
        Proc.Result random = nix("nix-build", file, "-A", "random", "-o", work.resolve("random").toString());
        Proc.Result check = nix("nix-build", file, "-A", "random", "--check", "-K", "--no-out-link");
        save("check-differs", check);
        save("check-differs-internal-json", nix("nix-build", "--log-format", "internal-json", file, "-A", "random", "--check", "-K", "--no-out-link"));
        save("check-not-built", nix("nix-build", file, "-A", "notBuilt", "--check", "--no-out-link"));
        save("store-info", v.atLeast(2, 20) ? nix("nix", "--extra-experimental-features", "nix-command", "store", "info", "--json")
                : nix("nix", "--extra-experimental-features", "nix-command", "store", "ping"));
        save("config-show", Proc.of(v.atLeast(2, 20) ? List.of("nix", "--extra-experimental-features", "nix-command", "config", "show")
                : List.of("nix", "--extra-experimental-features", "nix-command", "show-config")).timeout(T).run());
        Path hidden = Files.createDirectories(work.resolve("hidden"));
        Proc.of("chmod", "700", hidden.toString()).run();
        Files.writeString(hidden.resolve("src.txt"), "source\n");
        Files.writeString(work.resolve("unreadable.nix"), "import <nix/fetchurl.nix> { url = \"file://" + hidden.resolve("src.txt")
                + "\"; sha256 = \"0000000000000000000000000000000000000000000000000000\"; }\n");
        save("file-source-unreadable", nix("nix-build", work.resolve("unreadable.nix").toString(), "--no-out-link"));
        if (NixConfig.read(v).sandbox().equals("false")) {
            save("sandbox-without-sh", nix("nix-build", file, "-A", "notBuilt", "--no-out-link", "--option", "sandbox", "true"));
        }
        daemonCaptures(okOut.isEmpty() ? null : file);
        substitutionCaptures(file);

        // what the runs left: the .check copy, a kept build folder, the workspace's links
        String rnd = random.stdout().strip();
        Proc.of("rm", "-rf", rnd + ".check").run();
        for (String l : check.stderr().split("\n")) {
            int i = l.indexOf("keeping build directory '");
            if (i >= 0) Proc.of("rm", "-rf", l.substring(i + 25, l.indexOf('\'', i + 25))).run();
        }
        Proc.of("rm", "-rf", work.toString()).run();
        System.out.println("captured Nix " + v + " into " + out);
        return 0;
    }

    /**
     * A learner's store (a store of its own under work/, so nothing here is valid yet) substituting
     * from a room's cache served by the toolkit's nginx: as it should, with a key it does not trust,
     * from an altered NAR, from a port nobody listens on, and from a server that stops mid-transfer.
     */
    static void substitutionCaptures(String file) throws Exception {
        Files.writeString(work.resolve("big.nix"), "derivation { name = \"capture-big-" + Long.toHexString(System.nanoTime())
                + "\"; system = builtins.currentSystem; builder = \"/bin/sh\"; args = [ \"-c\" \"i=0; while [ $i -lt 20000 ]; do read -r x < /proc/sys/kernel/random/uuid; echo $x; i=$((i+1)); done > $out\" ]; }\n");
        String big = nix("nix-build", work.resolve("big.nix").toString(), "--no-out-link").stdout().strip();
        RoomCache good = new RoomCache(work.resolve("room"));
        Path tarball = Files.writeString(work.resolve("src.tar.gz"), "not really a tarball\n");
        RoomCache.Published p = good.publish(Nix.detect(), List.of(StorePath.parse(big)), tarball,
                new RoomInfo("00000000", "src.tar.gz", big, 0, "?", "?", NixHash.of(Files.readAllBytes(tarball)).base16()));
        Path other = Files.createDirectories(work.resolve("other-key"));
        Proc.of("nix-store", "--generate-binary-cache-key", "capture-other", other.resolve("secret").toString(), other.resolve("public").toString()).run();
        String otherKey = Files.readString(other.resolve("public")).strip();
        Path altered = work.resolve("altered");
        Proc.of("cp", "-r", good.cache().toString(), altered.toString()).run();
        try (var nars = Files.list(altered.resolve("nar"))) {
            Path nar = nars.findFirst().orElseThrow();
            byte[] b = Files.readAllBytes(nar);
            b[b.length / 2] ^= 0x55;
            Files.write(nar, b);
        }
        int port = freePort();
        try (WebServer ok = WebServer.start(good.cache(), "127.0.0.1", port, work.resolve("server"));
             WebServer bad = WebServer.start(altered, "127.0.0.1", port + 1, work.resolve("server-altered"))) {
            save("subst-ok", substitute(big, ok.localUrl(), p.key().toString()));
            save("subst-not-signed", substitute(big, ok.localUrl(), otherKey));
            save("subst-altered", substitute(big, bad.localUrl(), p.key().toString()));
        }
        save("subst-no-answer", substitute(big, "http://127.0.0.1:" + freePort(), p.key().toString()));
        try (WebServer slow = WebServer.start(good.cache(), "127.0.0.1", port + 2, work.resolve("server-slow"), 20)) {
            Thread stopper = new Thread(() -> {
                try {
                    Thread.sleep(2500);
                } catch (InterruptedException e) {
                    return;
                }
                slow.close();
            });
            stopper.start();
            save("subst-broke-off", substitute(big, slow.localUrl(), p.key().toString()));
            stopper.join();
        }
    }

    static Proc.Result substitute(String path, String url, String key) throws Exception {
        Path store = Files.createTempDirectory(work, "learner-store-");
        return Proc.of("nix-store", "--store", "local?root=" + store, "-r", path, "--option", "substituters", url, "--option", "trusted-public-keys", key,
                "--option", "connect-timeout", "5").timeout(T).run();
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Through a daemon (started here when none runs, as root), which refuses --ignore-liveness to every client. */
    static void daemonCaptures(String file) throws Exception {
        Path socket = Path.of("/nix/var/nix/daemon-socket/socket");
        Process started = null;
        boolean answers = Proc.of("nix", "--extra-experimental-features", "nix-command", "store", "ping").env("NIX_REMOTE", "daemon").timeout(T).run().ok();
        if (!answers) {
            Files.deleteIfExists(socket); // a daemon's leftover socket, with no daemon behind it
            started = Proc.of("nix-daemon").spawn();
            for (int i = 0; i < 50 && !Files.exists(socket); i++) Thread.sleep(100);
        }
        try {
            Proc.Result b = Proc.of(cmd("nix-build", file, "-A", "ok", "-o", work.resolve("via-daemon").toString())).env("NIX_REMOTE", "daemon").timeout(T).run();
            save("daemon-ignore-liveness", Proc.of(cmd("nix-store", "--delete", "--ignore-liveness", b.stdout().strip())).env("NIX_REMOTE", "daemon").timeout(T).run());
            // a user the daemon does not trust (the tests' learner, when it exists) asking for a binary cache of their own
            if (Proc.of("id", "nixpylab-learner").run().ok()) {
                save("subst-untrusted", Proc.of("runuser", "-u", "nixpylab-learner", "--", "env", "NIX_REMOTE=daemon", "nix-store", "-r", b.stdout().strip(),
                        "--option", "substituters", "http://127.0.0.1:" + freePort(), "--option", "extra-trusted-public-keys", "capture-room-1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
                        .in(Path.of("/")).timeout(T).run());
            }
        } finally {
            if (started != null) Proc.halt(started);
        }
    }

    static List<String> cmd(String... words) {
        List<String> c = new ArrayList<>(List.of(words));
        c.addAll(1, NO_CACHE);
        return c;
    }

    static Proc.Result nix(String... words) {
        return Proc.of(cmd(words)).in(work).timeout(T).run();
    }

    static Proc.Result keepLinesWith(Proc.Result r, String text) {
        String o = String.join("\n", r.stdout().lines().filter(l -> l.contains(text)).toList());
        String e = String.join("\n", r.stderr().lines().filter(l -> l.contains(text)).toList());
        return new Proc.Result(r.command(), r.exitCode(), o.isEmpty() ? "" : o + "\n", e.isEmpty() ? "" : e + "\n", List.of(), r.elapsed(), r.timedOut());
    }

    /** NAME.stdout and NAME.stderr when not empty, NAME.exit always; the capture folder's path becomes /var/tmp/nixpylab-capture. */
    static void save(String name, Proc.Result r) throws Exception {
        for (String[] f : new String[][] {{"stdout", r.stdout()}, {"stderr", r.stderr()}}) {
            Path p = out.resolve(name + "." + f[0]);
            if (f[1].isEmpty()) Files.deleteIfExists(p);
            else Files.writeString(p, f[1].replace(work.toString(), "/var/tmp/nixpylab-capture"));
        }
        Files.writeString(out.resolve(name + ".exit"), r.exitCode() + "\n");
    }
}
