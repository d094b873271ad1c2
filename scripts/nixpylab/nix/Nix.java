package nixpylab.nix;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nixpylab.Proc;
import nixpylab.SearchPath;
import nixpylab.UserError;

/**
 * The Nix commands the tutorial runs, for the Nix installed here: its version, its settings, how this
 * user reaches its store. When none of the configured binary caches answers, every command gets
 * {@code --option substituters ''}: offline, Nix would otherwise stall ~4.5 s per build retrying
 * the cache. Builds that use the host's toolchain get the sandbox opening of {@link HostPaths}.
 */
public final class Nix {
    private final NixVersion version;
    private final NixConfig config;
    private final StoreAccess access;
    private final List<String> cacheOptions;
    private final List<String> evalOptions;
    private final HostPaths.Decision sandbox;
    private final List<String> notes;

    private Nix(NixVersion version, NixConfig config, StoreAccess access, List<String> cacheOptions, List<String> evalOptions, HostPaths.Decision sandbox, List<String> notes) {
        this.version = version;
        this.config = config;
        this.access = access;
        this.cacheOptions = cacheOptions;
        this.evalOptions = evalOptions;
        this.sandbox = sandbox;
        this.notes = notes;
    }

    /** Checks that Nix is installed and reachable, reads its settings and probes the binary caches once. */
    public static Nix detect() {
        requireInstalled();
        NixVersion version = NixVersion.installed();
        // the store's answer and the settings do not depend on each other: ask both at once
        CompletableFuture<Proc.Result> store = CompletableFuture.supplyAsync(() -> StoreAccess.query(version));
        NixConfig config = NixConfig.read(version);
        StoreAccess access = StoreAccess.from(store.join(), config);
        List<String> notes = new ArrayList<>();
        if (access.daemon() || !access.root()) notes.add("Nix " + version + ", " + access.describe());
        List<String> caches = config.substituters();
        for (String c : caches) {
            if (answers(c)) {
                notes.add("binary cache " + c + " answers; Nix may download from it");
                return new Nix(version, config, access, List.of(), List.of(), null, notes);
            }
        }
        notes.add(caches.isEmpty() ? "no binary cache configured" : "binary cache " + String.join(" ", caches) + " does not answer; passing --option substituters '' so Nix does not stall retrying it");
        return new Nix(version, config, access, List.of("--option", "substituters", ""), List.of(), null, notes);
    }

    public static void requireInstalled() {
        for (String p : List.of("nix-build", "nix-store", "nix-instantiate")) {
            if (!SearchPath.onPath(p)) {
                throw new UserError("Nix is not installed here: '" + p + "' is not on PATH.",
                        "On Debian/Ubuntu run 'apt-get install -y nix-bin' as root (or run ./jbang scripts/Tutorial.java, which offers to), then try again.");
            }
        }
    }

    private static boolean answers(String url) {
        return BinaryCacheProbe.standard().answers(url);
    }

    /** The same Nix with {@code -I nixpkgs=PATH} on every evaluating command. */
    public Nix withNixpkgs(Path nixpkgs) {
        return new Nix(version, config, access, cacheOptions, List.of("-I", "nixpkgs=" + nixpkgs.toAbsolutePath().normalize()), sandbox, notes);
    }

    /**
     * The same Nix for builds that use the host's toolchain (the bare profile, the workshop): in a
     * sandbox, they get the host's /usr and the source folders opened, or, where this user may not
     * open them, every build command stops with the reason before Nix starts.
     */
    public Nix withHostPaths(List<Path> sourceDirs) {
        HostPaths.Decision d = HostPaths.decide(config, access, sourceDirs);
        List<String> n = new ArrayList<>(notes);
        if (!(d instanceof HostPaths.Refused)) n.add(d.note());
        return new Nix(version, config, access, cacheOptions, evalOptions, d, n);
    }

    /**
     * The same Nix with a workshop room's binary cache: Nix copies what it holds, checked against the
     * room's public key, instead of building it, and builds when the copy fails (fallback). With
     * require, it does not fall back: see {@link #withoutLocalBuilds()} for the build that must not happen here.
     */
    public Nix withSubstituter(String url, String publicKey, boolean require) {
        boolean offline = cacheOptions.equals(List.of("--option", "substituters", ""));
        List<String> opts = new ArrayList<>(offline ? List.of("--option", "substituters", url) : cacheOptions);
        if (!offline) opts.addAll(List.of("--option", "extra-substituters", url));
        opts.addAll(List.of("--option", "extra-trusted-public-keys", publicKey, "--option", "connect-timeout", "5", "--option", "fallback", require ? "false" : "true"));
        List<String> n = new ArrayList<>();
        for (String note : notes) n.add(offline && note.startsWith("binary cache ") ? note.replaceFirst("; passing --option substituters ''.*", "; only the workshop room's cache is asked") : note);
        String keyName = publicKey.substring(0, Math.max(0, publicKey.indexOf(':')));
        n.add("workshop room " + url + ": Nix copies what its cache holds (signed by " + keyName + ") instead of building it"
                + (require ? "; the tutorial's CPython is never built here (--max-jobs 0)" : ", and builds what it cannot copy"));
        if (access.daemon() && !access.trusted() && !config.list("trusted-substituters").contains(url)) {
            n.add("the Nix daemon does not trust " + access.user() + " to add a binary cache, so it will ignore the room's unless an administrator adds to /etc/nix/nix.conf: "
                    + "'extra-trusted-substituters = " + url + "' and 'extra-trusted-public-keys = " + publicKey + "', then restarts nix-daemon");
        }
        return new Nix(version, config, access, List.copyOf(opts), evalOptions, sandbox, n);
    }

