package nixpylab;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells why two builds of one file differ ({@link DifferenceClass}), from the bytes alone: a
 * .pyc's header fields (importlib's layout: magic, flags, then the source's time and size or its
 * hash) and marshalled body, an ar archive's member headers and members, and for any other file
 * each run of differing bytes, read as the text around it (a date or a time, a build folder).
 * What none of these explains is {@link DifferenceClass#UNEXPLAINED}.
 */
public final class DifferenceClassifier {
    private static final byte[] AR_MAGIC = "!<arch>\n".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern TIME = Pattern.compile("\\b[0-2]\\d:[0-5]\\d:[0-5]\\d\\b");
    private static final Pattern DATE = Pattern.compile("\\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ 0-3]\\d \\d{4}\\b");
    private static final Pattern BUILD_DIR = Pattern.compile("nix-build-[^/\\s\\x00]+\\.drv-\\d+|/build/[^/\\s\\x00]+");
    private static final Pattern CONFIGURE_FOUND = Pattern.compile("(?<![A-Z0-9_])(HAVE_[A-Z0-9_]+|MODULE_[A-Z0-9_]+_(STATE|CFLAGS|LDFLAGS))\\b|^#?_?[a-z][\\w.]* \\S+\\.c\\b");
    /** An ELF note's header for a GNU build-id: name size 4, description size 20, type 3 (NT_GNU_BUILD_ID), then "GNU\\0". */
    private static final byte[] BUILD_ID_NOTE = {4, 0, 0, 0, 20, 0, 0, 0, 3, 0, 0, 0, 'G', 'N', 'U', 0};
    private static final int AROUND = 48;

    private DifferenceClassifier() {}

    public static Set<DifferenceClass> classify(String path, byte[] a, byte[] b) {
        Set<DifferenceClass> out = EnumSet.noneOf(DifferenceClass.class);
        if (Arrays.equals(a, b)) return out;
        if (path.endsWith(".pyc") && a.length >= 16 && b.length >= 16 && Arrays.equals(a, 0, 4, b, 0, 4)) pyc(a, b, out);
        else if (startsWith(a, AR_MAGIC) && startsWith(b, AR_MAGIC)) archive(a, b, out);
        else bytes(a, b, out);
        return out;
    }

    /** importlib's .pyc: bytes 4-7 the flags (0: timestamp; bit 0: hash, bit 1: check it), 8-15 the source's time and size, or its hash. */
    private static void pyc(byte[] a, byte[] b, Set<DifferenceClass> out) {
        if (!Arrays.equals(a, 4, 8, b, 4, 8)) out.add(DifferenceClass.PYC_INVALIDATION);
        else if (a[4] == 0 && a[5] == 0 && a[6] == 0 && a[7] == 0) {
            if (!Arrays.equals(a, 8, 12, b, 8, 12)) out.add(DifferenceClass.PYC_TIMESTAMP);
            if (!Arrays.equals(a, 12, 16, b, 12, 16)) out.add(DifferenceClass.UNEXPLAINED); // the sources' sizes differ
        } else if (!Arrays.equals(a, 8, 16, b, 8, 16)) {
            out.add(DifferenceClass.PYC_HASH); // the sources' hashes differ
        }
        byte[] x = Arrays.copyOfRange(a, 16, a.length), y = Arrays.copyOfRange(b, 16, b.length);
        if (Arrays.equals(x, y)) return;
        Set<DifferenceClass> inText = EnumSet.noneOf(DifferenceClass.class);
        bytes(x, y, inText);
        if (!inText.contains(DifferenceClass.UNEXPLAINED)) {
            out.addAll(inText);
            return;
        }
        out.add(onlyHowMarshalHeldThem(x, y) ? DifferenceClass.PYC_REFERENCES : DifferenceClass.PYC_CODE);
    }

    /** marshal's string types, each without and with "interned" (Python/marshal.c): 'a'/'A', 'z'/'Z', 'u'/'t'. */
    private static final String STRING_TYPES = "aAzZut";

    /**
     * The only differences, byte for byte, are on type bytes, as the writing process held the
     * object: FLAG_REF (0x80) on an object it may refer back to, which marshal sets by the object's
     * reference count, and a string's type with or without "interned".
     */
    static boolean onlyHowMarshalHeldThem(byte[] x, byte[] y) {
        if (x.length != y.length) return false;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == y[i] || (x[i] ^ y[i]) == (byte) 0x80) continue;
            int tx = STRING_TYPES.indexOf(x[i] & 0x7f), ty = STRING_TYPES.indexOf(y[i] & 0x7f);
            if (tx < 0 || ty < 0 || tx / 2 != ty / 2) return false;
        }
        return true;
    }

    /** ar: "!<arch>\n", then per member a 60-byte header (name 16, date 12, owner 6, group 6, mode 8, size 10, "`\n") and its bytes, padded to even. */
    private static void archive(byte[] a, byte[] b, Set<DifferenceClass> out) {
        List<int[]> ma = members(a), mb = members(b);
        if (ma == null || mb == null || ma.size() != mb.size()) {
            out.add(DifferenceClass.UNEXPLAINED);
            return;
        }
        for (int i = 0; i < ma.size(); i++) {
            int ha = ma.get(i)[0], hb = mb.get(i)[0];
            if (!Arrays.equals(a, ha, ha + 16, b, hb, hb + 16)) {
                out.add(DifferenceClass.UNEXPLAINED); // other members, or in another order
                return;
            }
            if (!Arrays.equals(a, ha + 16, ha + 48, b, hb + 16, hb + 48)) out.add(DifferenceClass.ARCHIVE_HEADERS);
            byte[] x = Arrays.copyOfRange(a, ha + 60, ha + 60 + ma.get(i)[1]), y = Arrays.copyOfRange(b, hb + 60, hb + 60 + mb.get(i)[1]);
            if (!Arrays.equals(x, y)) bytes(x, y, out);
        }
    }

    /** Each member's header offset and size; null when the archive does not parse. */
    static List<int[]> members(byte[] ar) {
        List<int[]> out = new ArrayList<>();
        int at = AR_MAGIC.length;
        while (at + 60 <= ar.length) {
            if (ar[at + 58] != '`' || ar[at + 59] != '\n') return null;
            int size;
            try {
                size = Integer.parseInt(new String(ar, at + 48, 10, StandardCharsets.US_ASCII).strip());
            } catch (NumberFormatException e) {
                return null;
            }
            if (size < 0 || at + 60L + size > ar.length) return null;
            out.add(new int[] {at, size});
            at += 60 + size + (size % 2);
        }
        return at == ar.length ? out : null;
    }

    /** Any file: each run of differing bytes (of equal lengths), or each differing line of text, read with what is around it. */
    private static void bytes(byte[] a, byte[] b, Set<DifferenceClass> out) {
        if (text(a) && text(b)) {
            lines(new String(a, StandardCharsets.UTF_8), new String(b, StandardCharsets.UTF_8), out);
            return;
        }
        if (a.length != b.length) {
            // nothing lines up: the printable strings of both, as diffoscope's strings(1) view reads them
            lines(strings(a), strings(b), out);
            return;
        }
        int i = 0;
        while (i < a.length) {
            if (a[i] == b[i]) {
                i++;
                continue;
            }
            int end = i;
            for (int gap = 0; end < a.length && gap < 8; end++) gap = a[end] == b[end] ? gap + 1 : 0;
            out.add(inBuildId(a, b, i, end) ? DifferenceClass.BUILD_ID : explain(around(a, i, end), around(b, i, end), i - Math.max(0, i - AROUND), end - i));
            i = end;
        }
    }

    private static void lines(String a, String b, Set<DifferenceClass> out) {
        List<String> la = a.lines().toList(), lb = b.lines().toList();
        List<String> onlyA = new ArrayList<>(la), onlyB = new ArrayList<>(lb);
        onlyA.removeAll(lb);
        onlyB.removeAll(la);
        if (onlyA.isEmpty() && onlyB.isEmpty() && !la.equals(lb)) {
            // the same lines: in another order, or (unexplained) one of them written more times in one build
            out.add(la.stream().sorted().toList().equals(lb.stream().sorted().toList()) ? DifferenceClass.ENTRY_ORDER : DifferenceClass.UNEXPLAINED);
            return;
        }
        for (int k = 0; k < Math.max(onlyA.size(), onlyB.size()); k++) {
            String x = k < onlyA.size() ? onlyA.get(k) : "", y = k < onlyB.size() ? onlyB.get(k) : "";
            out.add(explain(x, y, 0, Math.max(x.length(), y.length())));
        }
    }

    /** A run read as text: a time or a date where it differs in both builds, else a build folder, else a finding of configure's, else nothing known. */
    static DifferenceClass explain(String x, String y, int from, int length) {
        if (covers(TIME, x, y, from, length) || covers(DATE, x, y, from, length)) return DifferenceClass.BUILD_TIME;
        if (BUILD_DIR.matcher(x).find() || BUILD_DIR.matcher(y).find()) return DifferenceClass.BUILD_PATH;
        if (CONFIGURE_FOUND.matcher(x.strip()).find() || CONFIGURE_FOUND.matcher(y.strip()).find()) return DifferenceClass.HOST_FOUND;
        return DifferenceClass.UNEXPLAINED;
    }

    /** True when the differing bytes from..to lie in the 20 bytes of a GNU build-id note. */
    static boolean inBuildId(byte[] x, byte[] y, int from, int to) {
        int last = to - 1;
        while (last > from && x[last] == y[last]) last--;
        for (int s = Math.max(0, from - BUILD_ID_NOTE.length - 19); s <= from - BUILD_ID_NOTE.length; s++) {
            if (Arrays.equals(x, s, s + BUILD_ID_NOTE.length, BUILD_ID_NOTE, 0, BUILD_ID_NOTE.length)) return last < s + BUILD_ID_NOTE.length + 20;
        }
        return false;
    }

    private static boolean covers(Pattern p, String x, String y, int from, int length) {
        return overlaps(p.matcher(x), from, length) && overlaps(p.matcher(y), from, length);
    }

    private static boolean overlaps(Matcher m, int from, int length) {
        while (m.find()) {
            if (m.start() <= from + Math.max(0, length - 1) && m.end() > from) return true;
        }
        return false;
    }

    /** The runs of four or more printable characters, one per line. */
    static String strings(byte[] x) {
        StringBuilder out = new StringBuilder(), run = new StringBuilder();
        for (byte c : x) {
            if (c >= 0x20 && c < 0x7f) {
                run.append((char) c);
                continue;
            }
            if (run.length() >= 4) out.append(run).append('\n');
            run.setLength(0);
        }
        if (run.length() >= 4) out.append(run).append('\n');
        return out.toString();
    }

    private static String around(byte[] x, int from, int to) {
        int s = Math.max(0, from - AROUND), e = Math.min(x.length, to + AROUND);
        return new String(x, s, e - s, StandardCharsets.ISO_8859_1);
    }

    private static boolean text(byte[] x) {
        return !TreeDiff.binary(x);
    }

    private static boolean startsWith(byte[] x, byte[] prefix) {
        return x.length >= prefix.length && Arrays.equals(x, 0, prefix.length, prefix, 0, prefix.length);
    }
}
