///usr/bin/env jbang "$0" "$@" ; exit $?
//SOURCES nixpylab/Toolkit.java

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import nixpylab.BuildTimes;
import nixpylab.DifferenceClass;
import nixpylab.DifferenceSummary;
import nixpylab.DiffoscopeView;
import nixpylab.TreeDiff;
import nixpylab.UserError;
import nixpylab.derivation.RepeatableBuild;
import nixpylab.derivation.RepeatableFix;
import nixpylab.nix.NixExit;
import nixpylab.nix.VariedBuild;
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
        description = "Builds the derivation again with nix-build --check and says whether the output is bit for bit the same, and if not, what differs and why, as far as the bytes show it; --fix writes the fixes into the derivation.",
        exitCodeList = {"0:The second build is bit for bit the same.", ExitCodes.USER_ERROR, ExitCodes.NOT_DETERMINISTIC})
public class Repeatable implements Callable<Integer> {
    @Mixin
    LabOptions options;

    @Option(names = "--limit", description = "List at most this many differing paths, after the count of each class over all of them (default: ${DEFAULT-VALUE}).", defaultValue = "20")
    int limit;

    @Option(names = "--vary", description = "Build the second time in another build folder and with the entries of the folders in it listed in a new order (disorderfs), as reprotest does, where this Nix lets nix-build choose them; says which variations it tried and why it could not try the others.")
    boolean vary;

    @Option(names = "--fix", arity = "0..1", split = ",", paramLabel = "CLASS", fallbackValue = ALL,
            description = "Write the fixes for the differences this step explains into the derivation, each under a comment naming its class, and stop: build it with Build, then run Repeatable again. With a class (as this step names it, - for a space: build-time, byte-code-contents, build-path, build-id, byte-code-hash), only the fix for that class, so that the next check shows what it changed.")
    List<String> fix;

    static final String ALL = "all";

    public static void main(String[] args) {
        System.exit(Cli.execute(new Repeatable(), args));
    }

