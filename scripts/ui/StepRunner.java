package ui;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import nixpylab.BuildStep;
import nixpylab.FakeHashStep;
import nixpylab.ForceDeleteStep;
import nixpylab.GcRoot;
import nixpylab.ImportTest;
import nixpylab.Nix;
import nixpylab.PostPatchStep;
import nixpylab.Profile;
import nixpylab.RootsStep;
import nixpylab.SourceLocator;
import nixpylab.StorePath;
import nixpylab.Workspace;

/** Runs one tutorial step against the workspace and prints what happened, in the learner's terms. */
public final class StepRunner {
    private static Nix nix;

    private final LabOptions o;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private String said = "";

    public StepRunner(LabOptions options) {
        this.o = options;
    }

    /** What the last step did, in a few words (the tutorial's summary shows it). */
    public String said() {
        return said;
    }

    /** Detects Nix and the binary cache once per run. */
    static synchronized Nix nix() {
        if (nix == null) nix = Nix.detect();
        return nix;
    }

    private Workspace open() {
        Nix.requireInstalled();
        Workspace ws = Workspace.open(o.workdir);
        try {
            // auto on a workspace that has a profile keeps it; only a new workspace asks Nix
            Profile p = "auto".equals(o.profile) && ws.get("profile").isPresent()
                    ? Profile.of(ws) : Profile.resolve(o.profile, o.nixpkgs);
            p.checkWorkspace(ws);
            if (ws.get("profile").isEmpty()) ws.set("profile", p.id());
            if (o.nixpkgs != null) ws.set("nixpkgs", o.nixpkgs.toAbsolutePath().normalize().toString());
        } catch (RuntimeException e) {
            ws.close();
            throw e;
        }
        return ws;
    }

    /**
     * Nix for this workspace: with -I nixpkgs=… when the workspace was given --nixpkgs; in the bare
     * profile, with the host's toolchain and the source's folder opened in the sandbox.
     */
    private Nix nix(Workspace ws) {
        if (Profile.of(ws) == Profile.BARE) return nix().withHostPaths(sourceDirs(ws));
        return ws.get("nixpkgs").map(p -> nix().withNixpkgs(java.nio.file.Path.of(p))).orElse(nix());
    }

    /** Where the bare profile's file:// sources are: the shared tarball folder, and the folders of a URL given now or before. */
    private List<java.nio.file.Path> sourceDirs(Workspace ws) {
        List<java.nio.file.Path> dirs = new java.util.ArrayList<>(SourceLocator.cacheDirs());
        for (String url : new String[] {o.sourceUrl, ws.get("sourceUrl").orElse(null)}) {
            if (url != null && url.startsWith("file:")) dirs.add(java.nio.file.Path.of(java.net.URI.create(url)).getParent());
        }
        return dirs;
    }

    private void header(String step, Workspace ws) {
        err.println("== " + step + " (workspace " + Cli.path(ws.dir()) + ", profile " + ws.get("profile").orElse("?")
                + ws.get("nixpkgs").map(p -> ", nixpkgs " + p).orElse("") + ")");
        for (String note : nix(ws).notes()) Cli.runNote(err, note);
    }

    private static void cmd(PrintStream s, List<String> c) {
        s.println("$ " + Cli.shown(c));
    }

    public int fetch() {
        try (Workspace ws = open()) {
            header("FetchFakeHash", ws);
            FakeHashStep.Outcome r = FakeHashStep.run(ws, nix(ws), new SourceLocator(SourceLocator.defaultCacheDir(), Duration.ofSeconds(3)),
                    new FakeHashStep.Request(o.source, o.sourceUrl, o.pythonVersion, o.rev, o.predict, o.noFix));
            err.println("found: " + r.foundState());
            err.println("source: " + r.source().url() + " (CPython " + r.source().version() + ")");
            err.println("   why: " + r.source().reason());
            if (r.predicted() != null) {
                err.println("predicted: " + r.predicted().sri() + (r.source().origin() == nixpylab.PythonSource.Origin.GITHUB
                        ? " (the NAR hash of the unpacked tree, computed by NixPy Lab before asking Nix)"
                        : " (the sha256 of the tarball, computed by NixPy Lab before asking Nix)"));
            }
            err.println("wrote " + Cli.path(r.nixFile()) + " with the fake hash " + r.mismatch().specified().sri());
            cmd(err, r.failingCommand());
            for (String l : r.failingRun().stderr().split("\n")) if (!l.isBlank()) err.println("  " + l);
            err.println("  (exit code " + r.failingRun().exitCode() + ": the build failed, as it must with a fake hash)");
            err.println("Nix's 'got:' hash is " + r.mismatch().got().sri() + " (base32 " + r.mismatch().got().base32() + ")");
            if (r.sourcePath() == null) {
                err.println("--no-fix: leaving the fake hash in " + Cli.path(r.nixFile()) + "; run without --no-fix to write the real one back");
                said = "stopped at Nix's hash mismatch";
                return r.failingRun().exitCode();
            }
            if (r.predicted() != null) {
                err.println(r.predicted().equals(r.mismatch().got()) ? "the prediction matches Nix's got: line" : "the prediction differs from Nix's got: line (" + r.predicted().sri() + ")");
            }
            err.println("wrote it back into " + Cli.path(r.nixFile()));
            cmd(err, r.proveCommand());
            err.println("the hash holds: the source is in the store at");
            out.println(r.sourcePath());
            said = "wrote the real hash back";
            return 0;
        }
    }

