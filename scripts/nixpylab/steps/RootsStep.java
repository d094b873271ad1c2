package nixpylab.steps;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nixpylab.Proc;
import nixpylab.UserError;
import nixpylab.workspace.Workspace;
import nixpylab.nix.GcRoot;
import nixpylab.nix.Nix;
import nixpylab.nix.NixErrors;
import nixpylab.nix.StorePath;

/** Step 4: why is the built path alive? Its GC roots, and every root of the tutorial's paths. */
public final class RootsStep {
    public record Outcome(StorePath out, List<String> rootsCommand, List<GcRoot> roots, List<String> allRootsCommand, List<GcRoot> holdingThisWorkspace) {}

    private RootsStep() {}

    public static Outcome run(Workspace ws, Nix nix) {
        Step.ROOTS.requireDone(ws.state()::done, ws.dir());
        StorePath out = ws.lastBuilt().orElseThrow();
        if (!nix.isValid(out)) {
            throw new UserError(out + " is no longer in the store (it was deleted).", "Run ./jbang scripts/Build.java to build it again.");
        }
        List<String> q = nix.command("nix-store", "-q", "--roots", out.path());
        Proc.Result r = nix.run(q);
        if (!r.ok()) throw new UserError("nix-store could not list the roots of " + out + ": " + NixErrors.firstError(r.stderr()).orElse(""), "Check that Nix works: nix-store --version.");
        List<String> all = nix.command("nix-store", "--gc", "--print-roots");
        Proc.Result a = nix.run(all);
        // of every root on the machine, those that hold this workspace's builds (another workspace's
        // link to the same path shows up here); in one order whatever order Nix printed them in
        Set<StorePath> mine = new HashSet<>(ws.state().built());
        mine.add(out);
        Comparator<GcRoot> byLink = Comparator.comparing(GcRoot::link);
        List<GcRoot> holding = GcRoot.parseAll(a.stdout()).stream().filter(g -> mine.contains(g.target())).sorted(byLink).toList();
        ws.state().done(Step.ROOTS, Instant.now());
        ws.save();
        return new Outcome(out, q, GcRoot.parseAll(r.stdout()).stream().sorted(byLink).toList(), all, holding);
    }
}
