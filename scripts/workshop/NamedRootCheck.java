package workshop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import nixpylab.Proc;
import nixpylab.nix.GcRoot;
import nixpylab.nix.StorePath;

/** Exercise: the build's root is a link with a chosen name that Nix itself registered as a root. */
final class NamedRootCheck implements Check {
    @Override
    public Verdict run(Attempt a) {
        String name = a.exercise().setting("link");
        String file = a.mainFile();
        Path link = a.dir().resolve(name);
        StorePath out = a.outputOf(file);
        if (!Files.isSymbolicLink(link)) {
            throw a.fail(Files.exists(link) ? name + " is there, but it is not a link." : "There is no link called " + name + " in this folder yet. nix-build calls its link result unless you tell it otherwise.");
        }
        String target = readLink(link);
        if (!target.equals(out.path())) {
            throw a.fail(name + " points to " + target + ", but what " + file + " builds now is " + out + ". Build the file into that name.");
        }
        if (!a.nix().isValid(out)) {
            throw a.fail(name + " points to " + out + ", which is not in the store: it has not been built (or was deleted). Build the file into that name.");
        }
        Proc.Result roots = a.nix(Duration.ofMinutes(1), "nix-store", "-q", "--roots", out.path());
        boolean registered = GcRoot.parseAll(roots.stdout()).stream().anyMatch(g -> Path.of(g.link()).toAbsolutePath().normalize().equals(link.toAbsolutePath().normalize()));
        if (!registered) {
            throw a.fail(name + " points to the build, but Nix does not count it as a root: it is missing from 'nix-store -q --roots " + out
                    + "'. A link made with ln -s is just a link; the garbage collector can delete the path under it. Let Nix make the link.");
        }
        Proc.Result run = Proc.of(link.resolve("bin/hello").toString()).timeout(Duration.ofSeconds(20)).run();
        a.note("$ " + name + "/bin/hello   (exit " + run.exitCode() + ": " + run.stdout().strip() + ")");
        if (!run.ok()) throw a.fail(name + " is a root of the build, but " + name + "/bin/hello does not run: " + run.lastErrorLine());
        String extra = Files.isSymbolicLink(a.dir().resolve("result")) ? " (result is a root too: remove it when you no longer need it.)" : "";
        return a.pass(name + " is a root of " + out + " that Nix knows about (nix-store -q --roots lists it), and " + name + "/bin/hello runs." + extra);
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