    public int postPatch() {
        if (o.fromStart) requireOk(fetch());
        try (Workspace ws = open()) {
            header("PostPatch", ws);
            PostPatchStep.Outcome r = PostPatchStep.run(ws, nix(ws), o.modules, o.without);
            err.println("found: " + r.foundState());
            err.println("postPatch now writes Modules/Setup.local with " + r.modules().size() + " modules:");
            for (String l : r.setupLocal().split("\n")) err.println("  " + l);
            err.println("store derivation before: " + r.drvBefore());
            err.println("store derivation after:  " + r.drvAfter());
            err.println(r.drvBefore().equals(r.drvAfter()) ? "unchanged: the same .drv, so nothing new to build"
                    : "a new .drv: any change to the derivation's attributes gives a new store path, so nix-build will build again");
            out.println(r.drvAfter());
            said = r.drvBefore().equals(r.drvAfter()) ? "the same .drv" : "a new .drv";
            return 0;
        }
    }

    public int build() {
        if (o.fromStart) {
            requireOk(fetch());
            requireOk(postPatch());
        }
        try (Workspace ws = open()) {
            header("Build", ws);
            boolean tty = System.console() != null;
            long start = System.nanoTime();
            String[] last = {""};
            BuildStep.Outcome r = BuildStep.run(ws, nix(ws), Duration.ofMinutes(o.buildTimeoutMinutes), p -> {
                String what = p.derivation() + ": " + p.phase();
                if (what.equals(last[0])) return;
                last[0] = what;
                String line = String.format("[%s] %s", elapsed(System.nanoTime() - start), what);
                if (tty) err.print("\r\033[K" + line);
                else err.println(line);
            });
            if (tty) err.println();
            cmd(err, r.command());
            err.println("build log: " + Cli.path(r.log()));
            if (r instanceof BuildStep.Built b) {
                    err.println(b.alreadyInStore() ? "already in the store: nothing to build (" + ms(b.elapsed()) + ")" : "built in " + elapsed(b.elapsed().toNanos()));
                    err.println("store derivation: " + b.drv());
                    err.println("result -> " + b.out());
                    out.println(b.out());
                    said = b.alreadyInStore() ? "already in the store, nothing built" : "built in " + elapsed(b.elapsed().toNanos());
                    return 0;
            }
            BuildStep.Failed f = (BuildStep.Failed) r;
            {
                    err.println("the build failed (exit code " + f.exitCode() + "); the last lines of its log:");
                    for (String l : f.tail()) err.println("  " + l);
                    for (nixpylab.BuildError e : nixpylab.BuildError.parseAll(String.join("\n", f.tail()))) err.println("in short: " + e.sentence());
                    err.println("the whole log: " + Cli.path(f.log()) + ", or ask Nix: " + Cli.shown(f.logCommand()));
                    said = "the build failed";
                    return 1;
            }
        }
    }

    public int roots() {
        if (o.fromStart) requireOk(build());
        try (Workspace ws = open()) {
            header("Roots", ws);
            RootsStep.Outcome r = RootsStep.run(ws, nix(ws));
            cmd(err, r.rootsCommand());
            if (r.roots().isEmpty()) err.println("  (no roots: the path is dead and the next garbage collection removes it)");
            for (GcRoot g : r.roots()) {
                out.println(Cli.relative(g.link()) + " -> " + g.target());
                err.println("    " + g.explanation());
            }
            cmd(err, r.allRootsCommand());
            err.println("  of all roots, these keep the tutorial's builds (chrism-py…) alive:");
            for (GcRoot g : r.tutorialRoots()) err.println("  " + Cli.relative(g.link()) + " -> " + g.target());
            said = r.roots().size() + " root(s)";
            return 0;
        }
    }

