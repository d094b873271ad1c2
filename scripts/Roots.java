///usr/bin/env jbang "$0" "$@" ; exit $?
//SOURCES nixpylab/Toolkit.java

import java.util.concurrent.Callable;
import nixpylab.nix.GcRoot;
import nixpylab.steps.RootsStep;
import nixpylab.steps.Step;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import terminal.Cli;
import terminal.ExitCodes;
import terminal.Lab;
import terminal.LabOptions;

@Command(name = "Roots", mixinStandardHelpOptions = true, version = Cli.VERSION,
        description = "Step 4: list the GC roots that keep the build alive, and say what each one is.",
        exitCodeList = {ExitCodes.OK, ExitCodes.USER_ERROR})
public class Roots implements Callable<Integer> {
    @Mixin
    LabOptions options;

    public static void main(String[] args) {
        System.exit(Cli.execute(new Roots(), args));
    }

    @Override
    public Integer call() {
        try (Lab lab = Lab.open(options, Step.ROOTS)) {
            RootsStep.Outcome r = RootsStep.run(lab.workspace(), lab.nix());
            lab.command(r.rootsCommand());
            if (r.roots().isEmpty()) lab.say("  (no roots: the path is dead and the next garbage collection removes it)");
            for (GcRoot g : r.roots()) {
                lab.print(Cli.relative(g.link()) + " -> " + g.target());
                lab.say("    " + g.explanation());
            }
            lab.command(r.allRootsCommand());
            lab.say("  of all roots, these keep this workspace's builds alive:");
            for (GcRoot g : r.holdingThisWorkspace()) lab.say("  " + Cli.relative(g.link()) + " -> " + g.target());
            return lab.done(r.roots().size() + " root(s)");
        }
    }
}
