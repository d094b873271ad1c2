package nixpylab;

import java.util.ArrayList;
import java.util.List;

/** A unified diff of two small texts, line by line (longest common subsequence), with a few lines of context around each change. */
public final class LineDiff {
    private LineDiff() {}

    /** "-" removed, "+" added, " " context; "@@" between hunks that are apart; empty when the texts are the same. */
    public static List<String> unified(String before, String after, int context) {
        String[] a = before.split("\n", -1), b = after.split("\n", -1);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
        }
        List<String> all = new ArrayList<>();
        int i = 0, j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                all.add(" " + a[i++]);
                j++;
            } else if (j < b.length && (i == a.length || lcs[i][j + 1] > lcs[i + 1][j])) {
                all.add("+" + b[j++]);
            } else {
                all.add("-" + a[i++]);
            }
        }
        List<String> out = new ArrayList<>();
        int lastShown = -1;
        for (int k = 0; k < all.size(); k++) {
            if (all.get(k).startsWith(" ")) continue;
            int from = Math.max(k - context, lastShown + 1);
            if (lastShown >= 0 && from > lastShown + 1) out.add("@@");
            for (int m = from; m <= k; m++) out.add(all.get(m));
            lastShown = k;
            for (int m = k + 1; m < all.size() && m <= k + context && all.get(m).startsWith(" "); m++) {
                out.add(all.get(m));
                lastShown = m;
            }
        }
        return out;
    }
}
