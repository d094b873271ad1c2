package site;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.asciidoctor.ast.Document;
import org.asciidoctor.extension.Preprocessor;
import org.asciidoctor.extension.PreprocessorReader;
import org.asciidoctor.extension.Reader;

/**
 * Takes every {@code how:…[…]} mark out of a page before Asciidoctor reads it, leaving
 * {@code how:m[N]} in its place, so that what a mark quotes never meets Asciidoctor's quotes and
 * replacements (a quote with backticks or underscores would otherwise break the sentence around
 * it); {@link HowMacro} then renders mark N as it was written. Marks shown as text (in a
 * passthrough, escaped, or in a listing) stay as they are, as the ledger reads them.
 */
public final class HowMarks extends Preprocessor {
    private static final Pattern DELIMITER = Pattern.compile("-{4,}|\\.{4,}|/{4,}|\\+{4,}|```.*");
    private final List<Evidence> marks = new ArrayList<>();

    @Override
    public Reader process(Document document, PreprocessorReader reader) {
        List<String> out = new ArrayList<>();
        String inside = null;
        for (String line : reader.readLines()) {
            String t = line.strip();
            if (inside != null) {
                if (t.equals(inside)) inside = null;
                out.add(line);
            } else if (DELIMITER.matcher(t).matches()) {
                inside = t.startsWith("```") ? "```" : t;
                out.add(line);
            } else {
                out.add(replace(line));
            }
        }
        reader.restoreLines(out);
        return reader;
    }

    /** The line with each mark the ledger reads replaced by how:m[N]. */
    String replace(String line) {
        StringBuilder sb = new StringBuilder();
        Matcher q = Evidence.QUOTED.matcher(line);
        int at = 0;
        while (q.find()) {
            sb.append(replaceOutsideQuoted(line.substring(at, q.start())));
            sb.append(q.group());
            at = q.end();
        }
        return sb.append(replaceOutsideQuoted(line.substring(at))).toString();
    }

    private String replaceOutsideQuoted(String text) {
        Matcher m = Evidence.MARK.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            marks.add(Evidence.parse(m.group(1), m.group(2), m.group()));
            m.appendReplacement(sb, "how:m[" + (marks.size() - 1) + "]");
        }
        m.appendTail(sb);
        return sb.toString();
    }

    Evidence mark(int i) {
        return marks.get(i);
    }
}
