package nixpylab.steps;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nixpylab.Proc;
import nixpylab.ShellWords;
import nixpylab.UserError;
import nixpylab.workspace.Workspace;
import nixpylab.nix.GcRoot;
import nixpylab.nix.Nix;
import nixpylab.nix.NixErrors;
import nixpylab.nix.StoreLinks;
import nixpylab.nix.StorePath;

/**
 * Step 5: delete the tutorial's builds although they are alive. Only store paths this workspace
 * built and whose names are the tutorial's derivations are touched; the plain delete is tried
 * first (and refused while a root holds the path), then {@code --ignore-liveness}; the links the
 * steps made that are left dangling are removed, and no other link.
 */
public final class ForceDeleteStep {
    public static final String NAME_PREFIX = "chrism-py";
    /** The names of what this step may delete: the tutorial's derivations, and the Closure step's program that runs on them. */
    public static final String NAMES = NAME_PREFIX + "… and " + ClosureStep.NAME;

    public sealed interface Deletion permits Deleted, Kept {
        StorePath path();
    }

    /** refusal is Nix's answer to the plain delete, forced how the path went after it (both null when the plain delete went through). */
    public record Deleted(StorePath path, List<String> plainCommand, String refusal, Forced forced, String freed) implements Deletion {}

    /** How a live path was deleted once the plain delete was refused. */
    public sealed interface Forced permits IgnoringLiveness, Unrooting {}

    /** {@code nix-store --delete --ignore-liveness}: roots ignored (as the video does; possible without a daemon). */
    public record IgnoringLiveness(List<String> command) implements Forced {}

    /**
     * Through a daemon, which refuses --ignore-liveness to every client: this workspace's own links
     * to the path are removed, so that no root holds it any more, and the plain delete runs again.
     */
    public record Unrooting(List<String> refusedCommand, String daemonSays, List<Path> removedRoots, List<String> command) implements Forced {}

    public record Kept(StorePath path, List<String> command, String reason) implements Deletion {}

    public record Outcome(List<StorePath> candidates, boolean dryRun, List<Deletion> deletions, List<Path> removedLinks) {}

    private ForceDeleteStep() {}

    /**
     * The paths this step may delete: built by this workspace, named like the tutorial's derivations
     * or the Closure step's program, still in the store. The program comes first: it refers to the
     * python it runs on, which no delete removes while a path that refers to it is in the store.
     */
    public static List<StorePath> candidates(Workspace ws, Nix nix) {
        List<StorePath> out = new ArrayList<>();
        for (StorePath sp : ws.state().built()) {
            boolean ours = sp.name().startsWith(NAME_PREFIX) || sp.name().equals(ClosureStep.NAME);
            if (ours && !sp.isDerivation() && nix.isValid(sp)) out.add(sp);
        }
        out.sort(Comparator.comparing((StorePath sp) -> !sp.name().equals(ClosureStep.NAME)));
        return out;
    }

    /**
     * Deletes the candidates (from {@link #candidates}, which the learner was shown first), each
     * with the plain delete and then, while alive, by force; removes the links left dangling. With
     * dryRun, nothing.
     */
    public static Outcome run(Workspace ws, Nix nix, List<StorePath> candidates, boolean dryRun) {
        Step.FORCE_DELETE.requireDone(ws.state()::done, ws.dir());
        List<Deletion> done = new ArrayList<>();
        if (dryRun) return new Outcome(candidates, true, done, List.of());
        for (StorePath p : candidates) {
            List<String> elsewhere = rootsOutside(ws, nix, p);
            if (!elsewhere.isEmpty()) {
                done.add(new Kept(p, nix.command("nix-store", "-q", "--roots", p.path()),
                        "also kept alive by a root outside this workspace (" + String.join(", ", elsewhere) + "); not deleting what someone else still uses"));
                continue;
            }
            List<String> plain = nix.command("nix-store", "--delete", p.path());
            Proc.Result r = nix.run(plain);
            if (!nix.isValid(p)) {
                done.add(new Deleted(p, plain, null, null, r.stdout().strip()));
                continue;
            }
            String refusal = NixErrors.firstError(r.stderr()).orElse("exit " + r.exitCode());
            List<String> force = nix.command("nix-store", "--delete", "--ignore-liveness", p.path());
            Proc.Result f = nix.run(force);
            if (!nix.isValid(p)) {
                done.add(new Deleted(p, plain, refusal, new IgnoringLiveness(force), f.stdout().strip()));
                continue;
            }
            String forceSays = NixErrors.firstError(f.stderr()).orElse("exit " + f.exitCode());
            if (!forceSays.contains("not allowed to ignore liveness")) {
                done.add(new Kept(p, force, forceSays));
                continue;
            }
            List<Path> unrooted = StoreLinks.removeLinksTo(ws.dir(), ws.state().links(), p);
            unrooted.forEach(ws.state()::forgetLink);
            Proc.Result again = nix.run(plain);
            if (nix.isValid(p)) {
                done.add(new Kept(p, plain, "after removing this workspace's own roots (" + unrooted.size() + "), Nix still refuses: "
                        + NixErrors.firstError(again.stderr()).orElse("exit " + again.exitCode())));
                continue;
            }
            done.add(new Deleted(p, plain, refusal, new Unrooting(force, forceSays, unrooted, plain), again.stdout().strip()));
        }
        ws.state().forgetBuilt(b -> !nix.isValid(b));
        List<Path> removed = StoreLinks.removeDangling(ws.dir(), ws.state().links());
        removed.forEach(ws.state()::forgetLink);
        ws.state().done(Step.FORCE_DELETE, Instant.now());
        ws.save();
        return new Outcome(candidates, false, done, removed);
    }

