package nixpylab.steps;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import nixpylab.Proc;
import nixpylab.ShellWords;
import nixpylab.UserError;
import nixpylab.workspace.Workspace;
import nixpylab.workspace.WorkspaceState;
import nixpylab.derivation.BareDerivation;
import nixpylab.derivation.DerivationFile;
import nixpylab.derivation.NixpkgsDerivation;
import nixpylab.derivation.Profile;
import nixpylab.nix.BuildError;
import nixpylab.nix.HashMismatch;
import nixpylab.nix.Nix;
import nixpylab.nix.NixErrors;
import nixpylab.nix.NixHash;
import nixpylab.nix.StoreDerivation;
import nixpylab.nix.StorePath;
import nixpylab.source.HashProvenance;
import nixpylab.source.Prefetcher;
import nixpylab.source.PythonSource;
import nixpylab.source.SourceLocator;

/**
 * Step 1: write the derivation with the fake hash, let nix-build fail, read the real hash from
 * Nix's mismatch error, write it back, and build the source again to prove it holds.
 */
public final class FetchFakeHashStep {
    /** predicted is the flat hash NixPy Lab computed itself before asking Nix (null unless asked for). */
    public record Outcome(String foundState, PythonSource source, NixHash predicted, Path nixFile, List<String> failingCommand, Proc.Result failingRun,
                          HashMismatch mismatch, HashProvenance provenance, List<String> proveCommand, StorePath sourcePath) {}

    private FetchFakeHashStep() {}

    /** What the learner asked for: a source (bare profile), a version and tag (nixpkgs profile), and how far to go. */
    public record Request(Path givenFile, String givenUrl, String version, String rev, boolean predict, boolean stopAtMismatch, boolean trustFirstUse,
                          List<HashProvenance.Witness> witnesses) {}

    /** The derivation file written with the fake hash: the source chosen, and how the step found the workspace. */
    private record FakeHashFile(String found, PythonSource src, PythonSource shown, DerivationFile drv, NixHash predicted) {}

    private static FakeHashFile writeWithFakeHash(Workspace ws, SourceLocator locator, Request q) {
        WorkspaceState st = ws.state();
        String found = describe(st);
        String version = q.version() == null ? PythonSource.DEFAULT_VERSION : q.version();
        // the same source as before unless the learner asks for another: its modules stay
        boolean sameSource = q.givenFile() == null && q.givenUrl() == null && q.rev() == null && st.source().isPresent()
                && (q.version() == null || q.version().equals(st.requestedVersion().orElse(null)));
        PythonSource src = sameSource ? st.source().get() : chooseSource(st.profile().orElseThrow(), locator, q, version);
        DerivationFile drv = derivation(st, src, q, sameSource);
        NixHash predicted = q.predict() ? predict(st.profile().orElseThrow(), q, src) : null;
        st.source(src, sameSource ? st.requestedVersion().orElse(version) : version);
        st.name(drv.name());
        st.fixes(drv.fixes());
        st.hash(null);
        ws.writeNixFile(drv.fileName(), drv.text());
        ws.save();
        PythonSource shown = sameSource ? new PythonSource(src.origin(), src.url(), src.version(), "the workspace's source, as chosen before: " + src.reason()) : src;
        return new FakeHashFile(found, src, shown, drv, predicted);
    }

    /**
     * By hand: in an empty workspace the file is written with the fake hash (as the step does);
     * the learner types the nix-build that fails and copies the hash on its got: line over the fake
     * one. A file that already waits for its hash, or has one, is left as it is.
     */
    public static ByHand.Task handTask(Workspace ws, Nix nix, SourceLocator locator, Request q) {
        if (ws.state().nixFile().isEmpty()) writeWithFakeHash(ws, locator, q);
        String file = ws.nixFile().getFileName().toString();
        return new ByHand.Task("write the source's real hash into the file: build its src, and copy the hash on Nix's got: line over the fake one",
                ws.nixFile().toString(), List.of(),
                List.of(ShellWords.shown(nix.command("nix-build", file, "-A", "src", "--no-out-link"))));
    }

