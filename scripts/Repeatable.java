///usr/bin/env jbang "$0" "$@" ; exit $?
//SOURCES nixpylab/Toolkit.java

import java.util.Locale;
import java.util.concurrent.Callable;
import nixpylab.BuildTimes;
import nixpylab.TreeDiff;
import nixpylab.nix.NixExit;
import nixpylab.steps.RepeatableStep;
import nixpylab.steps.Step;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import terminal.BuildClock;
import terminal.Cli;
import terminal.ExitCodes;
import terminal.Lab;
import terminal.LabOptions;

@Command(name = "Repeatable", mixinStandardHelpOptions = true, version = Cli.VERSION,
        description = "Builds the derivation again with nix-build --check and says whether the output is bit for bit the same, and if not, what differs.",
        exitCodeList = {"0:The second build is bit for bit the same.", ExitCodes.USER_ERROR, ExitCodes.NOT_DETERMINISTIC})
public class Repeatable implements Callable<Integer> {
    @Mixin
    LabOptions options;

    @Option(names = "--limit", description = "Show at most this many differing paths (default: ${DEFAULT-VALUE}).", defaultValue = "20")
    int limit;

    public static void main(String[] args) {
        System.exit(Cli.execute(new Repeatable(), args));
    }

    @Override
    public Integer call() {
        try (Lab lab = Lab.open(options, Step.REPEATABLE)) {
            RepeatableStep.Outcome r;
            try (BuildClock clock = new BuildClock(lab.err, BuildTimes.standard())) {
                r = RepeatableStep.run(lab.workspace(), lab.nix(), options.buildTimeout(), limit, clock::progress);
            }
            lab.command(r.command());
            lab.say("built again in " + Lab.clock(r.elapsed()) + " and compared with " + r.out());
            if (r instanceof RepeatableStep.Repeatable) {
                lab.print("repeatable: the second build is bit for bit the same");
                return lab.done("repeatable");
            }
            RepeatableStep.Differs d = (RepeatableStep.Differs) r;
            int n = d.diff().differences().size();
            lab.say("  " + d.nixSays());
            lab.print("not repeatable: " + n + (n >= limit ? "+" : "") + " differing paths (first " + limit + " shown)");
            for (TreeDiff.Difference x : d.diff().differences()) {
                lab.print(String.format("  %-15s %s%s", x.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), x.path(), x.firstLine().isEmpty() ? "" : "\n      " + x.firstLine()));
            }
            lab.say("(the second result " + d.checkCopy() + " and its build directory were removed after the comparison)");
            return lab.exit(NixExit.NOT_DETERMINISTIC, "not repeatable: " + n + (n >= limit ? "+" : "") + " paths differ");
        }
    }
}
