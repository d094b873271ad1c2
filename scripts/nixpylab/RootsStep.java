package nixpylab;

import java.util.List;

/** Step 4: why is the built path alive? Its GC roots, and every root of the tutorial's paths. */
public final class RootsStep {
    public record Outcome(StorePath out, List<String> rootsCommand, List<GcRoot> roots, List<String> allRootsCommand, List<GcRoot> tutorialRoots) {}

    private RootsStep() {}

    public static Outcome run(Workspace ws, Nix nix) {
        Steps.require(ws, "lastOut", "Build");
        StorePath out = Steps.lastBuilt(ws).orElseThrow();
        if (!nix.isValid(out)) {
            throw new UserError(out + " is no longer in the store (it was deleted).", "Run ./jbang scripts/Build.java to build it again.");
        }
        List<String> q = nix.command("nix-store", "-q", "--roots", out.path());
        Proc.Result r = nix.run(q);
        if (!r.ok()) throw new UserError("nix-store could not list the roots of " + out + ": " + Nix.firstError(r.stderr()).orElse(""), "Check that Nix works: nix-store --version.");
        List<String> all = nix.command("nix-store", "--gc", "--print-roots");
        Proc.Result a = nix.run(all);
        String prefix = "chrism-py";
        List<GcRoot> tutorial = GcRoot.parseAll(a.stdout()).stream().filter(g -> g.target().name().startsWith(prefix)).toList();
        ws.set("step.roots", java.time.Instant.now().toString());
        ws.save();
        return new Outcome(out, q, GcRoot.parseAll(r.stdout()), all, tutorial);
    }
}
