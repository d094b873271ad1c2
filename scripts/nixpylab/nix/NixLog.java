package nixpylab.nix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Nix's structured log ({@code --log-format internal-json}): one {@code @nix {…}} line per event.
 * Nix 2.8 and 2.34 print the same events (2.18+ adds a "parent" id, which is not needed here):
 * start and stop of activities (type 105 a build, with its .drv; 104 the count of builds; 108 a
 * substitution, with the path and the cache it comes from; 100 a copy of a path), results
 * (101 a line of a build's log, 105 progress as [done, expected, running, failed], 104 a phase set
 * by stdenv) and messages (errors and notes, with a level).
 */
public final class NixLog {
    public sealed interface Event permits Message, Started, Stopped, Result {}

    /** A message Nix would have printed on stderr (level 0 is an error). */
    public record Message(int level, String text) implements Event {}

    public record Started(long id, int type, String text, List<Object> fields) implements Event {}

    public record Stopped(long id) implements Event {}

    public record Result(long id, int type, List<Object> fields) implements Event {}

    public static final int ACT_BUILDS = 104;
    public static final int ACT_BUILD = 105;
    public static final int ACT_COPY_PATH = 100;
    public static final int ACT_SUBSTITUTE = 108;
    public static final int RES_BUILD_LOG_LINE = 101;
    public static final int RES_SET_PHASE = 104;
    public static final int RES_PROGRESS = 105;

    private NixLog() {}

    /** An event, or empty for a line that is not one (Nix prints some plain lines too). */
    public static Optional<Event> parse(String line) {
        if (!line.startsWith("@nix {")) return Optional.empty();
        Object v;
        try {
            v = new Reader(line.substring(5)).value();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (!(v instanceof Map<?, ?> m)) return Optional.empty();
        String action = String.valueOf(m.get("action"));
        long id = m.get("id") instanceof Number n ? n.longValue() : 0;
        int type = m.get("type") instanceof Number n ? n.intValue() : -1;
        List<Object> fields = m.get("fields") instanceof List<?> l ? new ArrayList<>(l) : List.of();
        return switch (action) {
            case "msg" -> Optional.of(new Message(m.get("level") instanceof Number n ? n.intValue() : 3, withoutColour(String.valueOf(m.get("msg")))));
            case "start" -> Optional.of(new Started(id, type, m.get("text") == null ? "" : String.valueOf(m.get("text")), fields));
            case "stop" -> Optional.of(new Stopped(id));
            case "result" -> Optional.of(new Result(id, type, fields));
            default -> Optional.empty();
        };
    }

    /** The lines a plain log (--log-format bar or raw) would have shown for an event: messages and build log lines. */
    /** Nix colours its messages even in the structured log (2.8 and 2.34 alike); a plain log has no colour. */
    static String withoutColour(String text) {
        return text.replaceAll("\u001b\\[[0-9;]*m", "");
    }

    public static List<String> plainLines(Event e) {
        if (e instanceof Message m) return List.of(m.text().split("\n"));
        if (e instanceof Result r && r.type() == RES_BUILD_LOG_LINE && !r.fields().isEmpty()) return List.of(String.valueOf(r.fields().get(0)));
        if (e instanceof Started s && (s.type() == ACT_BUILD || s.type() == ACT_COPY_PATH) && !s.text().isEmpty()) return List.of(s.text() + "...");
        return List.of();
    }

    /** A reader of the JSON Nix writes: objects, arrays, strings, numbers, true, false, null. */
    private static final class Reader {
        private final String s;
        private int i;

        Reader(String s) {
            this.s = s;
        }

        Object value() {
            skip();
            char c = s.charAt(i);
            if (c == '{') return object();
            if (c == '[') return array();
            if (c == '"') return string();
            if (s.startsWith("true", i)) { i += 4; return Boolean.TRUE; }
            if (s.startsWith("false", i)) { i += 5; return Boolean.FALSE; }
            if (s.startsWith("null", i)) { i += 4; return null; }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
            String n = s.substring(start, i);
            return n.contains(".") || n.contains("e") || n.contains("E") ? (Object) Double.parseDouble(n) : (Object) Long.parseLong(n);
        }

        Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            i++;
            skip();
            if (s.charAt(i) == '}') { i++; return m; }
            while (true) {
                skip();
                String k = string();
                skip();
                i++; // :
                m.put(k, value());
                skip();
                if (s.charAt(i++) == '}') return m;
            }
        }

        List<Object> array() {
            List<Object> l = new ArrayList<>();
            i++;
            skip();
            if (s.charAt(i) == ']') { i++; return l; }
            while (true) {
                l.add(value());
                skip();
                if (s.charAt(i++) == ']') return l;
            }
        }

        String string() {
            StringBuilder sb = new StringBuilder();
            i++;
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') return sb.toString();
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> { sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; }
                    default -> sb.append(e);
                }
            }
        }

        void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        }
    }
}
