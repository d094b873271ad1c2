///usr/bin/env jbang "$0" "$@" ; exit $?
//SOURCES nixpylab/Toolkit.java

import java.util.Optional;
import java.util.concurrent.Callable;
import nixpylab.BuildTimes;
import nixpylab.nix.BuildError;
import nixpylab.room.Membership;
import nixpylab.steps.BuildStep;
import nixpylab.steps.Step;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import terminal.BuildClock;
import terminal.ByHandOption;
import terminal.Cli;
import terminal.ExitCodes;
import terminal.Lab;
import terminal.LabOptions;
import terminal.RoomView;

@Command(name = "Build", mixinStandardHelpOptions = true, version = Cli.VERSION,
        description = "Step 3: nix-build the derivation, following its phases; prints the store path.",
        exitCodeList = {ExitCodes.OK, ExitCodes.USER_ERROR, ExitCodes.BUILD_FAILED, ExitCodes.BUILD_TIMED_OUT, ExitCodes.NOT_YET})
public class Build implements Callable<Integer> {
    @Mixin
    LabOptions options;

    @Mixin
    ByHandOption hand;

    public static void main(String[] args) {
        System.exit(Cli.execute(new Build(), args));
    }

    @Override
    public Integer call() {
        try (Lab lab = Lab.open(options, Step.BUILD)) {
            if (hand.byHand) {
                return lab.byHand(BuildStep.handTask(lab.workspace(), lab.nix()), () -> BuildStep.checkHand(lab.workspace(), lab.nix()), "your nix-build, by hand");
            }
            BuildStep.Outcome r;
            try (BuildClock clock = new BuildClock(lab.err, BuildTimes.standard())) {
                boolean roomOnly = Membership.near(lab.workspace().dir()).map(Membership::require).orElse(false);
                r = BuildStep.run(lab.workspace(), roomOnly ? lab.nix().withoutLocalBuilds() : lab.nix(), options.buildTimeout(), clock::progress);
            }
            lab.command(r.command());
            lab.say("build log: " + lab.path(r.log()));
            Optional<Membership> room = Membership.near(lab.workspace().dir());
            if (room.isPresent()) RoomView.afterBuild(r, room.get(), lab::say);
            if (r instanceof BuildStep.Built b && b.copiedFrom().isPresent()) {
                lab.say("store derivation: " + b.drv());
                lab.say("result -> " + b.out());
                lab.print(b.out());
                return lab.done("copied from the workshop room's cache");
            }
            if (r instanceof BuildStep.Built b) {
                String said = b.alreadyInStore() ? "already in the store, nothing built" : "built in " + Lab.clock(b.elapsed());
                lab.say(b.alreadyInStore() ? "already in the store: nothing to build (" + b.elapsed().toMillis() + " ms)" : "built in " + Lab.clock(b.elapsed()));
                BuildStep.moduleReport(b).ifPresent(m -> {
                    lab.say("CPython's own report, at the end of the build log:");
                    lab.say("  built by the Makefile instead, as configured by the Setup files: " + (m.builtBySetup().isEmpty() ? "(none)" : String.join(" ", m.builtBySetup())));
                    lab.say("  the necessary bits to build these were not found: " + (m.notFound().isEmpty() ? "(none)" : String.join(" ", m.notFound())));
                });
                lab.say("store derivation: " + b.drv());
                lab.say("result -> " + b.out());
                lab.print(b.out());
                return lab.done(said);
            }
            BuildStep.Failed f = (BuildStep.Failed) r;
            lab.say("the build failed (exit code " + f.exitCode() + "); the last lines of its log:");
            for (String l : f.tail()) lab.say("  " + l);
            for (BuildError e : BuildError.parseAll(String.join("\n", f.tail()))) lab.say("in short: " + e.sentence());
            lab.say("the whole log: " + lab.path(f.log()) + ", or ask Nix: " + Cli.shown(f.logCommand()));
            return lab.exit(f.exitCode(), "the build failed");
        }
    }
}
