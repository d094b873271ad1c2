///usr/bin/env jbang "$0" "$@" ; exit $?
//SOURCES nixpylab/Toolkit.java

import java.util.concurrent.Callable;
import nixpylab.steps.ByHand;
import nixpylab.steps.PostPatchStep;
import nixpylab.steps.Step;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import terminal.ByHandOption;
import terminal.Cli;
import terminal.ExitCodes;
import terminal.Lab;
import terminal.LabOptions;

@Command(name = "PostPatch", mixinStandardHelpOptions = true, version = Cli.VERSION,
        description = "Step 2: add the postPatch that writes Modules/Setup.local, and show that the .drv changed.",
        exitCodeList = {ExitCodes.OK, ExitCodes.USER_ERROR, ExitCodes.NOT_YET})
public class PostPatch implements Callable<Integer> {
    @Mixin
    LabOptions options;

    @Mixin
    ByHandOption hand;

    public static void main(String[] args) {
        System.exit(Cli.execute(new PostPatch(), args));
    }

    @Override
    public Integer call() {
        try (Lab lab = Lab.open(options, Step.POST_PATCH)) {
            if (hand.byHand) {
                ByHand.Task task = PostPatchStep.handTask(lab.workspace(), lab.nix(), options.modules, options.without);
                return lab.byHand(task, () -> PostPatchStep.checkHand(lab.workspace(), lab.nix(), options.modules, options.without), "your postPatch, by hand");
            }
            PostPatchStep.Outcome r = PostPatchStep.run(lab.workspace(), lab.nix(), options.modules, options.without);
            lab.say("found: " + r.foundState());
            lab.say("postPatch now writes Modules/Setup.local with " + r.modules().size() + " modules: " + String.join(" ", r.modules()));
            lab.say("store derivation before: " + r.drvBefore());
            lab.say("store derivation after:  " + r.drvAfter());
            boolean same = r.drvBefore().equals(r.drvAfter());
            lab.say(same ? "unchanged: the same .drv, so nothing new to build"
                    : "a new .drv: any change to the derivation's attributes gives a new store path, so nix-build will build again");
            lab.say("the new .drv holds the postPatch as an environment variable of the build; Nix reads it back:");
            lab.command(r.bindingCommand());
            for (String l : r.binding().split("\n")) lab.say("  " + l);
            lab.print(r.drvAfter());
            return lab.done(same ? "the same .drv" : "a new .drv");
        }
    }
}