    @Override
    public Integer call() {
        try (Lab lab = Lab.open(options, Step.REPEATABLE)) {
            if (fix != null) return fix(lab, fixes(fix));
            RepeatableStep.Outcome r;
            try (BuildClock clock = new BuildClock(lab.err, BuildTimes.standard())) {
                r = RepeatableStep.run(lab.workspace(), lab.nix(), vary, options.buildTimeout(), clock::progress);
            }
            lab.command(r.command());
            if (vary) variations(lab, r.variations());
            lab.say("built again in " + Lab.clock(r.elapsed()) + " and compared with " + r.out());
            if (r instanceof RepeatableStep.Repeatable) {
                lab.print("repeatable: the second build is bit for bit the same");
                return lab.done("repeatable");
            }
            RepeatableStep.Differs d = (RepeatableStep.Differs) r;
            List<DifferenceSummary.Classified> all = d.summary().differences();
            lab.say("  " + d.nixSays());
            lab.print("not repeatable: " + all.size() + (all.size() == 1 ? " differing path" : " differing paths"));
            lab.print("why, as the bytes show it (a path may show more than one):");
            d.summary().counts().entrySet().stream().sorted(Map.Entry.<DifferenceClass, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> lab.print(String.format("  %5d  %-21s %s", e.getValue(), e.getKey().label(), e.getKey().mechanism())));
            lab.print("the first " + Math.min(limit, all.size()) + ":");
            for (DifferenceSummary.Classified c : all.subList(0, Math.min(limit, all.size()))) {
                TreeDiff.Difference x = c.difference();
                lab.print(String.format("  %-15s %-21s %s%s", x.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), labels(c.classes()), x.path(), x.firstLine().isEmpty() ? "" : "\n      " + x.firstLine()));
            }
            diffoscope(lab, d.diffoscope());
            lab.say("(the second result " + d.checkCopy() + " and its build directory were removed after the comparison)");
            return lab.exit(NixExit.NOT_DETERMINISTIC, "not repeatable: " + all.size() + (all.size() == 1 ? " path differs" : " paths differ"));
        }
    }

    private int fix(Lab lab, Set<RepeatableFix> asked) {
        RepeatableStep.Fixed f = RepeatableStep.fix(lab.workspace(), lab.nix(), asked);
        boolean all = asked.equals(RepeatableFix.all());
        // asked for by name, a fix this profile has no text for is said; --fix alone writes what the profile has, as the chapter says
        if (!all) f.unneeded().forEach(u -> lab.print(lab.workspace().state().profile().orElseThrow().id() + " profile: no fix for " + u.typed() + " (" + RepeatableBuild.whyUnneeded(u) + ")"));
        if (!f.changed() && f.already().isEmpty()) {
            lab.print(f.fileName() + ": nothing written");
            return lab.done("nothing to write for this profile");
        }
        if (!f.changed()) {
            lab.print(f.fileName() + " has " + (all ? "the fixes" : "the fix for " + names(f.already())) + " already: nothing written");
            return lab.done(all ? "the fixes were there already" : "the fix was there already");
        }
        if (!all) lab.say("the fix for " + names(f.wrote()) + " (" + f.wrote().stream().flatMap(x -> x.classes().stream()).map(DifferenceClass::label).collect(Collectors.joining(", ")) + ")");
        lab.say("wrote " + f.added().size() + " lines into " + f.fileName() + ":");
        String.join("\n", f.added()).stripIndent().lines().forEach(l -> lab.print("  " + l));
        lab.say("store derivation: " + f.drvBefore() + " -> " + f.drvAfter());
        lab.say("next: build it with ./jbang scripts/Build.java, then check it with ./jbang scripts/Repeatable.java");
        return lab.done(all ? "the fixes are in " + f.fileName() : "the fix for " + names(f.wrote()) + " is in " + f.fileName());
    }

    /** The fixes --fix names: all of them, or one per class named. */
    static Set<RepeatableFix> fixes(List<String> named) {
        if (named.contains(ALL)) return RepeatableFix.all();
        Set<RepeatableFix> out = EnumSet.noneOf(RepeatableFix.class);
        for (String n : named) {
            out.add(RepeatableFix.forClass(n).orElseThrow(() -> new UserError("--fix " + n + ": Repeatable has no fix for a class of that name.",
                    "Name one of the classes it prints: " + RepeatableFix.names() + "; or give --fix alone for all of them.")));
        }
        return out;
    }

    private static String names(Set<RepeatableFix> fixes) {
        return fixes.stream().map(RepeatableFix::typed).collect(Collectors.joining(", "));
    }

    private static void diffoscope(Lab lab, Optional<List<DiffoscopeView.View>> views) {
        if (views.isEmpty()) {
            lab.say(DiffoscopeView.MISSING);
            return;
        }
        lab.print("diffoscope's view of one file of each kind (diffoscope --text; its sections, and the lines each removed and added):");
        for (DiffoscopeView.View v : views.get()) {
            lab.print(String.format("  %-21s %s", labels(v.classes()), v.path()));
            v.failed().ifPresent(f -> lab.print("      " + f));
            v.notes().forEach(n -> lab.print("      note: " + n));
            v.sections().stream().filter(x -> x.removed() + x.added() > 0)
                    .forEach(x -> lab.print("      " + x.heading() + ": -" + x.removed() + " +" + x.added()));
        }
    }

    private static void variations(Lab lab, List<VariedBuild.Tried> tried) {
        lab.print("varied on purpose, as reprotest does:");
        tried.forEach(t -> lab.print(String.format("  %-13s %s", t.variation().label(), t.how())));
        if (tried.stream().noneMatch(VariedBuild.Tried::varied)) lab.print("nothing could be varied here: this was a plain second build");
    }

    static String labels(Set<DifferenceClass> classes) {
        return classes.stream().map(DifferenceClass::label).collect(Collectors.joining(", "));
    }
}
