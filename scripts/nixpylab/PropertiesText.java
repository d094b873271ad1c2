package nixpylab;

import java.util.Properties;
import java.util.TreeSet;

/**
 * A properties file's text, as {@link Properties#load} reads it: a comment, then the keys in order.
 * Unlike {@link Properties#store}, no date line: writing the clock starts Java's time-zone data,
 * ~20-30 ms of every step, and makes two saves of the same state differ.
 */
public final class PropertiesText {
    private PropertiesText() {}

    public static String of(Properties p, String comment) {
        StringBuilder b = new StringBuilder();
        if (comment != null) for (String line : comment.split("\n")) b.append("# ").append(line).append('\n');
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            b.append(escape(key, true)).append('=').append(escape(p.getProperty(key), false)).append('\n');
        }
        return b.toString();
    }

    /** What Properties.store escapes when writing to a Writer (characters beyond ASCII stay as they are). */
    static String escape(String s, boolean key) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case ' ' -> b.append(i == 0 || key ? "\\ " : " ");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\f' -> b.append("\\f");
                case '=', ':', '#', '!', '\\' -> b.append('\\').append(c);
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
