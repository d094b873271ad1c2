///usr/bin/env jbang "$0" "$@" ; exit $?
//SOURCES nixpylab/Toolkit.java

import java.util.concurrent.Callable;
import nixpylab.steps.Step;
import nixpylab.steps.TrustStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import terminal.Cli;
import terminal.ExitCodes;
import terminal.Lab;
import terminal.LabOptions;

@Command(name = "Trust", mixinStandardHelpOptions = true, version = Cli.VERSION,
        description = "Who needs root: adds a file to the store and deletes it again, as you, and shows what Nix lets you do (directly on the store, or through the daemon, trusted or not).",
        exitCodeList = {ExitCodes.OK, "1:The file the step added is still in the store.", ExitCodes.USER_ERROR})
public class Trust implements Callable<Integer> {
    @Mixin
    LabOptions options;

    public static void main(String[] args) {
        System.exit(Cli.execute(new Trust(), args));
    }

    @Override
    public Integer call() {
        try (Lab lab = Lab.open(options, Step.TRUST)) {
            lab.say("this step adds one file to the store and deletes it again; it touches no other store path");
            TrustStep.Outcome r = TrustStep.run(lab.workspace(), lab.nix());
            lab.print("running as: " + r.access().user() + ", " + r.access().describe());
            lab.print("trusted-users = " + r.trustedUsers());
            lab.say("the commands below run in " + lab.path(lab.workspace().dir()) + "; Nix's lines about removing stale links that earlier runs left are not shown");
            lab.answer(r.add());
            lab.print("owner of " + r.note() + ": " + r.owner() + (r.owner().equals(r.access().user()) ? " (the caller)" : " (not the caller, " + r.access().user() + ")"));
            lab.answer(r.keep());
            lab.say("a setting given on the command line (" + TrustStep.RESTRICTED + ", which the bare profile's sandboxed builds need):");
            lab.answer(r.restricted());
            lab.say("deleting it while " + TrustStep.LINK + " keeps it alive:");
            lab.answer(r.plainDelete());
            lab.answer(r.ignoringLiveness());
            if (r.ignoringLiveness().ok() && r.linkRemoved()) lab.say("removed the dangling link " + TrustStep.LINK);
            r.unrootedDelete().ifPresent(d -> {
                lab.say("$ rm " + TrustStep.LINK);
                lab.answer(d);
            });
            lab.print(r.note() + (r.gone() ? " is gone" : " is still in the store"));
            return lab.exit(r.gone() ? 0 : 1, r.access().describe() + (r.ignoringLiveness().ok() ? ": --ignore-liveness allowed" : ": --ignore-liveness refused"));
        }
    }
}
