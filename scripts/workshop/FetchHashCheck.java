package workshop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import nixpylab.Proc;
import nixpylab.nix.HashMismatch;
import nixpylab.nix.NixHash;
import nixpylab.nix.StoreDerivation;

/** Exercise: the source is fetched by Nix, which accepts it only with its real hash. */
final class FetchHashCheck implements Check {
    private static byte[] readAll(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The hash Nix itself checked the fetched bytes against: a fixed-output derivation's output is
     * valid only with the bytes of the hash it declares, so reading it from the .drv (one evaluation,
     * ~25 ms) says what hashing the tarball again would (~200 ms for CPython's). Empty when the file
     * builds something else, which is then hashed here.
     */
    private static Optional<NixHash> verifiedByNix(Attempt a, String file, String out) {
        return StoreDerivation.fixedOutput(a.derivation(file)).filter(f -> f.out().path().equals(out)).map(StoreDerivation.FixedOutput::flatHash);
    }

    @Override
    public Verdict run(Attempt a) {
        String file = a.mainFile();
        Proc.Result r = a.nix(Duration.ofMinutes(10), "nix-build", "--no-out-link", file);
        if (r.ok()) {
            String out = r.stdout().strip();
            NixHash fetched = verifiedByNix(a, file, out).orElseGet(() -> NixHash.of(readAll(Path.of(out))));
            if (a.sourceHash().isPresent() && !a.sourceHash().get().equals(fetched)) {
                throw a.fail("Nix fetched a file and its hash matches, but it is not the CPython tarball this exercise gave you (that one's sha256 is "
                        + a.sourceHash().get().sri() + "; this is " + fetched.sri() + "): keep the url, and write the hash Nix reports for it. Reset the exercise to get the url back.");
            }
            return a.pass("Nix fetched the tarball into " + out + ", and its hash is the one " + file + " declares.");
        }
        Optional<HashMismatch> m = HashMismatch.parse(r.stderr());
        if (m.isPresent()) {
            if (m.get().specified().isFake()) {
                throw a.fail("Nix fetched the tarball and refused it, because " + file + " has no real hash yet (Nix took the fake "
                        + m.get().specified().sri() + "). That is the first half of the trick: now run 'nix-build " + file
                        + "' yourself and write the hash on its got: line into the file.");
            }
            throw a.fail("The hash in " + file + " (" + m.get().specified().sri() + ") is not the tarball's: Nix computed another one from the bytes it fetched. "
                    + "Run 'nix-build " + file + "' and copy the whole value on its got: line.");
        }
        if (r.stderr().contains("while evaluating") || r.stderr().contains("syntax error") || r.stderr().contains("undefined variable")) {
            throw a.fail("Nix cannot evaluate " + file + ": " + Attempt.errorOf(r) + " Fix the file where Nix points (or start over with reset).");
        }
        throw a.fail("nix-build could not fetch the tarball: " + Attempt.errorOf(r) + " If the url is wrong, reset the exercise to get it back.");
    }
}
