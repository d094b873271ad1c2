package nixpylab.nix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Nix's structured log ({@code --log-format internal-json}): one {@code @nix {…}} line per event,
 * read into typed events as nix-output-monitor reads it. Nix 2.8 and 2.34 print the same events
 * (2.18+ adds a "parent" id, which is not needed here): activities started and stopped (a build,
 * with its .drv; the count of builds; a substitution, with the path and the cache it comes from; a
 * copy of a path), their results (a line of a build's log; progress as done, expected, running,
 * failed; a phase set by stdenv) and messages (errors and notes, with a level). A line that starts
 * as an event and cannot be read is an event of its own, {@link Unparsed}, kept and counted.
 */
public final class NixLog {
    /** The activities the steps follow, by the numbers Nix gives them (libutil's ActivityType). */
    public enum Activity {
        COPY_PATH(100), BUILDS(104), BUILD(105), SUBSTITUTE(108), OTHER(-1);

        final int code;

        Activity(int code) {
            this.code = code;
        }

        static Activity of(int code) {
            for (Activity a : values()) if (a.code == code) return a;
            return OTHER;
        }
    }

    /** The results the steps follow, by Nix's numbers (libutil's ResultType). */
    public enum ResultType {
        BUILD_LOG_LINE(101), SET_PHASE(104), PROGRESS(105), OTHER(-1);

        final int code;

        ResultType(int code) {
            this.code = code;
        }

        static ResultType of(int code) {
            for (ResultType r : values()) if (r.code == code) return r;
            return OTHER;
        }
    }

    public sealed interface Event permits Message, Started, Stopped, Result, Unparsed {}

    /** A message Nix would have printed on stderr (level 0 is an error). */
    public record Message(int level, String text) implements Event {}

    /** An activity started: {@code subject} is what it is about (a build's .drv, a substitution's store path), {@code from} the cache a substitution copies from. */
    public record Started(long id, Activity activity, String text, String subject, String from) implements Event {}

    public record Stopped(long id) implements Event {}

    public sealed interface Result extends Event permits LogLine, PhaseSet, Progress, OtherResult {
        long id();
    }

    /** A line of a build's log. */
    public record LogLine(long id, String line) implements Result {}

    /** A phase stdenv set (unpackPhase, buildPhase…). */
    public record PhaseSet(long id, String phase) implements Result {}

    /** The builds so far: done, expected in all, running, failed. */
    public record Progress(long id, int done, int expected, int running, int failed) implements Result {}

    public record OtherResult(long id, int type) implements Result {}

    /** A line that starts as an event ({@code @nix }) and is not one this reader can read. */
    public record Unparsed(String line) implements Event {}

    private NixLog() {}

    /** An event, or empty for a line that is not one (Nix prints some plain lines too). */
    public static Optional<Event> parse(String line) {
        if (!line.startsWith("@nix ")) return Optional.empty();
        Object v;
        try {
            v = new Reader(line.substring(5)).value();
        } catch (RuntimeException e) {
            return Optional.of(new Unparsed(line));
        }
        if (!(v instanceof Map<?, ?> m)) return Optional.of(new Unparsed(line));
        long id = m.get("id") instanceof Number n ? n.longValue() : 0;
        int type = m.get("type") instanceof Number n ? n.intValue() : -1;
        List<?> fields = m.get("fields") instanceof List<?> l ? l : List.of();
        return switch (String.valueOf(m.get("action"))) {
            case "msg" -> Optional.of(new Message(m.get("level") instanceof Number n ? n.intValue() : 3, withoutColour(String.valueOf(m.get("msg")))));
            case "start" -> Optional.of(new Started(id, Activity.of(type), m.get("text") == null ? "" : String.valueOf(m.get("text")), text(fields, 0), text(fields, 1)));
            case "stop" -> Optional.of(new Stopped(id));
            case "result" -> Optional.of(result(id, ResultType.of(type), type, fields));
            default -> Optional.of(new Unparsed(line));
        };
    }

    private static Result result(long id, ResultType t, int type, List<?> fields) {
        return switch (t) {
            case BUILD_LOG_LINE -> fields.isEmpty() ? new OtherResult(id, type) : new LogLine(id, String.valueOf(fields.get(0)));
            case SET_PHASE -> fields.isEmpty() ? new OtherResult(id, type) : new PhaseSet(id, String.valueOf(fields.get(0)));
            case PROGRESS -> fields.size() < 4 ? new OtherResult(id, type) : new Progress(id, number(fields.get(0)), number(fields.get(1)), number(fields.get(2)), number(fields.get(3)));
            case OTHER -> new OtherResult(id, type);
        };
    }

    private static String text(List<?> fields, int i) {
        return i < fields.size() && fields.get(i) != null ? String.valueOf(fields.get(i)) : "";
    }

    private static int number(Object o) {
        return o instanceof Number n ? n.intValue() : 0;
    }

    /** Nix colours its messages even in the structured log (2.8 and 2.34 alike); a plain log has no colour. */
    static String withoutColour(String text) {
        return text.replaceAll("\u001b\\[[0-9;]*m", "");
    }

    /** The lines a plain log (--log-format bar or raw) would have shown for an event: messages and build log lines; an unreadable line as it came. */
    public static List<String> plainLines(Event e) {
        if (e instanceof Message m) return List.of(m.text().split("\n"));
        if (e instanceof LogLine l) return List.of(l.line());
        if (e instanceof Started s && (s.activity() == Activity.BUILD || s.activity() == Activity.COPY_PATH) && !s.text().isEmpty()) return List.of(s.text() + "...");
        if (e instanceof Unparsed u) return List.of(u.line());
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
