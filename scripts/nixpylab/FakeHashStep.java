package nixpylab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Step 1: write the derivation with the fake hash, let nix-build fail, read the real hash from
 * Nix's mismatch error, write it back, and build the source again to prove it holds.
 */
public final class FakeHashStep {
    /** predicted is the flat hash NixPy Lab computed itself before asking Nix (null unless asked for). */
    public record Outcome(String foundState, PythonSource source, NixHash predicted, Path nixFile, List<String> failingCommand, Proc.Result failingRun,
                          HashMismatch mismatch, List<String> proveCommand, StorePath sourcePath) {}

    private FakeHashStep() {}

    /** What the learner asked for: a source (bare profile), a version and tag (nixpkgs profile), and how far to go. */
    public record Request(Path givenFile, String givenUrl, String version, String rev, boolean predict, boolean stopAtMismatch) {}

    public static Outcome run(Workspace ws, Nix nix, SourceLocator locator, Request q) {
        String found = describe(ws);
        Profile profile = Profile.of(ws);
        String version = q.version();
        boolean sameSource = q.givenFile() == null && q.givenUrl() == null && q.rev() == null && ws.get("sourceUrl").isPresent()
                && (version == null || version.equals(ws.get("requestedVersion").orElse(null)));
        List<String> modules = ws.get("modules").isPresent() && sameSource ? ws.list("modules") : null;
        PythonSource src;
        DerivationFile drv;
        NixHash predicted = null;
        if (sameSource) {
            src = new PythonSource(PythonSource.Origin.valueOf(ws.get("sourceOrigin").orElseThrow()), ws.get("sourceUrl").orElseThrow(),
                    ws.get("pythonVersion").orElseThrow(), "the workspace's source, as chosen before: " + ws.get("sourceReason").orElse(""));
        } else if (profile == Profile.NIXPKGS) {
            String v = version == null ? "3.10.5" : version;
            String rev = q.rev() == null ? "v" + v : q.rev();
            src = new PythonSource(PythonSource.Origin.GITHUB, PythonSource.githubArchive("python", "cpython", rev), v,
                    "fetchFromGitHub: the tag " + rev + " of github.com/python/cpython, as the video does");
        } else {
            src = locator.locate(q.givenFile(), q.givenUrl(), version == null ? "3.10.5" : version);
        }
        if (profile == Profile.NIXPKGS) {
            String rev = sameSource ? ws.get("rev").orElseThrow() : (q.rev() == null ? "v" + src.version() : q.rev());
            ws.set("rev", rev);
            drv = NixpkgsDerivation.of(ws.identity(), src.version(), rev).withModules(modules);
            if (q.predict()) predicted = predictUnpacked(q.givenFile(), src);
        } else {
            drv = new BareDerivation(BareDerivation.nameFor(src.version()), ws.identity(), src.version(), src.url(), NixHash.fake(), modules);
            if (q.predict()) {
                predicted = src.url().startsWith("file:") ? Prefetcher.flat(Path.of(java.net.URI.create(src.url())))
                        : Prefetcher.ofUrl(src.url(), false, Duration.ofMinutes(10)).flat();
            }
        }

        ws.set("requestedVersion", version == null ? "3.10.5" : version);
        ws.set("sourceOrigin", src.origin().name());
        ws.set("sourceUrl", src.url());
        if (!sameSource) ws.set("sourceReason", src.reason());
        ws.set("pythonVersion", src.version());
        ws.set("name", drv.name());
        ws.set("hash", null);
        ws.writeNixFile(drv.fileName(), drv.text());
        ws.save();

        Path file = ws.nixFile();
        List<String> failing = nix.command("nix-build", file.toString(), "--no-out-link");
        Proc.Result r = nix.run(Duration.ofMinutes(30), l -> {}, failing);
        if (r.ok()) {
            throw new UserError("nix-build accepted the fake hash in " + file + ", which cannot happen for a real download.",
                    "Look at the file: its src hash should be sha256-AAAA…; rerun this step with --from-start.");
        }
        HashMismatch mismatch = HashMismatch.parse(r.stderr()).orElseThrow(() -> fetchFailure(file, src, r));
        if (q.stopAtMismatch()) return new Outcome(found, src, predicted, file, failing, r, mismatch, null, null);

        ws.writeNixFile(drv.fileName(), drv.withHash(mismatch.got()).text());
        ws.set("hash", mismatch.got().sri());
        ws.save();

        List<String> prove = nix.command("nix-build", file.toString(), "-A", "src", "--no-out-link");
        Proc.Result p = nix.run(Duration.ofMinutes(30), l -> {}, prove);
        if (!p.ok()) {
            throw new UserError("The hash Nix reported did not hold when building the source again: " + Nix.firstError(p.stderr()).orElse("exit " + p.exitCode()),
                    "Run this step again; if it keeps failing the source changes between downloads and cannot be pinned.");
        }
        StorePath sourcePath = StorePath.parse(p.stdout().strip());
        ws.set("sourcePath", sourcePath.path());
        ws.set("step.fetch", java.time.Instant.now().toString());
        ws.save();
        return new Outcome(found, src, predicted, file, failing, r, mismatch, prove, sourcePath);
    }

    /** fetchFromGitHub checks the NAR hash of the unpacked tree; fetchzip makes a lone file executable. */
    private static NixHash predictUnpacked(Path givenFile, PythonSource src) {
        Prefetcher.Result r;
        try {
            r = givenFile != null ? Prefetcher.of(givenFile, true) : Prefetcher.ofUrl(src.url(), true, Duration.ofMinutes(10));
        } catch (UserError e) {
            throw new UserError("--predict needs GitHub's tarball of the tag, and " + e.getMessage(),
                    "Pass a copy of it with --source PATH, or leave out --predict and let Nix tell you the hash.");
        }
        if (r.unpacked() instanceof Prefetcher.Stripped s) return s.fetchzipHash();
        throw new UserError("The archive has more than one top-level entry, so fetchFromGitHub would refuse it.", "Check the tag, or the tarball given with --source.");
    }

    private static UserError fetchFailure(Path file, PythonSource src, Proc.Result r) {
        String err = Nix.firstError(r.stderr()).orElse("exit code " + r.exitCode());
        if (r.stderr().contains("unable to download") || r.stderr().contains("Couldn't read a file://")) {
            return new UserError("Nix could not download the source " + src.url() + ": " + err,
                    "Check that the URL answers (or that the file is readable by the nixbld users), or pass a tarball with --source PATH.");
        }
        List<BuildError> failed = BuildError.parseAll(r.stderr());
        if (!failed.isEmpty()) {
            return new UserError("Nix could not fetch the source " + src.url() + ": " + failed.get(0).sentence() + " (" + err + ")",
                    "Read Nix's lines above; the fetch's log: nix-store -l " + failed.get(0).drv() + ".");
        }
        return Nix.evaluationError(file, r);
    }

    static String describe(Workspace ws) {
        if (ws.isEmpty() || ws.get("nixFile").isEmpty()) return "an empty workspace: writing the derivation for the first time";
        if (ws.get("hash").isPresent()) return "a derivation with its real hash already; doing the fake-hash round again";
        return "a derivation still waiting for its hash";
    }
}
