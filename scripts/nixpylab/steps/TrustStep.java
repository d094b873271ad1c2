package nixpylab.steps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nixpylab.AtomicFile;
import nixpylab.Proc;
import nixpylab.UserError;
import nixpylab.workspace.Workspace;
import nixpylab.nix.Nix;
import nixpylab.nix.NixAnswer;
import nixpylab.nix.StoreAccess;
import nixpylab.nix.StorePath;

/**
 * Who needs root, asked of Nix by whoever runs the step: who the store is reached as (directly,
 * or through the daemon, trusted or not), what trusted-users says, a file added to the store (whose
 * owner is the store's, not the caller's), kept by a root of the workspace's, a restricted setting
 * passed on the command line, and the path deleted: plainly (refused, it is alive), ignoring
 * liveness (done where nix-store opens the store itself, refused through the daemon), then the safe
 * way, the root removed first. It touches only the one path it added itself.
 */
public final class TrustStep {
    public static final String NOTE = "trust-note.txt";
    public static final String LINK = "trust-kept";
    /** The restricted setting the step passes: the one the bare profile's sandboxed builds need. */
    public static final String RESTRICTED = "extra-sandbox-paths";

    public record Outcome(StoreAccess access, String trustedUsers, NixAnswer add, StorePath note, String owner, NixAnswer keep, NixAnswer restricted,
                          NixAnswer plainDelete, NixAnswer ignoringLiveness, Optional<NixAnswer> unrootedDelete, boolean linkRemoved, boolean gone) {}

    private TrustStep() {}

    public static Outcome run(Workspace ws, Nix nix) {
        Step.TRUST.requireDone(ws.state()::done, ws.dir());
        StoreAccess access = nix.access();
        AtomicFile.write(ws.dir().resolve(NOTE), "Added to the Nix store by NixPy Lab's Trust step, run as " + access.user() + ".\n");
        NixAnswer add = ask(ws, nix.command("nix-store", "--add", NOTE));
        if (!add.ok() || add.lastStorePath().isEmpty()) {
            throw new UserError("Nix did not add " + NOTE + " to the store: " + add.lines().stream().map(Proc.Line::text).reduce("", (a, b) -> a + " " + b).strip(), "Run the command yourself in " + ws.dir() + " to see the whole message.");
        }
        StorePath note = new StorePath(add.lastStorePath().get());
        String owner;
        try {
            owner = Files.getOwner(Path.of(note.path())).getName();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path link = ws.dir().resolve(LINK);
        NixAnswer keep = ask(ws, nix.command("nix-store", "--realise", note.path(), "--add-root", LINK, "--indirect"));
        NixAnswer restricted = ask(ws, nix.command("nix-store", "--option", RESTRICTED, "/usr", "--query", "--roots", note.path()));
        NixAnswer plain = ask(ws, nix.command("nix-store", "--delete", note.path()));
        NixAnswer forced = ask(ws, nix.command("nix-store", "--delete", "--ignore-liveness", note.path()));
        Optional<NixAnswer> unrooted = Optional.empty();
        boolean removed = false;
        try {
            removed = Files.deleteIfExists(link);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (nix.isValid(note)) unrooted = Optional.of(ask(ws, nix.command("nix-store", "--delete", note.path())));
        ws.state().done(Step.TRUST, Instant.now());
        ws.save();
        return new Outcome(access, nix.config().get("trusted-users"), add, note, owner, keep, restricted, plain, forced, unrooted, removed, !nix.isValid(note));
    }

    private static NixAnswer ask(Workspace ws, List<String> cmd) {
        return NixAnswer.ask(ws.dir(), cmd);
    }
}
