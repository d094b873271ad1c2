package nixpylab.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import nixpylab.AtomicFile;
import nixpylab.LockedFolder;
import nixpylab.UserError;
import nixpylab.currentnix.CurrentNixRoot;
import nixpylab.nix.NixHash;
import nixpylab.nix.StorePath;

/**
 * A learner's workspace (default ./lab): the generated .nix file, the result link, build logs, and
 * its {@link WorkspaceState}, of which it is the one owner. Holding a Workspace holds its folder's
 * lock: a second run on the same directory is refused, never interleaved.
 */
public final class Workspace implements AutoCloseable {
    private final LockedFolder folder;
    private final WorkspaceState state;

    private Workspace(LockedFolder folder) {
        this.folder = folder;
        this.state = WorkspaceStateForm.of(folder.read());
    }

    public static Workspace open(Path dir) {
        Workspace ws = new Workspace(LockedFolder.lock(dir, "step"));
        try {
            ws.claimForThisNix();
        } catch (RuntimeException e) {
            ws.close();
            throw e;
        }
        return ws;
    }

    /** The state of a workspace, read without its lock (for a look, as the site's recorder takes one). */
    public static WorkspaceState peek(Path dir) {
        return WorkspaceStateForm.of(LockedFolder.readState(dir));
    }

    /**
     * A workspace's builds live in one Nix store: the host's, or the current Nix's root (--nix
     * current) has its own. Using it with the other would read paths that are not there.
     */
    private void claimForThisNix() {
        String here = CurrentNixRoot.inside() ? "current" : "host";
        // a workspace from before this was recorded was made with the host's Nix
        String was = state.nixStore().orElse(state.isEmpty() ? null : "host");
        if (was == null) {
            state.nixStore(here);
        } else if (!was.equals(here)) {
            throw new UserError("The workspace " + dir() + " belongs to the " + (was.equals("host") ? "host's Nix" : "current Nix (--nix current)")
                    + ": its builds are in that Nix's store, not in this one's.",
                    "Give this run a workspace of its own, e.g. --workdir " + dir().getFileName() + "-" + here + ", or run it "
                            + (was.equals("host") ? "without" : "with") + " --nix current.");
        }
    }

    public Path dir() {
        return folder.dir();
    }

    public WorkspaceState state() {
        return state;
    }

    public Path resultLink() {
        return dir().resolve("result");
    }

    public Path logDir() {
        return dir().resolve("logs");
    }

    public Path nixFile() {
        return dir().resolve(state.nixFile().orElse("chrism-py.nix"));
    }

    public void save() {
        folder.write(WorkspaceStateForm.toProperties(state), "NixPy Lab workspace state; written by the step scripts");
    }

    /** Writes the derivation file atomically and remembers its digest to notice hand edits later. */
    public void writeNixFile(String fileName, String text) {
        AtomicFile.write(dir().resolve(fileName), text);
        state.nixFile(fileName, NixHash.of(text.getBytes(StandardCharsets.UTF_8)).base16());
    }

    /** True when the .nix file differs from what NixPy Lab last wrote. */
    public boolean nixFileEditedByHand() {
        Optional<String> want = state.nixFileSha256();
        if (want.isEmpty() || !Files.exists(nixFile())) return false;
        try {
            return !NixHash.of(Files.readAllBytes(nixFile())).base16().equals(want.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file as the learner left it becomes the one the toolkit knows (after Nix checked a by-hand step): later steps work from it. */
    public void adoptHandEdits() {
        try {
            state.nixFile(nixFile().getFileName().toString(), NixHash.of(Files.readAllBytes(nixFile())).base16());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void refuseHandEdits() {
        if (nixFileEditedByHand()) {
            throw new UserError(nixFile() + " was edited by hand since NixPy Lab last wrote it; this step would overwrite those edits.",
                    "Keep a copy of your edits, then rerun from the start with ./jbang scripts/FetchFakeHash.java.");
        }
    }

    /** The store path the workspace's result link points to, if it is still there (else the last one built). */
    public Optional<StorePath> lastBuilt() {
        Path link = resultLink();
        try {
            if (Files.isSymbolicLink(link)) return StorePath.find(Files.readSymbolicLink(link).toString());
        } catch (IOException e) {
            return Optional.empty();
        }
        return state.lastOut();
    }

    /** Records a path a build of this workspace made valid (ForceDelete's to delete), or one that was there before (never its). */
    public void recordBuild(StorePath out, boolean wasThereBefore) {
        if (!wasThereBefore || state.built().contains(out)) state.addBuilt(out);
        else state.addForeign(out);
    }

    @Override
    public void close() {
        folder.close();
    }
}
