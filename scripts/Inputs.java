///usr/bin/env jbang "$0" "$@" ; exit $?
//SOURCES nixpylab/Toolkit.java

import java.util.concurrent.Callable;
import nixpylab.BuildTimes;
import nixpylab.derivation.Profile;
import nixpylab.steps.BuildStep;
import nixpylab.steps.InputsStep;
import nixpylab.steps.Step;
import nixpylab.steps.TestPythonStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import terminal.BuildClock;
import terminal.Cli;
import terminal.ExitCodes;
import terminal.Lab;
import terminal.LabOptions;

@Command(name = "Inputs", mixinStandardHelpOptions = true, version = Cli.VERSION,
        description = "Audits the build inputs: declared, referenced by the output, linked by python; proposes the smaller list and (nixpkgs profile) builds with it to prove it.",
        exitCodeList = {ExitCodes.OK, "1:The build with the smaller list failed, or a module does not import with it."})
public class Inputs implements Callable<Integer> {
    @Mixin
    LabOptions options;

    @Option(names = "--no-prove", description = "Only list; do not build with the smaller list.")
    boolean noProve;

    public static void main(String[] args) {
        System.exit(Cli.execute(new Inputs(), args));
    }

    @Override
    public Integer call() {
        try (Lab lab = Lab.open(options, Step.INPUTS)) {
            InputsStep.Outcome r;
            try (BuildClock clock = new BuildClock(lab.err, BuildTimes.standard())) {
                r = InputsStep.run(lab.workspace(), lab.nix(), options.buildTimeout(), !noProve, clock::progress);
            }
            boolean bare = r.profile() == Profile.BARE;
            lab.print((bare ? "declared (host -dev packages the bare profile installs): " : "declared buildInputs: ") + r.declared().size());
            lab.print("  " + String.join(" ", r.declared()));
            lab.print("referenced by the output in the store (nix-store -q --references): " + r.references().size());
            for (String x : r.references()) lab.print("  " + x);
            if (r.references().isEmpty()) {
                lab.print("  (none: " + (bare ? "the bare profile links the host's libraries in /usr, which Nix does not track" : "here every input stands for the host's /usr") + ")");
            }
            lab.print("libraries the built python3 links (ldd): " + r.linked().size());
            for (String x : r.linked()) lab.print("  " + x);
            lab.print("proposed (what the Setup.local modules need): " + r.proposed().size() + " instead of " + r.declared().size());
            lab.print("  " + String.join(" ", r.proposed()));
            if (r.proof() == null) {
                lab.say(bare ? "the bare profile's inputs are the host's packages, not attributes of the file: the smaller list is what to install, and nothing to rebuild"
                        : "--no-prove: the smaller list was not built");
                return lab.done(r.proposed().size() + " of " + r.declared().size() + " inputs needed");
            }
            lab.say("proving it: " + lab.path(r.minimalFile()));
            lab.command(r.proof().command());
            if (!(r.proof() instanceof BuildStep.Built b)) {
                lab.say("the build with the smaller list failed; its log: " + lab.path(r.proof().log()));
                return lab.exit(1, "the smaller list did not build");
            }
            lab.print("built with " + r.proposed().size() + " inputs: " + b.out());
            long ok = r.proofImports().imports().stream().filter(TestPythonStep.Import::ok).count();
            for (TestPythonStep.Import i : r.proofImports().imports()) lab.print(String.format("  %-10s %s", i.importName(), i.ok() ? "ok" : "failed: " + i.errorLine()));
            lab.print(ok + " of " + r.proofImports().imports().size() + " imports ok with the smaller list");
            return lab.exit(r.proofImports().allOk() ? 0 : 1, ok + " of " + r.proofImports().imports().size() + " imports ok with " + r.proposed().size() + " inputs");
        }
    }
}
