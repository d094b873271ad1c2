package nixpylab;

import java.util.List;

/** Step 2: add the postPatch that writes Modules/Setup.local, and show that the .drv changed. */
public final class PostPatchStep {
    public record Outcome(String foundState, List<String> modules, String setupLocal, StorePath drvBefore, StorePath drvAfter) {}

    private PostPatchStep() {}

    public static Outcome run(Workspace ws, Nix nix, List<String> add, List<String> without) {
        Steps.require(ws, "hash", "FetchFakeHash");
        Steps.refuseHandEdits(ws);
        List<String> modules = SetupLocal.select(add, without);
        String found = ws.get("modules").map(m -> "a postPatch with " + m.replace(",", ", ") + "; rewriting it").orElse("a derivation without postPatch");
        StorePath before = nix.instantiate(ws.nixFile(), null);
        DerivationFile drv = Steps.derivation(ws).withModules(modules);
        ws.setList("modules", modules);
        ws.writeNixFile(drv.fileName(), drv.text());
        ws.save();
        StorePath after = nix.instantiate(ws.nixFile(), null);
        ws.set("step.postpatch", java.time.Instant.now().toString());
        ws.save();
        return new Outcome(found, modules, SetupLocal.text(modules, drv.pythonVersion()), before, after);
    }
}
