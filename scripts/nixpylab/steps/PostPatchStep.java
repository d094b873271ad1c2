package nixpylab.steps;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nixpylab.LineDiff;
import nixpylab.Proc;
import nixpylab.ShellWords;
import nixpylab.UserError;
import nixpylab.workspace.Workspace;
import nixpylab.workspace.WorkspaceState;
import nixpylab.derivation.DerivationFile;
import nixpylab.derivation.SetupLocal;
import nixpylab.nix.Nix;
import nixpylab.nix.NixErrors;
import nixpylab.nix.StoreDerivation;
import nixpylab.nix.StorePath;

/** Step 2: add the postPatch that writes Modules/Setup.local, and show that the .drv changed. */
public final class PostPatchStep {
    /** binding: the postPatch as the new store derivation holds it, read back with bindingCommand (nix-store -q --binding). */
    public record Outcome(String foundState, List<String> modules, StorePath drvBefore, StorePath drvAfter, List<String> bindingCommand, String binding) {}

    private PostPatchStep() {}

    public static Outcome run(Workspace ws, Nix nix, List<String> add, List<String> without) {
        WorkspaceState st = ws.state();
        Step.POST_PATCH.requireDone(st::done, ws.dir());
        ws.refuseHandEdits();
        List<String> modules = SetupLocal.select(add, without);
        String found = st.modules().map(m -> "a postPatch with " + String.join(", ", m) + "; rewriting it").orElse("a derivation without postPatch");
        StorePath before = nix.instantiate(ws.nixFile(), null);
        DerivationFile drv = st.derivationFile().withModules(modules);
        st.modules(modules);
        ws.writeNixFile(drv.fileName(), drv.text());
        ws.save();
        StorePath after = nix.instantiate(ws.nixFile(), null);
        st.done(Step.POST_PATCH, Instant.now());
        ws.save();
        List<String> show = nix.command("nix-store", "-q", "--binding", "postPatch", after.path());
        Proc.Result b = nix.run(show);
        return new Outcome(found, modules, before, after, show, b.ok() ? b.stdout().strip() : NixErrors.firstError(b.stderr()).orElse("exit " + b.exitCode()));
    }

    /** By hand: the postPatch lines to write into the file (the toolkit's own text for them) and the command that shows the new .drv. */
    public static ByHand.Task handTask(Workspace ws, Nix nix, List<String> add, List<String> without) {
        WorkspaceState st = ws.state();
        Step.POST_PATCH.requireDone(st::done, ws.dir());
        DerivationFile plain = st.derivationFile().withModules(null);
        List<String> write = LineDiff.unified(plain.text(), plain.withModules(SetupLocal.select(add, without)).text(), 0).stream()
                .filter(l -> l.startsWith("+")).map(l -> l.substring(1)).toList();
        return new ByHand.Task("give the derivation a postPatch that writes Modules/Setup.local", ws.nixFile().toString(), write,
                List.of(ShellWords.shown(nix.command("nix-instantiate", ws.nixFile().getFileName().toString()))));
    }

    /** Reads what the learner wrote from Nix's store derivation of the file: a postPatch that writes Modules/Setup.local with every module asked for. */
    public static ByHand.Verdict checkHand(Workspace ws, Nix nix, List<String> add, List<String> without) {
        WorkspaceState st = ws.state();
        List<String> modules = SetupLocal.select(add, without);
        StorePath drv;
        try {
            drv = nix.instantiate(ws.nixFile(), null);
        } catch (UserError e) {
            return new ByHand.NotYet(e.getMessage(), "Fix the file where Nix points; nothing else was changed.");
        }
        Optional<String> postPatch = StoreDerivation.env(drv, "postPatch");
        if (postPatch.isEmpty()) {
            return new ByHand.NotYet("Nix's derivation " + drv + " has no postPatch: the file does not set one yet.",
                    "Write the lines shown into " + ws.nixFile().getFileName() + ", among the derivation's attributes.");
        }
        if (!postPatch.get().contains("Modules/Setup.local")) {
            return new ByHand.NotYet("The derivation's postPatch does not write Modules/Setup.local.", "Write it as shown: cat > Modules/Setup.local <<'EOF' … EOF.");
        }
        List<String> lines = postPatch.get().lines().map(String::strip).toList();
        List<String> missing = modules.stream().filter(m -> lines.stream().noneMatch(l -> l.startsWith(m + " "))).toList();
        if (!missing.isEmpty()) {
            return new ByHand.NotYet("The derivation's postPatch writes Modules/Setup.local without a line for " + String.join(", ", missing) + ".",
                    "Add the line of each, as shown.");
        }
        st.modules(modules);
        ws.adoptHandEdits();
        st.done(Step.POST_PATCH, Instant.now());
        ws.save();
        return new ByHand.Done("Nix's derivation " + drv + " has your postPatch, which writes Modules/Setup.local with all " + modules.size() + " modules.");
    }
}
