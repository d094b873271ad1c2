package nixpylab.steps;

import java.time.Instant;
import java.util.List;
import nixpylab.Workspace;
import nixpylab.WorkspaceState;
import nixpylab.derivation.DerivationFile;
import nixpylab.derivation.SetupLocal;
import nixpylab.nix.Nix;
import nixpylab.nix.StorePath;

/** Step 2: add the postPatch that writes Modules/Setup.local, and show that the .drv changed. */
public final class PostPatchStep {
    public record Outcome(String foundState, List<String> modules, String setupLocal, StorePath drvBefore, StorePath drvAfter) {}

    private PostPatchStep() {}

    public static Outcome run(Workspace ws, Nix nix, List<String> add, List<String> without) {
        WorkspaceState st = ws.state();
        Step.POST_PATCH.requireDone(st, ws.dir());
        ws.refuseHandEdits();
        List<String> modules = SetupLocal.select(add, without);
        String found = st.modules().map(m -> "a postPatch with " + String.join(", ", m) + "; rewriting it").orElse("a derivation without postPatch");
        StorePath before = nix.instantiate(ws.nixFile(), null);
        DerivationFile drv = DerivationFile.of(st).withModules(modules);
        st.modules(modules);
        ws.writeNixFile(drv.fileName(), drv.text());
        ws.save();
        StorePath after = nix.instantiate(ws.nixFile(), null);
        st.done(Step.POST_PATCH, Instant.now());
        ws.save();
        return new Outcome(found, modules, SetupLocal.text(modules, drv.pythonVersion()), before, after);
    }
}
