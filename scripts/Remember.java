///usr/bin/env jbang "$0" "$@" ; exit $?
//SOURCES nixpylab/Toolkit.java

import java.util.concurrent.Callable;
import nixpylab.steps.RememberStep;
import nixpylab.steps.Step;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import terminal.Cli;
import terminal.ExitCodes;
import terminal.Lab;
import terminal.LabOptions;

@Command(name = "Remember", mixinStandardHelpOptions = true, version = Cli.VERSION,
        description = "Gives the build a GC root with a name you can remember (a link in the workspace), instead of result.",
        exitCodeList = {ExitCodes.OK, ExitCodes.USER_ERROR})
public class Remember implements Callable<Integer> {
    @Mixin
    LabOptions options;

    @Option(names = "--name", description = "The root's name in the workspace (default: python-<version>).")
    String name;

    public static void main(String[] args) {
        System.exit(Cli.execute(new Remember(), args));
    }

    @Override
    public Integer call() {
        try (Lab lab = Lab.open(options, Step.REMEMBER)) {
            RememberStep.Outcome r = RememberStep.add(lab.workspace(), lab.nix(), name == null ? RememberStep.defaultName(lab.workspace()) : name);
            lab.command(r.command());
            lab.print(lab.path(r.link()) + " -> " + r.out());
            lab.say("a named, indirect GC root: it keeps the build alive like result does, but the next nix-build will not overwrite it");
            return lab.done("named root " + r.link().getFileName());
        }
    }
}