    /** From Nix: the hash the file declares for its src, whether Nix accepts the download with it, and who vouches for it. */
    public static ByHand.Verdict checkHand(Workspace ws, Nix nix, Request q) {
        WorkspaceState st = ws.state();
        Path file = ws.nixFile();
        StorePath srcDrv;
        try {
            srcDrv = nix.instantiate(file, "src");
        } catch (UserError e) {
            return new ByHand.NotYet(e.getMessage(), "Fix the file where Nix points; nothing else was changed.");
        }
        Optional<NixHash> declared = StoreDerivation.declaredHash(srcDrv);
        if (declared.isPresent() && declared.get().isFake()) {
            return new ByHand.NotYet("The file still has the fake hash (" + declared.get().sri() + ").", "Type the nix-build above and copy the hash after got: over the fake one.");
        }
        List<String> build = nix.command("nix-build", file.toString(), "-A", "src", "--no-out-link");
        Proc.Result r = nix.run(Duration.ofMinutes(30), l -> {}, build);
        if (!r.ok()) {
            Optional<HashMismatch> m = HashMismatch.parse(r.stderr());
            if (m.isPresent() && m.get().specified().isFake()) {
                return new ByHand.NotYet("The file still has a fake hash: Nix got " + m.get().got().sri() + ".", "Copy that hash, the whole sha256-…= word, over the fake one.");
            }
            if (m.isPresent()) {
                return new ByHand.NotYet("Nix fetched the source and got " + m.get().got().sri() + ", but the file declares " + m.get().specified().sri() + ".",
                        "Copy the hash after got: exactly, the whole sha256-…= word.");
            }
            return new ByHand.NotYet("Nix could not fetch the source: " + NixErrors.firstError(r.stderr()).orElse("exit code " + r.exitCode()), "Read Nix's words, fix the file, and try again.");
        }
        StorePath source = StorePath.parse(r.stdout().strip());
        NixHash hash = declared.orElseGet(() -> Prefetcher.flat(Path.of(source.path())));
        PythonSource src = st.source().orElseThrow(() -> new UserError("The workspace does not say which source it fetches.", "Start over in an empty --workdir."));
        try {
            HashProvenance.of(src, hash, q.witnesses()).require(hash, src.url(), q.trustFirstUse(), "so the step is not done");
        } catch (UserError e) {
            return new ByHand.NotYet(e.getMessage(), e.next());
        }
        st.hash(hash);
        st.sourcePath(source);
        ws.adoptHandEdits();
        st.done(Step.FETCH_FAKE_HASH, Instant.now());
        ws.save();
        return new ByHand.Done("Nix accepts the source with the hash you wrote (" + hash.sri() + "); it is in the store at " + source + ".");
    }

    public static Outcome run(Workspace ws, Nix nix, SourceLocator locator, Request q) {
        WorkspaceState st = ws.state();
        FakeHashFile w = writeWithFakeHash(ws, locator, q);
        String found = w.found();
        PythonSource src = w.src();
        PythonSource shown = w.shown();
        DerivationFile drv = w.drv();
        NixHash predicted = w.predicted();

        Path file = ws.nixFile();
        List<String> failing = nix.command("nix-build", file.toString(), "--no-out-link");
        Proc.Result r = nix.run(Duration.ofMinutes(30), l -> {}, failing);
        if (r.ok()) {
            throw new UserError("nix-build accepted the fake hash in " + file + ", which cannot happen for a real download.",
                    "Look at the file: its src hash should be sha256-AAAA…; rerun this step with --from-start.");
        }
        HashMismatch mismatch = HashMismatch.parse(r.stderr()).orElseThrow(() -> fetchFailure(file, shown, r));
        if (q.stopAtMismatch()) return new Outcome(found, shown, predicted, file, failing, r, mismatch, null, null, null);
        // the hash goes into the file only when an authority vouches for it, or the learner takes it on first use knowingly
        HashProvenance provenance = HashProvenance.of(src, mismatch.got(), q.witnesses())
                .require(mismatch.got(), src.url(), q.trustFirstUse(), "so " + file.getFileName() + " keeps the fake hash");

        ws.writeNixFile(drv.fileName(), drv.withHash(mismatch.got()).text());
        st.hash(mismatch.got());
        ws.save();

        List<String> prove = nix.command("nix-build", file.toString(), "-A", "src", "--no-out-link");
        Proc.Result p = nix.run(Duration.ofMinutes(30), l -> {}, prove);
        if (!p.ok()) {
            throw new UserError("The hash Nix reported did not hold when building the source again: " + NixErrors.firstError(p.stderr()).orElse("exit " + p.exitCode()),
                    "Run this step again; if it keeps failing the source changes between downloads and cannot be pinned.");
        }
        StorePath sourcePath = StorePath.parse(p.stdout().strip());
        st.sourcePath(sourcePath);
        st.done(Step.FETCH_FAKE_HASH, Instant.now());
        ws.save();
        return new Outcome(found, shown, predicted, file, failing, r, mismatch, provenance, prove, sourcePath);
    }

