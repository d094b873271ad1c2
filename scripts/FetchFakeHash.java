///usr/bin/env jbang "$0" "$@" ; exit $?
//SOURCES nixpylab/Toolkit.java

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import nixpylab.room.Membership;
import nixpylab.source.HashProvenance;
import nixpylab.source.PythonSource;
import nixpylab.source.SourceLocator;
import nixpylab.steps.ByHand;
import nixpylab.steps.FetchFakeHashStep;
import nixpylab.steps.Step;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import terminal.ByHandOption;
import terminal.Cli;
import terminal.ExitCodes;
import terminal.Lab;
import terminal.LabOptions;

@Command(name = "FetchFakeHash", mixinStandardHelpOptions = true, version = Cli.VERSION,
        description = "Step 1: write the derivation with a fake hash, read the real one out of Nix's error, write it back.",
        exitCodeList = {ExitCodes.OK, ExitCodes.USER_ERROR, ExitCodes.HASH_MISMATCH_NO_FIX, ExitCodes.NOT_YET})
public class FetchFakeHash implements Callable<Integer> {
    @Mixin
    LabOptions options;

    @Mixin
    ByHandOption hand;

    @Option(names = "--predict", description = "Compute the hash Nix will want before asking it, and compare.")
    boolean predict;

    @Option(names = "--no-fix", description = "Stop at Nix's error, as a learner first sees it, and exit with Nix's exit code (102).")
    boolean noFix;

    /** In a joined workshop room: its signed description says what its source tarball's sha256 must be. */
    static List<HashProvenance.Witness> roomWitness(Lab lab) {
        return Membership.near(lab.workspace().dir())
                .map(m -> List.of(new HashProvenance.Witness(m.sourceUrl(), "the workshop room " + m.url() + " (its description signed by " + m.key().name() + ")",
                        m.info().sourceSha256())))
                .orElse(List.of());
    }

    public static void main(String[] args) {
        System.exit(Cli.execute(new FetchFakeHash(), args));
    }

    @Override
    public Integer call() {
        try (Lab lab = Lab.open(options, Step.FETCH_FAKE_HASH)) {
            SourceLocator locator = new SourceLocator(SourceLocator.defaultCacheDir(), Duration.ofSeconds(3));
            FetchFakeHashStep.Request q = new FetchFakeHashStep.Request(options.sources.source, options.sources.sourceUrl, options.pythonVersion, options.rev, predict, noFix, options.sources.trustFirstUse, roomWitness(lab));
            if (hand.byHand) {
                ByHand.Task task = FetchFakeHashStep.handTask(lab.workspace(), lab.nix(), locator, q);
                return lab.byHand(task, () -> FetchFakeHashStep.checkHand(lab.workspace(), lab.nix(), q), "your hash, by hand");
            }
            FetchFakeHashStep.Outcome r = FetchFakeHashStep.run(lab.workspace(), lab.nix(), locator, q);
            lab.say("found: " + r.foundState());
            lab.say("source: " + r.source().url() + " (CPython " + r.source().version() + ")");
            lab.say("   why: " + r.source().reason());
            if (r.predicted() != null) {
                lab.say("predicted: " + r.predicted().sri() + (r.source().origin() == PythonSource.Origin.GITHUB
                        ? " (the NAR hash of the unpacked tree, computed by NixPy Lab before asking Nix)"
                        : " (the sha256 of the tarball, computed by NixPy Lab before asking Nix)"));
            }
            lab.say("wrote " + lab.path(r.nixFile()) + " with the fake hash " + r.mismatch().specified().sri());
            lab.command(r.failingCommand());
            for (String l : r.failingRun().stderr().split("\n")) if (!l.isBlank()) lab.say("  " + l);
            lab.say("  (exit code " + r.failingRun().exitCode() + ": the build failed, as it must with a fake hash)");
            lab.say("Nix's 'got:' hash is " + r.mismatch().got().sri() + " (base32 " + r.mismatch().got().base32() + ")");
            if (r.sourcePath() == null) {
                lab.say("--no-fix: leaving the fake hash in " + lab.path(r.nixFile()) + "; run without --no-fix to write the real one back");
                return lab.exit(r.failingRun().exitCode(), "stopped at Nix's hash mismatch");
            }
            if (r.predicted() != null) {
                lab.say(r.predicted().equals(r.mismatch().got()) ? "the prediction matches Nix's got: line" : "the prediction differs from Nix's got: line (" + r.predicted().sri() + ")");
            }
            if (r.provenance() instanceof HashProvenance.Vouched v) {
                for (String by : v.by()) lab.say("vouched for by " + by);
            } else {
                lab.say("vouched for by nobody but the download: written on first use, as asked (--trust-first-use)");
            }
            lab.say("wrote it back into " + lab.path(r.nixFile()));
            lab.command(r.proveCommand());
            lab.say("the hash holds: the source is in the store at");
            lab.print(r.sourcePath());
            return lab.done("wrote the real hash back");
        }
    }
}
