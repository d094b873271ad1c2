package site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code how:KIND[…]} mark on a sentence: the evidence for what it says, or the word that it says
 * no fact about Nix. The quote is the text the evidence must hold, as it is there (spaces and line
 * breaks count as one space).
 * <ul>
 * <li>{@code how:block[ID,"quote"]}, with {@code nix=2.34} to name one version: a run:: block of the
 * same chapter ({@code id=ID}) whose recorded output holds the quote.</li>
 * <li>{@code how:capture[nix-2.8.0/NAME,"quote"]}: a file under {@code tests/captures/} that holds it.</li>
 * <li>{@code how:source[PROJECT-VERSION/PATH,"quote"]}: an excerpt of a primary source at that
 * version, kept under {@code docs/sources/} with where it came from.</li>
 * <li>{@code how:toolkit[]} and {@code how:video[]}: the sentence only says what the toolkit does, or
 * what the video did; no Nix fact rests on it.</li>
 * </ul>
 */
public sealed interface Evidence {
    /** The mark as written, for messages. */
    String written();

    record Block(String id, String quote, Optional<String> nix, String written) implements Evidence {}

    record Capture(String path, String quote, String written) implements Evidence {}

    record Source(String ref, String quote, String written) implements Evidence {}

    /** how:toolkit[] or how:video[]. */
    record NotAFact(String about, String written) implements Evidence {}

    /** A mark the ledger cannot read: an unknown kind, or a missing reference or quote. */
    record Unreadable(String why, String written) implements Evidence {}

    Pattern MARK = Pattern.compile("how:(\\w+)\\[((?:\\\\.|[^\\]\\\\])*)\\]");
    /** Where a mark is only text, as Asciidoctor renders it: a passthrough (+…+), or escaped with a backslash. */
    Pattern QUOTED = Pattern.compile("\\+[^+\n]*\\+|\\\\how:");

    /** Every mark in a sentence, in order (none inside a passthrough: that is a mark shown as text). */
    static List<Evidence> in(String sentence) {
        List<Evidence> out = new ArrayList<>();
        Matcher m = MARK.matcher(QUOTED.matcher(sentence).replaceAll(""));
        while (m.find()) out.add(parse(m.group(1), m.group(2), m.group()));
        return out;
    }

    /** The sentence without its marks, as a reader sees it. */
    static String stripped(String sentence) {
        return MARK.matcher(sentence).replaceAll("").replaceAll("\\s+", " ").strip();
    }

    static Evidence parse(String kind, String inside, String written) {
        Map<String, String> named = new LinkedHashMap<>();
        List<String> positional = attributes(inside, named);
        String ref = positional.isEmpty() ? "" : positional.get(0);
        String quote = positional.size() > 1 ? positional.get(1) : "";
        switch (kind) {
            case "toolkit", "video" -> {
                return inside.isBlank() ? new NotAFact(kind, written) : new Unreadable("how:" + kind + "[] takes nothing between its brackets", written);
            }
            case "block", "capture", "source" -> {
                if (ref.isBlank()) return new Unreadable("it names no " + (kind.equals("block") ? "block id" : kind.equals("capture") ? "capture file" : "source"), written);
                if (quote.isBlank()) return new Unreadable("it quotes nothing: write the words the evidence holds as its second attribute, in double quotes", written);
                return switch (kind) {
                    case "block" -> new Block(ref, quote, Optional.ofNullable(named.get("nix")), written);
                    case "capture" -> new Capture(ref, quote, written);
                    default -> new Source(ref, quote, written);
                };
            }
            default -> {
                return new Unreadable("'" + kind + "' is not a kind of evidence (block, capture, source; or toolkit, video)", written);
            }
        }
    }

    /** AsciiDoc's attribute list: values separated by commas, double-quoted where they hold one, name=value for named ones. */
    static List<String> attributes(String inside, Map<String, String> named) {
        List<String> positional = new ArrayList<>();
        int i = 0;
        String s = inside.replace("\\]", "]");
        while (i < s.length()) {
            while (i < s.length() && s.charAt(i) == ' ') i++;
            String name = null;
            Matcher n = Pattern.compile("(\\w+)=").matcher(s).region(i, s.length());
            if (n.lookingAt()) {
                name = n.group(1);
                i = n.end();
            }
            StringBuilder v = new StringBuilder();
            if (i < s.length() && s.charAt(i) == '"') {
                i++;
                while (i < s.length() && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '"' || s.charAt(i + 1) == '\\')) i++;
                    v.append(s.charAt(i++));
                }
                i++;
                while (i < s.length() && s.charAt(i) != ',') i++;
            } else {
                while (i < s.length() && s.charAt(i) != ',') v.append(s.charAt(i++));
            }
            i++;
            if (name != null) named.put(name, v.toString().strip());
            else positional.add(v.toString().strip());
        }
        return positional;
    }
}
