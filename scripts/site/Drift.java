package site;

import java.util.ArrayList;
import java.util.List;

/**
 * How a block's output now compares with its recorded transcript: the same, different only in
 * volatile parts (what {@link Redactions} replaces), or changed, with a diff of the normalised text.
 */
public sealed interface Drift permits Drift.Same, Drift.VolatileOnly, Drift.Changed {
    record Same() implements Drift {}

    /** parts: the rules that made the two alike (store-hash, duration, …). */
    record VolatileOnly(List<String> parts) implements Drift {}

    record Changed(String diff) implements Drift {}

    static Drift between(String recorded, String now, Redactions r) {
        if (recorded.equals(now)) return new Same();
        Redactions.Normalised a = r.apply(recorded);
        Redactions.Normalised b = r.apply(now);
        if (a.text().equals(b.text())) {
            // the rules that made the difference: without one of them, the two differ
            List<String> parts = new ArrayList<>();
            for (Redactions.Rule rule : r.rules()) {
                Redactions less = r.without(rule.name());
                if (!less.apply(recorded).text().equals(less.apply(now).text())) parts.add(rule.name());
            }
            return new VolatileOnly(parts);
        }
        return new Changed(diff(a.text(), b.text()));
    }

    /** A line diff ("- recorded", "+ now", "  same") of the lines around each difference (longest common subsequence). */
    static String diff(String a, String b) {
        String[] x = a.split("\n", -1), y = b.split("\n", -1);
        int[][] l = new int[x.length + 1][y.length + 1];
        for (int i = x.length - 1; i >= 0; i--)
            for (int j = y.length - 1; j >= 0; j--) l[i][j] = x[i].equals(y[j]) ? l[i + 1][j + 1] + 1 : Math.max(l[i + 1][j], l[i][j + 1]);
        List<String> out = new ArrayList<>();
        int i = 0, j = 0;
        while (i < x.length || j < y.length) {
            if (i < x.length && j < y.length && x[i].equals(y[j])) {
                out.add("  " + x[i]);
                i++;
                j++;
            } else if (j < y.length && (i == x.length || l[i][j + 1] >= l[i + 1][j])) {
                out.add("+ " + y[j++]);
            } else {
                out.add("- " + x[i++]);
            }
        }
        // only the differences with two lines of context
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < out.size(); k++) {
            boolean near = false;
            for (int d = Math.max(0, k - 2); d <= Math.min(out.size() - 1, k + 2); d++) near |= !out.get(d).startsWith("  ");
            if (near) sb.append(out.get(k)).append('\n');
            else if (sb.length() > 0 && !sb.toString().endsWith("…\n")) sb.append("…\n");
        }
        return sb.toString();
    }
}
