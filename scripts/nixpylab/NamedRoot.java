package nixpylab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A GC root with a name you can remember, instead of {@code result}: a link in the workspace,
 * registered with {@code nix-store -r OUT --add-root LINK --indirect}.
 */
public final class NamedRoot {
    public record Outcome(Path link, StorePath out, List<String> command) {}

    private NamedRoot() {}

    public static Outcome add(Workspace ws, Nix nix, String name) {
        Steps.require(ws, "lastOut", "Build");
        if (!name.matches("[A-Za-z0-9._+-]+") || name.startsWith("result")) {
            throw new UserError("'" + name + "' cannot be a root's name here.", "Use letters, digits, '.', '_', '+' and '-', and not a name starting with 'result'.");
        }
        StorePath out = Steps.lastBuilt(ws).orElseThrow();
        if (!nix.isValid(out)) throw new UserError(out + " is no longer in the store.", "Run ./jbang scripts/Build.java first.");
        Path link = ws.dir().resolve(name);
        List<String> cmd = nix.command("nix-store", "-r", out.path(), "--add-root", link.toString(), "--indirect");
        Proc.Result r = nix.run(cmd);
        if (!r.ok() || !Files.isSymbolicLink(link)) {
            throw new UserError("nix-store could not add the root " + link + ": " + Nix.firstError(r.stderr()).orElse("exit " + r.exitCode()), "Check that the workspace is writable.");
        }
        ws.addToList("namedRoots", name);
        ws.save();
        return new Outcome(link, out, cmd);
    }

    public static String defaultName(Workspace ws) {
        return "python-" + ws.get("pythonVersion").orElse("3");
    }
}
