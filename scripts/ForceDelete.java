///usr/bin/env jbang "$0" "$@" ; exit $?
//SOURCES nixpylab/Toolkit.java

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import nixpylab.nix.StorePath;
import nixpylab.steps.ForceDeleteStep;
import nixpylab.steps.Step;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import terminal.ByHandOption;
import terminal.Cli;
import terminal.ExitCodes;
import terminal.Lab;
import terminal.LabOptions;

@Command(name = "ForceDelete", mixinStandardHelpOptions = true, version = Cli.VERSION,
        description = "Step 5: delete this workspace's builds although they are alive (--ignore-liveness), and the links left dangling.",
        exitCodeList = {ExitCodes.OK, ExitCodes.KEPT, ExitCodes.NOT_YET})
public class ForceDelete implements Callable<Integer> {
    @Mixin
    LabOptions options;

    @Mixin
    ByHandOption hand;

    @Option(names = "--dry-run", description = "Only list what would be deleted.")
    boolean dryRun;

    public static void main(String[] args) {
        System.exit(Cli.execute(new ForceDelete(), args));
    }

    @Override
    public Integer call() {
        try (Lab lab = Lab.open(options, Step.FORCE_DELETE)) {
            if (hand.byHand) {
                ForceDeleteStep.HandDelete h = ForceDeleteStep.handTask(lab.workspace(), lab.nix());
                return lab.byHand(h.task(), () -> ForceDeleteStep.checkHand(lab.workspace(), lab.nix(), h), "your delete, by hand");
            }
            List<StorePath> candidates = ForceDeleteStep.candidates(lab.workspace(), lab.nix());
            if (candidates.isEmpty()) {
                lab.say("found: nothing to delete: no build of this workspace is in the store any more");
                for (StorePath f : lab.workspace().state().foreign()) {
                    lab.say("  not touching " + f + ": it was in the store before this workspace built it (another workspace or user made it)");
                }
            } else {
                lab.say("will delete " + candidates.size() + " store path(s) this workspace built (only paths named " + ForceDeleteStep.NAMES + "):");
                for (StorePath p : candidates) lab.say("  " + p);
            }
            if (dryRun) {
                lab.say("--dry-run: nothing deleted");
                return lab.done("would delete " + candidates.size());
            }
            ForceDeleteStep.Outcome r = ForceDeleteStep.run(lab.workspace(), lab.nix(), candidates, false);
            int kept = 0;
            for (ForceDeleteStep.Deletion d : r.deletions()) {
                if (d instanceof ForceDeleteStep.Deleted x) {
                    lab.command(x.plainCommand());
                    if (x.refusal() != null) {
                        lab.say("  " + x.refusal());
                        lab.say("  refused: the path is alive (a GC root, here the result link, reaches it); forcing it:");
                    }
                    if (x.forced() instanceof ForceDeleteStep.IgnoringLiveness i) {
                        lab.command(i.command());
                    } else if (x.forced() instanceof ForceDeleteStep.Unrooting u) {
                        lab.command(u.refusedCommand());
                        lab.say("  " + u.daemonSays());
                        lab.say("  refused too: through the Nix daemon nobody may ignore liveness; the safe way instead is to remove the roots, which are this workspace's own:");
                        for (Path l : u.removedRoots()) lab.say("$ rm " + lab.path(l));
                        lab.command(u.command());
                    }
                    lab.say("  " + x.freed());
                    lab.print("deleted " + x.path());
                } else if (d instanceof ForceDeleteStep.Kept k) {
                    kept++;
                    lab.command(k.command());
                    lab.say("  still there: " + Cli.relative(k.reason()));
                }
            }
            for (Path l : r.removedLinks()) lab.say("removed the dangling link " + lab.path(l));
            if (!r.removedLinks().isEmpty()) lab.say("(its registration in /nix/var/nix/gcroots/auto now dangles too; Nix drops it at the next garbage collection)");
            String said = candidates.isEmpty() ? "nothing of this workspace's to delete" : "deleted " + (r.deletions().size() - kept) + (kept > 0 ? ", kept " + kept : "");
            return lab.exit(kept == 0 ? 0 : 1, said);
        }
    }
}
