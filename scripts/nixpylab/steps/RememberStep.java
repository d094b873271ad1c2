package nixpylab.steps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import nixpylab.Proc;
import nixpylab.UserError;
import nixpylab.workspace.Workspace;
import nixpylab.nix.Nix;
import nixpylab.nix.NixErrors;
import nixpylab.nix.StorePath;

/**
 * A GC root with a name you can remember, instead of {@code result}: a link in the workspace,
 * registered with {@code nix-store -r OUT --add-root LINK --indirect}.
 */
public final class RememberStep {
    public record Outcome(Path link, StorePath out, List<String> command) {}

    private RememberStep() {}

    public static Outcome add(Workspace ws, Nix nix, String name) {
        Step.REMEMBER.requireDone(ws.state()::done, ws.dir());
        if (!name.matches("[A-Za-z0-9._+-]+") || name.startsWith("result")) {
            throw new UserError("'" + name + "' cannot be a root's name here.", "Use letters, digits, '.', '_', '+' and '-', and not a name starting with 'result'.");
        }
        StorePath out = ws.lastBuilt().orElseThrow();
        if (!nix.isValid(out)) throw new UserError(out + " is no longer in the store.", "Run ./jbang scripts/Build.java first.");
        Path link = ws.dir().resolve(name);
        List<String> cmd = nix.command("nix-store", "-r", out.path(), "--add-root", link.toString(), "--indirect");
        Proc.Result r = nix.run(cmd);
        if (!r.ok() || !Files.isSymbolicLink(link)) {
            throw new UserError("nix-store could not add the root " + link + ": " + NixErrors.firstError(r.stderr()).orElse("exit " + r.exitCode()), "Check that the workspace is writable.");
        }
        ws.state().madeLink(link);
        ws.state().done(Step.REMEMBER, Instant.now());
        ws.save();
        return new Outcome(link, out, cmd);
    }

    public static String defaultName(Workspace ws) {
        return "python-" + ws.state().source().map(s -> s.version()).orElse("3");
    }
}
