package nixpylab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What the steps share: the order they run in, and reading the workspace's derivation back. */
public final class Steps {
    private Steps() {}

    /** Refuses to run a step before the one it needs, naming the script to run first. */
    public static void require(Workspace ws, String key, String script) {
        if (ws.get(key).isEmpty()) {
            throw new UserError("This step needs the " + script + " step first; the workspace " + ws.dir() + " has not been through it.",
                    "Run ./jbang scripts/" + script + ".java (or add --from-start to this step to run everything before it).");
        }
    }

    public static void refuseHandEdits(Workspace ws) {
        if (ws.nixFileEditedByHand()) {
            throw new UserError(ws.nixFile() + " was edited by hand since NixPy Lab last wrote it; this step would overwrite those edits.",
                    "Keep a copy of your edits, then rerun from the start with ./jbang scripts/FetchFakeHash.java.");
        }
    }

    public static DerivationFile derivation(Workspace ws) {
        List<String> modules = ws.get("modules").isPresent() ? ws.list("modules") : null;
        if (Profile.of(ws) == Profile.NIXPKGS) {
            return new NixpkgsDerivation(ws.get("name").orElseThrow(), ws.identity(), ws.get("pythonVersion").orElseThrow(), ws.get("rev").orElseThrow(),
                    NixHash.parse(ws.get("hash").orElseThrow()), modules, NixpkgsDerivation.BUILD_INPUTS);
        }
        return new BareDerivation(ws.get("name").orElseThrow(), ws.identity(), ws.get("pythonVersion").orElseThrow(), ws.get("sourceUrl").orElseThrow(),
                NixHash.parse(ws.get("hash").orElseThrow()), ws.get("modules").isPresent() ? ws.list("modules") : null);
    }

    /** The store path the workspace's result link points to, if it is still there. */
    public static Optional<StorePath> lastBuilt(Workspace ws) {
        Path link = ws.resultLink();
        try {
            if (Files.isSymbolicLink(link)) return StorePath.find(Files.readSymbolicLink(link).toString());
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        return ws.get("lastOut").map(StorePath::new);
    }
}
