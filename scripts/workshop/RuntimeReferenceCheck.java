package workshop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import nixpylab.Proc;
import nixpylab.nix.StorePath;

/**
 * Exercise: the app still built from the library and still holding its greeting, but no longer
 * referring to it, as Nix records references (nix-store -q --references on the output, and on the
 * .drv for the inputs), not as the learner's file reads.
 */
final class RuntimeReferenceCheck implements Check {
    static final String LIBRARY = "workshop-lib";

    @Override
    public Verdict run(Attempt a) {
        String file = a.mainFile();
        StorePath drv = a.derivation(file);
        Optional<StorePath> libDrv = references(a, drv).stream().filter(p -> p.name().equals(LIBRARY + ".drv")).findFirst();
        if (libDrv.isEmpty()) {
            throw a.fail(file + " no longer builds from the library: " + LIBRARY + " is not among the inputs of " + drv + " (nix-store -q --references on the .drv)."
                    + " The app must still get its greeting from lib.nix, while it builds.");
        }
        StorePath lib = a.nix().outputOf(libDrv.get());
        Proc.Result b = a.nix(Duration.ofMinutes(5), "nix-build", file, "--no-out-link");
        if (!b.ok()) throw a.fail("nix-build " + file + " failed: " + Attempt.errorOf(b));
        StorePath out = a.outputOf(file);
        List<StorePath> refs = references(a, out);
        if (refs.contains(lib)) {
            throw a.fail(out + " still keeps " + lib + " alive: Nix found the library's hash in the app when the build ended, and recorded it among the app's references (nix-store -q --references)."
                    + " 'nix --extra-experimental-features nix-command why-depends " + out + " " + lib + "' shows where.");
        }
        String greeting = read(Path.of(lib.path())).strip();
        if (!read(Path.of(out.path())).contains(greeting)) {
            throw a.fail(out + " does not hold the library's greeting (\"" + greeting + "\"): the app must still say it. Read it out of the library while building, and write the words.");
        }
        return a.pass(out + " holds the library's greeting and refers to " + (refs.isEmpty() ? "no store path" : refs.stream().map(StorePath::name).toList().toString())
                + ": the library is needed to build the app, not to use it.");
    }

    private static List<StorePath> references(Attempt a, StorePath p) {
        Proc.Result r = a.nix(Duration.ofMinutes(1), "nix-store", "-q", "--references", p.path());
        if (!r.ok()) throw a.fail("Nix could not list the references of " + p + ": " + Attempt.errorOf(r));
        return r.stdout().lines().filter(l -> !l.isBlank()).map(StorePath::parse).toList();
    }

    /** A file's text, or every regular file's text under a folder. */
    private static String read(Path p) {
        try (var files = Files.walk(p)) {
            StringBuilder sb = new StringBuilder();
            for (Path f : files.filter(Files::isRegularFile).toList()) sb.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).append('\n');
            return sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
