package nixpylab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two builds of one derivation compared in full: every differing path with the classes of
 * difference its bytes show ({@link DifferenceClassifier}), and how many paths show each class.
 * A path that differs in something other than its contents (present in one build only, another
 * type, mode or link target) is {@link DifferenceClass#UNEXPLAINED}: the bytes say nothing of why.
 */
public record DifferenceSummary(List<Classified> differences, Map<DifferenceClass, Integer> counts) {
    /** One differing path and what its bytes show. */
    public record Classified(TreeDiff.Difference difference, Set<DifferenceClass> classes) {}

    public DifferenceSummary {
        differences = List.copyOf(differences);
        counts = Map.copyOf(counts);
    }

    public boolean identical() {
        return differences.isEmpty();
    }

    /** Compares the trees a and b (an output and nix-build --check's copy of it) and classifies every differing path. */
    public static DifferenceSummary compare(Path a, Path b) {
        List<Classified> out = new ArrayList<>();
        Map<DifferenceClass, Integer> counts = new EnumMap<>(DifferenceClass.class);
        for (TreeDiff.Difference d : TreeDiff.compare(a, b, Integer.MAX_VALUE).differences()) {
            Set<DifferenceClass> classes = classes(a, b, d);
            for (DifferenceClass c : classes) counts.merge(c, 1, Integer::sum);
            out.add(new Classified(d, classes));
        }
        return new DifferenceSummary(out, counts);
    }

    private static Set<DifferenceClass> classes(Path a, Path b, TreeDiff.Difference d) {
        if (d.kind() != TreeDiff.Kind.CONTENTS) return EnumSet.of(DifferenceClass.UNEXPLAINED);
        try {
            Set<DifferenceClass> c = DifferenceClassifier.classify(d.path(), Files.readAllBytes(a.resolve(d.path())), Files.readAllBytes(b.resolve(d.path())));
            return c.isEmpty() ? EnumSet.of(DifferenceClass.UNEXPLAINED) : c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
