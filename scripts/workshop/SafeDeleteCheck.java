package workshop;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import nixpylab.Proc;
import nixpylab.nix.GcRoot;
import nixpylab.nix.StoreLinks;
import nixpylab.nix.StorePath;

/** Exercise: a build deleted from the store without forcing, and no link left pointing at it. */
final class SafeDeleteCheck implements Check {
    @Override
    public Verdict run(Attempt a) {
        String file = a.mainFile();
        StorePath out = a.outputOf(file);
        if (a.nix().isValid(out)) {
            Proc.Result r = a.nix(Duration.ofMinutes(1), "nix-store", "-q", "--roots", out.path());
            List<String> roots = GcRoot.parseAll(r.stdout()).stream().filter(g -> g.kind() != GcRoot.Kind.PROCESS).map(g -> shortName(a.dir(), g.link())).sorted().toList();
            if (roots.isEmpty()) {
                throw a.fail(out + " is still in the store, but nothing keeps it alive any more: now 'nix-store --delete " + out + "' will do it.");
            }
            throw a.fail(out + " is still in the store. Nix keeps it alive because of " + roots.size() + (roots.size() == 1 ? " root: " : " roots: ")
                    + String.join(", ", roots) + "; 'nix-store --delete' refuses while any of them points to it.");
        }
        List<Path> dangling = StoreLinks.dangling(a.dir());
        if (!dangling.isEmpty()) {
            throw a.fail(out + " is gone from the store, but " + String.join(", ", dangling.stream().map(p -> p.getFileName().toString()).toList())
                    + (dangling.size() == 1 ? " still points to it: a link" : " still point to it: links") + " to nothing. That is what a forced delete leaves behind; remove them.");
        }
        return a.pass(out + " is gone from the store, and no link here points at it.");
    }

    private static String shortName(Path dir, String link) {
        Path p = Path.of(link).toAbsolutePath().normalize();
        return p.startsWith(dir) ? dir.relativize(p).toString() : link;
    }
}
