package site;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prose of an AsciiDoc file, sentence by sentence, as the claims ledger reads it: paragraphs,
 * list items, admonitions and table rows (a row is one sentence: its cells say one thing together),
 * without headings, attribute entries, block macros, listings, literal and comment blocks. A block
 * whose attribute line carries the role {@code toolkit} ({@code [.toolkit]}) says only what the
 * toolkit does; its sentences are marked so.
 */
public final class Prose {
    /** One sentence: the line it starts on (from 1), its text as written (marks included), and whether its block is marked toolkit. */
    public record Sentence(int line, String text, boolean toolkitBlock) {}

    static final String MARK = "how:\\w+\\[(?:\\\\.|[^\\]\\\\])*\\]";
    private static final Pattern SKIPPED_DELIMITER = Pattern.compile("-{4,}|\\.{4,}|/{4,}|\\+{4,}|```.*");
    private static final Pattern OPEN_DELIMITER = Pattern.compile("={4,}|\\*{4,}|_{4,}|--|\\+");
    private static final Pattern NOT_PROSE = Pattern.compile("=+ .*|:!?[\\w-]+!?:.*|\\.[^\\s.].*|[\\w-]+::\\S*\\[.*\\]|include::.*|//.*");
    private static final Pattern BLOCK_ATTRIBUTES = Pattern.compile("\\[.*\\]");
    private static final Pattern TOOLKIT_ROLE = Pattern.compile("\\[(?:[^\\]]*[,#])?\\.toolkit\\b.*\\]|\\[.*\\brole=\"?toolkit\"?.*\\]");
    private static final Pattern LIST_ITEM = Pattern.compile("(?:\\*+|\\.+|-)\\s+(.*)");
    private static final Pattern DLIST_ITEM = Pattern.compile("[^\\s:][^:]*?:{2,4}(?:\\s+(.*))?");
    private static final Pattern ADMONITION = Pattern.compile("(?:NOTE|TIP|WARNING|CAUTION|IMPORTANT):\\s+(.*)");
    private static final Pattern CELL_SEPARATOR = Pattern.compile("(?:^|\\s)(?:\\d*\\+|\\d*\\*)?[a-z]?\\|");
    /**
     * A sentence ends at . ! or ? (after closing quotes and brackets and the marks on it) before a
     * space and a new sentence's first character, and at a colon that ends a line.
     */
    private static final Pattern END = Pattern.compile("[.!?][)\"'*_]*(?:" + MARK + ")*(?=\\s+[A-Z0-9`\"(*_+<]|\\s*$)|:(?:" + MARK + ")*(?=[ \\t]*(?:\\n|$))");
    /** Where a full stop ends nothing: inside a code span, a mark's brackets, an abbreviation. */
    private static final Pattern CODE_OR_MARK = Pattern.compile("`[^`\n]*`|(how:\\w+\\[)((?:\\\\.|[^\\]\\\\])*)\\]");
    private static final Pattern ABBREVIATION = Pattern.compile("\\b(?:e\\.g|i\\.e|etc|vs)\\.");

    private Prose() {}

    public static List<Sentence> sentences(List<String> lines) {
        Reader r = new Reader();
        for (int n = 1; n <= lines.size(); n++) r.line(n, lines.get(n - 1).strip());
        r.flush();
        return r.out;
    }

    /** The reader's state, one line at a time. */
    private static final class Reader {
        final List<Sentence> out = new ArrayList<>();
        final StringBuilder unit = new StringBuilder();
        final List<int[]> unitLines = new ArrayList<>();
        String skipUntil;
        boolean inTable;
        boolean headerPending;
        boolean toolkitNext;
        boolean toolkit;

        void line(int n, String t) {
            if (skipUntil != null) {
                if (t.equals(skipUntil)) skipUntil = null;
                return;
            }
            if (SKIPPED_DELIMITER.matcher(t).matches()) {
                flush();
                skipUntil = t.startsWith("```") ? "```" : t;
                return;
            }
            if (t.equals("|===")) {
                flush();
                inTable = !inTable;
                toolkit = inTable && toolkitNext;
                toolkitNext = false;
                headerPending = inTable;
                return;
            }
            if (t.isEmpty()) {
                if (inTable && headerPending && unitLines.size() == 1) {
                    unit.setLength(0);
                    unitLines.clear();
                }
                flush();
                headerPending = false;
                if (!inTable) toolkit = false;
                return;
            }
            if (inTable) {
                add(n, t.startsWith("|") || CELL_SEPARATOR.matcher(t).lookingAt() ? CELL_SEPARATOR.matcher(t).replaceAll(" ").strip() : t);
                return;
            }
            if (t.startsWith("//") || OPEN_DELIMITER.matcher(t).matches()) {
                if (!t.startsWith("//")) flush();
                return;
            }
            if (unit.length() == 0 && BLOCK_ATTRIBUTES.matcher(t).matches()) {
                if (TOOLKIT_ROLE.matcher(t).matches()) toolkitNext = true;
                return;
            }
            if (unit.length() == 0 && NOT_PROSE.matcher(t).matches()) return;
            Matcher m;
            if ((m = LIST_ITEM.matcher(t)).matches()) {
                flush();
                t = m.group(1);
            } else if (unit.length() == 0 && (m = ADMONITION.matcher(t)).matches()) {
                t = m.group(1);
            } else if ((m = DLIST_ITEM.matcher(t)).matches()) {
                flush();
                if (m.group(1) == null) return;
                t = m.group(1);
            }
            if (unit.length() == 0) {
                toolkit = toolkit || toolkitNext;
                toolkitNext = false;
            }
            add(n, t);
        }

        void add(int n, String t) {
            if (unit.length() > 0) unit.append('\n');
            unitLines.add(new int[] {unit.length(), n});
            unit.append(t);
        }

        /** Splits one paragraph or list item into sentences; a table row stays whole. */
        void flush() {
            if (unit.length() == 0) return;
            String text = unit.toString();
            int start = 0;
            if (!inTable) {
                Matcher m = END.matcher(mask(text));
                while (m.find()) {
                    sentence(text.substring(start, m.end()), lineAt(start));
                    start = m.end();
                }
            }
            if (start < text.length()) sentence(text.substring(start), lineAt(start));
            unit.setLength(0);
            unitLines.clear();
        }

        void sentence(String text, int line) {
            String s = text.replace('\n', ' ').strip();
            if (!s.isEmpty()) out.add(new Sentence(line, s, toolkit));
        }

        int lineAt(int offset) {
            int line = unitLines.get(0)[1];
            for (int[] l : unitLines) if (l[0] <= offset + 1) line = l[1];
            return line;
        }
    }

    /** The text with the inside of every code span and mark, and abbreviations' full stops, made x: none of them ends a sentence. */
    static String mask(String text) {
        StringBuilder sb = new StringBuilder(text);
        Matcher m = CODE_OR_MARK.matcher(text);
        while (m.find()) {
            int from = m.group(1) != null ? m.start(2) : m.start() + 1;
            int to = m.group(1) != null ? m.end(2) : m.end() - 1;
            for (int i = from; i < to; i++) sb.setCharAt(i, 'x');
        }
        Matcher a = ABBREVIATION.matcher(sb.toString());
        while (a.find()) sb.setCharAt(a.end() - 1, 'x');
        return sb.toString();
    }
}