    public int forceDelete(boolean dryRun) {
        if (o.fromStart) requireOk(build());
        try (Workspace ws = open()) {
            header("ForceDelete", ws);
            List<StorePath> c = ForceDeleteStep.candidates(ws, nix(ws));
            if (c.isEmpty()) {
                err.println("found: nothing to delete: no build of this workspace is in the store any more");
                for (String f : ws.list("foreign")) {
                    err.println("  not touching " + f + ": it was in the store before this workspace built it (another workspace or user made it)");
                }
                for (var l : ForceDeleteStep.run(ws, nix(ws), dryRun).removedLinks()) err.println("removed the dangling link " + Cli.path(l));
                said = "nothing of this workspace's to delete";
                return 0;
            }
            err.println("will delete " + c.size() + " store path(s) this workspace built (only paths named " + ForceDeleteStep.NAME_PREFIX + "…):");
            for (StorePath p : c) err.println("  " + p);
            if (dryRun) {
                err.println("--dry-run: nothing deleted");
                said = "would delete " + c.size();
                return 0;
            }
            ForceDeleteStep.Outcome r = ForceDeleteStep.run(ws, nix(ws), false);
            int kept = 0;
            for (ForceDeleteStep.Deletion d : r.deletions()) {
                if (d instanceof ForceDeleteStep.Deleted x) {
                    cmd(err, x.plainCommand());
                    if (x.refusal() != null) {
                        err.println("  " + x.refusal());
                        err.println("  refused: the path is alive (a GC root, here the result link, reaches it); forcing it:");
                    }
                    if (x.forced() instanceof ForceDeleteStep.IgnoringLiveness i) {
                        cmd(err, i.command());
                    } else if (x.forced() instanceof ForceDeleteStep.Unrooting u) {
                        cmd(err, u.refusedCommand());
                        err.println("  " + u.daemonSays());
                        err.println("  refused too: through the Nix daemon nobody may ignore liveness; the safe way instead is to remove the roots, which are this workspace's own:");
                        for (var l : u.removedRoots()) err.println("$ rm " + Cli.path(l));
                        cmd(err, u.command());
                    }
                    err.println("  " + x.freed());
                    out.println("deleted " + x.path());
                } else if (d instanceof ForceDeleteStep.Kept k) {
                        kept++;
                        cmd(err, k.command());
                        err.println("  still there: " + Cli.relative(k.reason()));
                }
            }
            for (var l : r.removedLinks()) err.println("removed the dangling link " + Cli.path(l));
            if (!r.removedLinks().isEmpty()) err.println("(its registration in /nix/var/nix/gcroots/auto now dangles too; Nix drops it at the next garbage collection)");
            said = "deleted " + (r.deletions().size() - kept) + (kept > 0 ? ", kept " + kept : "");
            return kept == 0 ? 0 : 1;
        }
    }

    public int test() {
        if (o.fromStart) requireOk(build());
        try (Workspace ws = open()) {
            header("TestPython", ws);
            ImportTest.Outcome r = ImportTest.run(ws, nix(ws), List.of());
            err.println("python: " + r.python());
            out.println(String.format("%-10s %-7s %s", "module", "import", "where / error"));
            for (ImportTest.Import i : r.imports()) {
                out.println(String.format("%-10s %-7s %s", i.importName(), i.ok() ? "ok" : "failed", i.ok() ? i.where() : i.errorLine()));
            }
            long ok = r.imports().stream().filter(ImportTest.Import::ok).count();
            err.println(ok + " of " + r.imports().size() + " imports ok (built-in: linked into python by Setup.local)");
            said = ok + " of " + r.imports().size() + " imports ok";
            return r.allOk() ? 0 : 1;
        }
    }

