package site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Nix-aware normalisation of step output: store-path hashes, SRI and base32 hashes, build
 * folders, the workspace's identity, times, sizes, dates, process ids and the Nix version become
 * placeholders. The rules are data, in redactions.tsv next to this class, in one place.
 */
public final class Redactions {
    public record Rule(String name, Pattern pattern, String placeholder) {}

    /** A text with the rules applied, and the names of the rules that changed something. */
    public record Normalised(String text, Set<String> applied) {}

    private final List<Rule> rules;

    public Redactions(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static Redactions standard() {
        try (InputStream in = Redactions.class.getResourceAsStream("redactions.tsv")) {
            if (in == null) throw new IllegalStateException("redactions.tsv is not packaged next to Redactions");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Redactions parse(String tsv) {
        List<Rule> rules = new ArrayList<>();
        for (String line : tsv.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            if (f.length != 3) throw new IllegalStateException("redactions.tsv: a rule is NAME<TAB>REGEX<TAB>PLACEHOLDER: " + line);
            rules.add(new Rule(f[0], Pattern.compile(f[1]), f[2]));
        }
        return new Redactions(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    public Normalised apply(String text) {
        Set<String> applied = new LinkedHashSet<>();
        String t = text;
        for (Rule r : rules) {
            Matcher m = r.pattern().matcher(t);
            if (!m.find()) continue;
            applied.add(r.name());
            t = m.replaceAll(r.placeholder().contains("$") ? r.placeholder() : Matcher.quoteReplacement(r.placeholder()));
        }
        return new Normalised(t, applied);
    }

    /** The same without one rule: what a test uses to show that the rule is needed. */
    public Redactions without(String name) {
        return new Redactions(rules.stream().filter(r -> !r.name().equals(name)).toList());
    }
}
