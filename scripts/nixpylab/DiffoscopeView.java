package nixpylab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reproducible Builds' diffoscope on one differing file of each set of classes: the parts of the
 * file it compares (its sections, such as "readelf --wide --notes" or "Python bytecode"), how many
 * lines differ in each, and the notes it adds. Only the shape of its report is kept, not the
 * differing values, so two runs of the same comparison read the same. Where diffoscope is not
 * installed there is no view, and the reason says how to get it.
 */
public final class DiffoscopeView {
    /** One section of diffoscope's report: its heading and the lines it removed and added. */
    public record Section(String heading, int removed, int added) {}

    /** diffoscope's view of one file: what classes the toolkit found in it, the sections, diffoscope's notes (│┄ lines). */
    public record View(String path, Set<DifferenceClass> classes, List<Section> sections, List<String> notes, Optional<String> failed) {}

    public static final String MISSING = "diffoscope is not installed, so there is no second opinion: as root, apt-get install diffoscope-minimal (or diffoscope, with every tool it can use); the classes above are the toolkit's own reading of the bytes";
    private static final Pattern HEADING = Pattern.compile("^[│ ]*├── (.+)$");
    private static final Pattern NOTE = Pattern.compile("^[│ ]*│┄ (.+)$");
    private static final Pattern CHANGED = Pattern.compile("^(?:│ )+([-+])(?![-+]{2} )");
    private static final Duration EACH = Duration.ofMinutes(3);

    private DiffoscopeView() {}

    public static boolean installed() {
        return SearchPath.onPath("diffoscope");
    }

    /** For the first file of each distinct set of classes (at most max files): diffoscope's view of it in the trees a and b. */
    public static List<View> ofEachClass(DifferenceSummary summary, Path a, Path b, int max) {
        Map<Set<DifferenceClass>, DifferenceSummary.Classified> first = new LinkedHashMap<>();
        for (DifferenceSummary.Classified c : summary.differences()) {
            if (c.difference().kind() == TreeDiff.Kind.CONTENTS) first.putIfAbsent(c.classes(), c);
        }
        List<View> out = new ArrayList<>();
        for (DifferenceSummary.Classified c : first.values()) {
            if (out.size() == max) break;
            String p = c.difference().path();
            out.add(view(p, c.classes(), a.resolve(p), b.resolve(p)));
        }
        return out;
    }

    static View view(String path, Set<DifferenceClass> classes, Path a, Path b) {
        // objdump's disassembly of a whole interpreter takes minutes and adds nothing the other sections miss
        Proc.Result r = Proc.of("diffoscope", "--text", "-", "--exclude-command", "^objdump", "--timeout", "120", a.toString(), b.toString())
                .timeout(EACH).run();
        if (r.timedOut()) return new View(path, classes, List.of(), List.of(), Optional.of("diffoscope did not finish within " + EACH.toMinutes() + " minutes"));
        // exit 1: the files differ, which is what it was asked about
        if (r.exitCode() != 1) return new View(path, classes, List.of(), List.of(), Optional.of("diffoscope failed (exit " + r.exitCode() + "): " + r.stderr().strip().lines().reduce((x, y) -> y).orElse("")));
        return parse(path, classes, r.stdout());
    }

    /** Reads diffoscope's --text report into its sections and notes. */
    static View parse(String path, Set<DifferenceClass> classes, String report) {
        List<Section> sections = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        // a section inside another (a member of an archive, then a tool's view of it) is named after both
        List<String> within = new ArrayList<>();
        String heading = null;
        int removed = 0, added = 0;
        for (String line : report.lines().toList()) {
            Matcher h = HEADING.matcher(line), n = NOTE.matcher(line), c = CHANGED.matcher(line);
            if (h.matches()) {
                if (heading != null) sections.add(new Section(heading, removed, added));
                int depth = line.indexOf("├──") / 2;
                while (within.size() > depth) within.remove(within.size() - 1);
                within.add(h.group(1).strip());
                heading = String.join(" › ", within);
                removed = 0;
                added = 0;
            } else if (n.matches()) {
                notes.add(n.group(1).strip());
            } else if (heading != null && c.find()) {
                if (c.group(1).equals("-")) removed++;
                else added++;
            }
        }
        if (heading != null) sections.add(new Section(heading, removed, added));
        return new View(path, classes, sections, notes, Optional.empty());
    }
}