    /** By hand: the workspace's last build, and the commands that delete it the safe way (its root removed first, then the plain delete). */
    public record HandDelete(ByHand.Task task, StorePath out) {}

    public static HandDelete handTask(Workspace ws, Nix nix) {
        Step.FORCE_DELETE.requireDone(ws.state()::done, ws.dir());
        StorePath out = ws.lastBuilt().filter(p -> ws.state().built().contains(p)).orElseThrow(() -> new UserError(
                "The workspace " + ws.dir() + " has no build of its own to delete.", "Build it first: ./jbang scripts/Build.java."));
        return new HandDelete(new ByHand.Task("delete the workspace's build from the store, the way that needs no --ignore-liveness: take its root away first",
                ws.nixFile().toString(), List.of(),
                List.of(ShellWords.shown(nix.command("nix-store", "--delete", out.path())) + "   # refused: result still holds it",
                        "rm result", ShellWords.shown(nix.command("nix-store", "--delete", out.path())))), out);
    }

    /** From Nix's records: the build is no longer a valid store path; while it is, which roots still hold it. */
    public static ByHand.Verdict checkHand(Workspace ws, Nix nix, HandDelete h) {
        if (nix.isValid(h.out())) {
            List<String> roots = nix.roots(h.out()).stream().filter(g -> g.kind() != GcRoot.Kind.PROCESS).map(GcRoot::link).toList();
            return roots.isEmpty()
                    ? new ByHand.NotYet(h.out() + " is still in the store, and no root holds it any more.", "Run the nix-store --delete above: now Nix lets it go.")
                    : new ByHand.NotYet(h.out() + " is still in the store: Nix's roots for it are " + String.join(", ", roots) + ".",
                            "Remove the root (rm result in " + ws.dir() + "), then run nix-store --delete again.");
        }
        ws.state().forgetBuilt(b -> !nix.isValid(b));
        StoreLinks.removeDangling(ws.dir(), ws.state().links()).forEach(ws.state()::forgetLink);
        ws.state().done(Step.FORCE_DELETE, Instant.now());
        ws.save();
        return new ByHand.Done(h.out() + " is no longer in the store.");
    }

    /**
     * Roots of a path that are not this workspace's own links (another workspace's result, a
     * profile, a process). A query that fails says nothing about them, so the delete stops.
     */
    static List<String> rootsOutside(Workspace ws, Nix nix, StorePath p) {
        List<String> query = nix.command("nix-store", "-q", "--roots", p.path());
        Proc.Result r = nix.run(query);
        if (!r.ok()) {
            throw new UserError("Nix could not say what keeps " + p + " alive (" + String.join(" ", query) + ": "
                    + NixErrors.firstError(r.stderr()).orElse(r.timedOut() ? "timed out" : "exit " + r.exitCode()) + "), so nothing was deleted: it might be someone else's.",
                    "Run the query yourself to see why it fails; once it answers, run this step again.");
        }
        List<String> out = new ArrayList<>();
        for (GcRoot g : GcRoot.parseAll(r.stdout())) {
            if (g.kind() == GcRoot.Kind.PROCESS) continue; // our own nix-store call can show up as a temporary root
            if (!Path.of(g.link()).toAbsolutePath().normalize().startsWith(ws.dir())) out.add(g.link());
        }
        return out;
    }
}
