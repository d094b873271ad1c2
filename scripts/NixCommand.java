///usr/bin/env jbang "$0" "$@" ; exit $?
//SOURCES nixpylab/Toolkit.java

import java.util.concurrent.Callable;
import nixpylab.steps.NixCommandStep;
import nixpylab.steps.Step;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import terminal.Cli;
import terminal.ExitCodes;
import terminal.Lab;
import terminal.LabOptions;

@Command(name = "NixCommand", mixinStandardHelpOptions = true, version = Cli.VERSION,
        description = "Each step again with the nix command (nix build, nix derivation show, nix store delete, nix build --rebuild, nix log), beside the classic command the video types.",
        exitCodeList = {ExitCodes.OK, "1:A rebuild of Closure's small program gave other bytes.", ExitCodes.USER_ERROR})
public class NixCommand implements Callable<Integer> {
    @Mixin
    LabOptions options;

    public static void main(String[] args) {
        System.exit(Cli.execute(new NixCommand(), args));
    }

    @Override
    public Integer call() {
        try (Lab lab = Lab.open(options, Step.NIX_COMMAND)) {
            lab.say("the commands below run in " + lab.path(lab.workspace().dir()) + "; the nix command is experimental, so each turns it on for itself; Nix's lines about removing stale links that earlier runs left are not shown");
            NixCommandStep.Outcome r = NixCommandStep.run(lab.workspace(), lab.nix());
            for (NixCommandStep.Pair p : r.pairs()) {
                lab.say("");
                lab.say("-- " + p.step() + " typed: " + p.classic());
                for (NixCommandStep.Move m : p.moves()) {
                    if (m instanceof NixCommandStep.Removed rm) {
                        lab.say("$ rm " + rm.link());
                        continue;
                    }
                    lab.answer(((NixCommandStep.Asked) m).answer());
                }
                lab.print("=> " + p.finding());
            }
            return lab.exit(r.rebuildSame() ? 0 : 1, r.pairs().size() + " steps with the nix command" + (r.rebuildSame() ? "" : "; the rebuild differed"));
        }
    }
}
