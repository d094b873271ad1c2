package workshop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nixpylab.Proc;
import nixpylab.TreeDiff;
import nixpylab.nix.StorePath;

/**
 * Exercise: two builds of the same file in a row give one output path. Evaluates, builds into
 * {@code result}, evaluates again; when the paths differ, compares the sources Nix copied.
 */
final class StablePathCheck implements Check {
    @Override
    public Verdict run(Attempt a) {
        String file = a.mainFile();
        StorePath drvBefore = a.derivation(file);
        StorePath before = a.nix().outputOf(drvBefore);
        Proc.Result build = a.nix(Duration.ofMinutes(10), "nix-build", "-o", "result", file);
        if (!build.ok()) throw a.fail("nix-build " + file + " failed: " + Attempt.errorOf(build));
        StorePath drvAfter = a.derivation(file);
        StorePath after = a.nix().outputOf(drvAfter);
        if (!before.equals(after)) {
            throw a.fail("Two builds of " + file + " in a row gave two output paths: " + before + " before the build, " + after
                    + " after it. " + whatChanged(a, drvBefore, drvAfter));
        }
        String wanted = a.exercise().settings().getProperty("output", "bin/hello.py");
        if (!Files.exists(Path.of(after.path(), wanted))) {
            throw a.fail("The output path is stable now (" + after + "), but the build no longer puts " + wanted + " into it.");
        }
        return a.pass("Two builds in a row gave one output path, " + after + ": nothing the build itself changes is part of its input any more.");
    }

    /** The input sources (not .drv files) of the two derivations that differ, and what differs inside them. */
    private static String whatChanged(Attempt a, StorePath drvA, StorePath drvB) {
        List<String> srcA = sources(a, drvA);
        List<String> srcB = sources(a, drvB);
        List<String> onlyA = new ArrayList<>(srcA);
        onlyA.removeAll(srcB);
        List<String> onlyB = new ArrayList<>(srcB);
        onlyB.removeAll(srcA);
        if (onlyA.size() == 1 && onlyB.size() == 1) {
            Path pa = Path.of(onlyA.get(0));
            Path pb = Path.of(onlyB.get(0));
            TreeDiff.Result d = TreeDiff.compare(pa, pb, 5);
            List<String> what = new ArrayList<>();
            for (TreeDiff.Difference x : d.differences()) what.add(describe(x));
            String s = "The source Nix copied into the store changed between them (" + pa.getFileName() + " became " + pb.getFileName() + "): " + String.join("; ", what) + ".";
            if (d.differences().stream().anyMatch(x -> x.path().equals("result") || x.path().startsWith("result/"))) {
                s += " The build's own result link is inside its source, so every build changes the input of the next one.";
            }
            return s;
        }
        return "Their input sources differ: " + String.join(", ", onlyA) + " before, " + String.join(", ", onlyB) + " after.";
    }

    private static String describe(TreeDiff.Difference x) {
        return switch (x.kind()) {
            case ONLY_IN_FIRST -> x.path() + " was there only before";
            case ONLY_IN_SECOND -> x.path() + " appeared";
            case SYMLINK_TARGET -> x.path() + " (a link) points somewhere else";
            case CONTENTS -> x.path() + " has other contents";
            case TYPE -> x.path() + " changed type";
            case EXECUTABLE -> x.path() + " changed its executable bit";
        };
    }

    private static List<String> sources(Attempt a, StorePath drv) {
        Proc.Result r = a.nix(Duration.ofMinutes(1), "nix-store", "-q", "--references", drv.path());
        List<String> l = new ArrayList<>();
        for (String s : r.stdout().split("\n")) if (!s.isBlank() && !s.endsWith(".drv")) l.add(s.strip());
        return l;
    }
}
