package nixpylab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What differs between two builds of one derivation (the output and nix-build --check's copy):
 * the paths whose type, executable bit, symlink target or contents differ, in sorted order, with
 * the first differing line for text files.
 */
public final class TreeDiff {
    public enum Kind { ONLY_IN_FIRST, ONLY_IN_SECOND, TYPE, EXECUTABLE, SYMLINK_TARGET, CONTENTS }

    /** firstLine: for text files, "line N: a | b"; else empty. */
    public record Difference(String path, Kind kind, String firstLine) {}

    public record Result(List<Difference> differences) {
        public boolean identical() {
            return differences.isEmpty();
        }
    }

    private TreeDiff() {}

    public static Result compare(Path a, Path b, int limit) {
        List<Difference> out = new ArrayList<>();
        walk(a, b, "", out, limit);
        return new Result(out);
    }

    private static void walk(Path a, Path b, String rel, List<Difference> out, int limit) {
        if (out.size() >= limit) return;
        boolean la = Files.isSymbolicLink(a), lb = Files.isSymbolicLink(b);
        boolean da = !la && Files.isDirectory(a), db = !lb && Files.isDirectory(b);
        String name = rel.isEmpty() ? "." : rel;
        try {
            if (la || lb) {
                if (la != lb) out.add(new Difference(name, Kind.TYPE, ""));
                else if (!Files.readSymbolicLink(a).equals(Files.readSymbolicLink(b))) out.add(new Difference(name, Kind.SYMLINK_TARGET, Files.readSymbolicLink(a) + " | " + Files.readSymbolicLink(b)));
                return;
            }
            if (da != db) {
                out.add(new Difference(name, Kind.TYPE, ""));
                return;
            }
            if (da) {
                TreeSet<String> names = new TreeSet<>();
                names.addAll(list(a));
                names.addAll(list(b));
                for (String n : names) {
                    Path ca = a.resolve(n), cb = b.resolve(n);
                    String r = rel.isEmpty() ? n : rel + "/" + n;
                    if (!Files.exists(ca, LinkOption.NOFOLLOW_LINKS)) out.add(new Difference(r, Kind.ONLY_IN_SECOND, ""));
                    else if (!Files.exists(cb, LinkOption.NOFOLLOW_LINKS)) out.add(new Difference(r, Kind.ONLY_IN_FIRST, ""));
                    else walk(ca, cb, r, out, limit);
                    if (out.size() >= limit) return;
                }
                return;
            }
            if (Files.isExecutable(a) != Files.isExecutable(b)) out.add(new Difference(name, Kind.EXECUTABLE, ""));
            if (Files.mismatch(a, b) != -1) out.add(new Difference(name, Kind.CONTENTS, firstDifferingLine(a, b)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> list(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    /** "line N: <first> | <second>" when both files are small UTF-8 text; empty otherwise. */
    static String firstDifferingLine(Path a, Path b) throws IOException {
        if (Files.size(a) > 4_000_000 || Files.size(b) > 4_000_000) return "";
        byte[] x = Files.readAllBytes(a), y = Files.readAllBytes(b);
        if (binary(x) || binary(y)) return "";
        String[] la = new String(x, StandardCharsets.UTF_8).split("\n", -1), lb = new String(y, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < Math.max(la.length, lb.length); i++) {
            String p = i < la.length ? la[i] : "(end of file)", q = i < lb.length ? lb[i] : "(end of file)";
            if (!p.equals(q)) return "line " + (i + 1) + ": " + cut(p) + " | " + cut(q);
        }
        return "";
    }

    /** A NUL in the first 8000 bytes, as diff(1) tells binary from text. */
    static boolean binary(byte[] b) {
        for (int i = 0; i < Math.min(b.length, 8000); i++) if (b[i] == 0) return true;
        return false;
    }

    private static String cut(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