    /** The same Nix, allowed no local build (--max-jobs 0): what it cannot copy from a binary cache, it stops on. */
    public Nix withoutLocalBuilds() {
        List<String> opts = new ArrayList<>(cacheOptions);
        opts.addAll(List.of("--max-jobs", "0"));
        return new Nix(version, config, access, List.copyOf(opts), evalOptions, sandbox, notes);
    }

    /** The options a build by hand needs to see what the toolkit's builds see (the sandbox opening); empty without one. */
    public List<String> hostPathOptions() {
        return sandbox == null ? List.of() : sandbox.options();
    }

    /** Lines about how Nix runs here (binary cache, sandbox), said once at the top of a step. */
    public List<String> notes() {
        return notes;
    }

    public NixVersion version() {
        return version;
    }

    public NixConfig config() {
        return config;
    }

    public StoreAccess access() {
        return access;
    }

    /** The command line a learner would type for the same work (shown next to each result). */
    public List<String> command(String... args) {
        String tool = args[0];
        boolean evaluates = tool.equals("nix-build") || tool.equals("nix-instantiate") || tool.equals("nix-shell");
        boolean builds = tool.equals("nix-build") || tool.equals("nix-shell") || (tool.equals("nix-store") && List.of(args).contains("-r"));
        List<String> cmd = new ArrayList<>(List.of(tool));
        cmd.addAll(machineOptions(evaluates, builds, evaluates || tool.equals("nix-store") || tool.equals("nix-prefetch-url")));
        cmd.addAll(List.of(args).subList(1, args.length));
        return cmd;
    }

    /**
     * The nix command a learner would type for the same work: experimental in the Nix versions the
     * toolkit knows, so enabled for this command only; this machine's options after its subcommand
     * (one word, or two for store and derivation), as {@link #command} puts them for the classic ones.
     */
    public List<String> nixCommand(String... args) {
        List<String> cmd = new ArrayList<>(List.of("nix", "--extra-experimental-features", "nix-command"));
        List<String> rest = List.of(args);
        int words = List.of("store", "derivation", "config").contains(rest.get(0)) ? 2 : 1;
        cmd.addAll(rest.subList(0, words));
        cmd.addAll(machineOptions(rest.contains("-f") || rest.contains("--file"), words == 1 && rest.get(0).equals("build"), true));
        cmd.addAll(rest.subList(words, rest.size()));
        return cmd;
    }

    /** This machine's options for a command, in the order both kinds put them: the binary cache, the sandbox's host paths, the evaluation's. */
    private List<String> machineOptions(boolean evaluates, boolean builds, boolean cache) {
        if (builds && sandbox instanceof HostPaths.Refused r) throw r.error();
        List<String> out = new ArrayList<>();
        if (cache) out.addAll(cacheOptions);
        if (builds && sandbox != null) out.addAll(sandbox.options());
        if (evaluates) out.addAll(evalOptions);
        return out;
    }

    public Proc.Result run(Duration timeout, Consumer<Proc.Line> listener, List<String> cmd) {
        return Proc.of(cmd).timeout(timeout).onLine(listener).run();
    }

    public Proc.Result run(List<String> cmd) {
        return Proc.of(cmd).timeout(Duration.ofMinutes(2)).run();
    }

    public static String installedVersion() {
        return NixVersion.installed().text();
    }

    /** The .drv a file instantiates to; a broken file becomes a UserError quoting Nix. */
    public StorePath instantiate(Path nixFile, String attr) {
        List<String> cmd = attr == null ? command("nix-instantiate", nixFile.toString()) : command("nix-instantiate", nixFile.toString(), "-A", attr);
        Proc.Result r = run(cmd);
        if (!r.ok()) throw NixErrors.evaluationError(nixFile, r);
        return StorePath.parse(r.stdout().strip().split("\n")[0]);
    }

    /** The output path of a .drv: as the file says it (no Nix started), or as nix-store says when the file does not. */
    public StorePath outputOf(StorePath drv) {
        Optional<StorePath> written = StoreDerivation.outputPath(drv);
        if (written.isPresent()) return written.get();
        Proc.Result r = run(command("nix-store", "-q", "--outputs", drv.path()));
        return StorePath.parse(r.stdout().strip().split("\n")[0]);
    }

    /** What keeps a path alive, as nix-store -q --roots says; a query that fails is said, never taken for "nothing". */
    public List<GcRoot> roots(StorePath p) {
        List<String> cmd = command("nix-store", "-q", "--roots", p.path());
        Proc.Result r = run(cmd);
        if (!r.ok()) {
            throw new UserError("Nix could not say what keeps " + p + " alive: " + NixErrors.firstError(r.stderr()).orElse("exit " + r.exitCode()) + ".",
                    "Run it yourself to see why: " + String.join(" ", cmd));
        }
        return GcRoot.parseAll(r.stdout());
    }

    public boolean isValid(StorePath p) {
        return run(command("nix-store", "--check-validity", p.path())).ok();
    }
}