    /** The source: fetchFromGitHub's tag in the nixpkgs profile (as the video does); a tarball found or given in the bare one. */
    private static PythonSource chooseSource(Profile profile, SourceLocator locator, Request q, String version) {
        if (profile == Profile.NIXPKGS) {
            String rev = q.rev() == null ? "v" + version : q.rev();
            return new PythonSource(PythonSource.Origin.GITHUB, PythonSource.githubArchive("python", "cpython", rev), version,
                    "fetchFromGitHub: the tag " + rev + " of github.com/python/cpython, as the video does");
        }
        return locator.locate(q.givenFile(), q.givenUrl(), version);
    }

    /** The derivation file with the fake hash, for the workspace's profile (keeping its modules and Repeatable's fixes when the source is the same). */
    private static DerivationFile derivation(WorkspaceState st, PythonSource src, Request q, boolean sameSource) {
        List<String> modules = sameSource ? st.modules().orElse(null) : null;
        if (st.profile().orElseThrow() == Profile.NIXPKGS) {
            String rev = sameSource ? st.rev().orElseThrow() : q.rev() != null ? q.rev() : "v" + src.version();
            st.rev(rev);
            return NixpkgsDerivation.of(st.identity(), src.version(), rev).withModules(modules).withFixes(sameSource ? st.fixes() : Set.of());
        }
        return new BareDerivation(BareDerivation.nameFor(src.version()), st.identity(), src.version(), src.url(), NixHash.fake(), modules, sameSource ? st.fixes() : Set.of());
    }

    /** The hash Nix will want, computed before asking it: the tarball's sha256 (fetchurl) or the unpacked tree's NAR hash (fetchFromGitHub). */
    private static NixHash predict(Profile profile, Request q, PythonSource src) {
        if (profile == Profile.NIXPKGS) return predictUnpacked(q.givenFile(), src);
        return src.url().startsWith("file:") ? Prefetcher.flat(Path.of(URI.create(src.url()))) : Prefetcher.ofUrl(src.url(), false, Duration.ofMinutes(10)).flat();
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
        String err = NixErrors.firstError(r.stderr()).orElse("exit code " + r.exitCode());
        if (r.stderr().contains("unable to download") || r.stderr().contains("Couldn't read a file://")) {
            return new UserError("Nix could not download the source " + src.url() + ": " + err,
                    "Check that the URL answers (or that the file is readable by the nixbld users), or pass a tarball with --source PATH.");
        }
        List<BuildError> failed = BuildError.parseAll(r.stderr());
        if (!failed.isEmpty()) {
            return new UserError("Nix could not fetch the source " + src.url() + ": " + failed.get(0).sentence() + " (" + err + ")",
                    "Read Nix's lines above; the fetch's log: nix-store -l " + failed.get(0).drv() + ".");
        }
        return NixErrors.evaluationError(file, r);
    }

    static String describe(WorkspaceState st) {
        if (st.nixFile().isEmpty()) return "an empty workspace: writing the derivation for the first time";
        if (st.hash().isPresent()) return "a derivation with its real hash already; doing the fake-hash round again";
        return "a derivation still waiting for its hash";
    }
}
