///usr/bin/env jbang "$0" "$@" ; exit $?
//SOURCES nixpylab/Toolkit.java

import java.util.concurrent.Callable;
import nixpylab.BuildTimes;
import nixpylab.steps.BuildStep;
import nixpylab.steps.ClosureStep;
import nixpylab.steps.Step;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import terminal.BuildClock;
import terminal.Cli;
import terminal.ExitCodes;
import terminal.Lab;
import terminal.LabOptions;

@Command(name = "Closure", mixinStandardHelpOptions = true, version = Cli.VERSION,
        description = "What a build needs against what its output needs at run time: builds a small program on the tutorial's CPython and asks Nix for references, closures and the tree.",
        exitCodeList = {ExitCodes.OK, "1:The small program did not build.", ExitCodes.USER_ERROR})
public class Closure implements Callable<Integer> {
    @Mixin
    LabOptions options;

    @Option(names = "--nix-command", description = "Also ask the nix command: nix why-depends and nix path-info (experimental in Nix, enabled for these two commands only).")
    boolean nixCommand;

    public static void main(String[] args) {
        System.exit(Cli.execute(new Closure(), args));
    }

    @Override
    public Integer call() {
        try (Lab lab = Lab.open(options, Step.CLOSURE)) {
            ClosureStep.Outcome r;
            try (BuildClock clock = new BuildClock(lab.err, BuildTimes.standard())) {
                r = ClosureStep.run(lab.workspace(), lab.nix(), options.buildTimeout(), nixCommand, clock::progress);
            }
            lab.say("wrote " + lab.path(r.file()) + ": a program that runs on the tutorial's python, which also builds it");
            lab.command(r.build().command());
            if (!(r.build() instanceof BuildStep.Built b)) {
                lab.say("it did not build; its log: " + lab.path(r.build().log()));
                return lab.exit(1, "hello-py did not build");
            }
            lab.print(b.out());
            lab.say("the commands below run in " + lab.path(lab.workspace().dir()) + ", where " + ClosureStep.LINK + " is; lists of store paths are shown in the order of their names (Nix lists them in the order of their hashes, which change from build to build)");
            lab.say("what the build needs, as its .drv says (inputs: other .drv files and sources):");
            show(lab, r.drvReferences());
            lab.say("what the output needs at run time, as Nix recorded it when the build ended:");
            show(lab, r.outReferences());
            lab.say("how Nix knew: it looked in the output for the hash part of every path in its inputs' closures and of its own outputs; this step looks for its direct inputs':");
            for (ClosureStep.Scan s : r.scans()) {
                lab.print("  " + s.input().hashPart() + " (" + s.input().name() + "): "
                        + s.foundAt().map(f -> "found in " + f).orElse("not in the output"));
            }
            lab.say("the build's closure: the .drv files and sources it needs, and with --include-outputs the outputs of those .drv files that are in the store now:");
            show(lab, r.buildClosure());
            lab.say("the runtime closure: what a copy of the output to another machine must bring:");
            show(lab, r.runtimeClosure());
            lab.say("and what CPython itself refers to:");
            show(lab, r.pythonReferences());
            if (r.pythonReferences().lines().stream().allMatch(l -> l.equals(r.pythonReferences().command().get(r.pythonReferences().command().size() - 1)))) {
                lab.say("CPython refers to no store path other than (at most) itself: the libraries it links are outside the store, and no closure brings them");
            }
            r.sourceTarball().ifPresentOrElse(
                    s -> lab.print("CPython's source tarball " + s + " is in the build's closure, not the runtime one: it was needed to build, not to run"),
                    () -> lab.print("CPython's source tarball is in neither closure as this workspace recorded it"));
            show(lab, r.tree());
            for (ClosureStep.Query q : r.nixCommand()) show(lab, q);
            return lab.done(r.runtimeClosure().lines().size() + " paths at run time, " + r.buildClosure().lines().size() + " to build");
        }
    }

    private static void show(Lab lab, ClosureStep.Query q) {
        lab.command(q.command());
        for (String l : q.lines()) lab.print(l);
    }
}
