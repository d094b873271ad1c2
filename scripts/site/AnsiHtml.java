package site;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Terminal text to HTML: escapes it and turns ANSI SGR colour codes into spans with classes. */
public final class AnsiHtml {
    private static final Pattern SGR = Pattern.compile("\u001B\\[([0-9;]*)m");
    private static final String[] COLOURS = {"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"};

    private AnsiHtml() {}

    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    public static String toHtml(String line) {
        StringBuilder sb = new StringBuilder();
        Matcher m = SGR.matcher(line);
        int last = 0;
        int open = 0;
        while (m.find()) {
            sb.append(escape(line.substring(last, m.start())));
            last = m.end();
            String codes = m.group(1).isEmpty() ? "0" : m.group(1);
            StringBuilder classes = new StringBuilder();
            for (String c : codes.split(";")) {
                int n = c.isEmpty() ? 0 : Integer.parseInt(c);
                if (n == 0 || n == 39) {
                    for (; open > 0; open--) sb.append("</span>");
                } else if (n == 1) classes.append(" ansi-bold");
                else if (n == 2) classes.append(" ansi-faint");
                else if (n == 3) classes.append(" ansi-italic");
                else if (n == 4) classes.append(" ansi-underline");
                else if (n >= 30 && n <= 37) classes.append(" ansi-").append(COLOURS[n - 30]);
                else if (n >= 90 && n <= 97) classes.append(" ansi-bright-").append(COLOURS[n - 90]);
            }
            if (classes.length() > 0) {
                sb.append("<span class=\"").append(classes.substring(1)).append("\">");
                open++;
            }
        }
        sb.append(escape(line.substring(last)));
        for (; open > 0; open--) sb.append("</span>");
        return sb.toString();
    }
}