    public int repeat(int limit) {
        if (o.fromStart) requireOk(build());
        try (Workspace ws = open()) {
            header("Repeatable", ws);
            nixpylab.RepeatStep.Outcome r = nixpylab.RepeatStep.run(ws, nix(ws), Duration.ofMinutes(o.buildTimeoutMinutes), limit);
            cmd(err, r.command());
            err.println("built again in " + elapsed(r.elapsed().toNanos()) + " and compared with " + r.out());
            if (r instanceof nixpylab.RepeatStep.Repeatable) {
                out.println("repeatable: the second build is bit for bit the same");
                return 0;
            }
            nixpylab.RepeatStep.Differs d = (nixpylab.RepeatStep.Differs) r;
            err.println("  " + d.nixSays());
            out.println("not repeatable: " + d.diff().differences().size() + (d.diff().differences().size() >= limit ? "+" : "") + " differing paths (first " + limit + " shown)");
            for (nixpylab.TreeDiff.Difference x : d.diff().differences()) {
                out.println(String.format("  %-15s %s%s", x.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), x.path(), x.firstLine().isEmpty() ? "" : "\n      " + x.firstLine()));
            }
            err.println("(the second result " + d.checkCopy() + " and its build directory were removed after the comparison)");
            return 104;
        }
    }

    public int remember(String name) {
        if (o.fromStart) requireOk(build());
        try (Workspace ws = open()) {
            header("Remember", ws);
            nixpylab.NamedRoot.Outcome r = nixpylab.NamedRoot.add(ws, nix(ws), name == null ? nixpylab.NamedRoot.defaultName(ws) : name);
            cmd(err, r.command());
            out.println(Cli.path(r.link()) + " -> " + r.out());
            err.println("a named, indirect GC root: it keeps the build alive like result does, but the next nix-build will not overwrite it");
            return 0;
        }
    }

    public int inputs(boolean prove) {
        if (o.fromStart) requireOk(build());
        try (Workspace ws = open()) {
            header("Inputs", ws);
            nixpylab.InputAudit.Outcome r = nixpylab.InputAudit.run(ws, nix(ws), Duration.ofMinutes(o.buildTimeoutMinutes), prove);
            boolean bare = r.profile() == Profile.BARE;
            out.println((bare ? "declared (host -dev packages the bare profile installs): " : "declared buildInputs: ") + r.declared().size());
            out.println("  " + String.join(" ", r.declared()));
            out.println("referenced by the output in the store (nix-store -q --references): " + r.references().size());
            for (String x : r.references()) out.println("  " + x);
            if (r.references().isEmpty()) {
                out.println("  (none: " + (bare ? "the bare profile links the host's libraries in /usr, which Nix does not track" : "here every input stands for the host's /usr") + ")");
            }
            out.println("libraries the built python3 links (ldd): " + r.linked().size());
            for (String x : r.linked()) out.println("  " + x);
            out.println("proposed (what the Setup.local modules need): " + r.proposed().size() + " instead of " + r.declared().size());
            out.println("  " + String.join(" ", r.proposed()));
            if (r.proof() == null) {
                err.println(bare ? "the bare profile's inputs are the host's packages, not attributes of the file: the smaller list is what to install, and nothing to rebuild"
                        : "--no-prove: the smaller list was not built");
                return 0;
            }
            err.println("proving it: " + Cli.path(r.minimalFile()));
            cmd(err, r.proof().command());
            if (!(r.proof() instanceof BuildStep.Built b)) {
                err.println("the build with the smaller list failed; its log: " + r.proof().log());
                return 1;
            }
            out.println("built with " + r.proposed().size() + " inputs: " + b.out());
            long ok = r.proofImports().imports().stream().filter(ImportTest.Import::ok).count();
            for (ImportTest.Import i : r.proofImports().imports()) out.println(String.format("  %-10s %s", i.importName(), i.ok() ? "ok" : "failed: " + i.errorLine()));
            out.println(ok + " of " + r.proofImports().imports().size() + " imports ok with the smaller list");
            return r.proofImports().allOk() ? 0 : 1;
        }
    }

    public int configuration() {
        if (o.fromStart) requireOk(build());
        try (Workspace ws = open()) {
            header("Configuration", ws);
            nixpylab.ConfigurationStep.Outcome r = nixpylab.ConfigurationStep.run(ws, nix(ws));
            nixpylab.StoreAccess a = r.access();
            out.println("running as: " + a.user() + (a.root() ? " (root)" : " (not root)"));
            out.println("Nix " + r.version() + ": " + (a.daemon() ? "builds go through the Nix daemon (store " + a.url() + "), which "
                    + (a.trusted() ? "trusts " : "does not trust ") + a.user() : "no daemon: the store is used directly (store " + a.url() + "), so only its owner can build"));
            out.println("builders run as: members of '" + r.buildUsersGroup() + "' (never as the caller, root included); sandbox = " + r.sandbox());
            if (!a.daemon()) {
                err.println("with a daemon (a multi-user install) the same steps run as an ordinary user, except --ignore-liveness,"
                        + " which the daemon refuses to untrusted users (\"you are not allowed to ignore liveness\")");
            }
            out.println("wrote " + Cli.path(r.shellNix()) + " and " + Cli.path(r.nixosSnippet()));
            if (r.shellRun() != null) {
                cmd(err, r.shellCommand());
                for (String l : r.shellRun().stdout().strip().split("\n")) out.println("  " + l);
                if (!r.shellRun().ok()) {
                    err.println("nix-shell failed: " + nixpylab.Nix.firstError(r.shellRun().stderr()).orElse("exit " + r.shellRun().exitCode()));
                    return 1;
                }
            }
            return 0;
        }
    }

    private static void requireOk(int code) {
        if (code != 0) throw new nixpylab.UserError("An earlier step failed (exit code " + code + "); see its output above.", "Fix what it reports, then run again.");
    }

    static String elapsed(long nanos) {
        long s = nanos / 1_000_000_000L;
        return String.format("%d:%02d", s / 60, s % 60);
    }

    static String ms(Duration d) {
        return d.toMillis() + " ms";
    }
}
