package site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which sentences of the chapters, README and docs/ state a fact about Nix, nixpkgs or CPython, and
 * the evidence each carries. The rule a writer follows is docs/claims.adoc, and the ledger reads its
 * two lists from there (the words that make a sentence factual, the subjects that make it the
 * toolkit's), so the page and the check cannot disagree. Whether a mark resolves is {@link EvidenceCheck}'s.
 */
public final class ClaimsLedger {
    public static final String RULES = "docs/claims.adoc";

    /** What a sentence is, for the ledger. */
    public enum Kind {
        /** States a fact about Nix, nixpkgs, CPython or their tools: it must carry evidence. */
        FACTUAL,
        /** Says what the toolkit does (its subject, its block's role, or how:toolkit[]). */
        TOOLKIT,
        /** Reports what the video did (it begins "The video", or how:video[]). */
        VIDEO,
        /** Names none of the terms: a transition, an instruction, a story. */
        PLAIN
    }

    public record Claim(String file, int line, String text, Kind kind, List<Evidence> marks) {
        public boolean evidenced() {
            return marks.stream().anyMatch(e -> e instanceof Evidence.Block || e instanceof Evidence.Capture || e instanceof Evidence.Source);
        }

        /** "chapters/04-build.adoc:22" */
        public String where() {
            return file + ":" + line;
        }

        /** The sentence as a reader sees it, cut to a line. */
        public String shown() {
            String s = Evidence.stripped(text);
            return s.length() > 140 ? s.substring(0, 137) + "…" : s;
        }
    }

    private final Pattern terms;
    private final List<String> subjects;

    public ClaimsLedger(List<String> terms, List<String> subjects) {
        this.terms = termPattern(terms);
        this.subjects = List.copyOf(subjects);
    }

    /** The ledger with the lists docs/claims.adoc holds. */
    public static ClaimsLedger of(Path repo) {
        List<String> rules = read(repo.resolve(RULES));
        return new ClaimsLedger(listing(rules, "terms"), listing(rules, "toolkit-subjects"));
    }

    /** The files the ledger reads: every chapter, README.adoc and docs/*.adoc, as paths relative to the repository. */
    public static List<String> files(Path repo) {
        List<String> out = new ArrayList<>();
        for (Path c : Chapters.list(repo.resolve("chapters"))) out.add("chapters/" + c.getFileName());
        out.add("README.adoc");
        try (Stream<Path> s = Files.list(repo.resolve("docs"))) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".adoc")).sorted().forEach(n -> out.add("docs/" + n));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Every sentence of a file, with what it is and its marks. */
    public List<Claim> claims(String file, List<String> lines) {
        List<Claim> out = new ArrayList<>();
        for (Prose.Sentence s : Prose.sentences(lines)) out.add(new Claim(file, s.line(), s.text(), kind(s), Evidence.in(s.text())));
        return out;
    }

    /** Every sentence of every file the ledger reads, by file. */
    public Map<String, List<Claim>> claims(Path repo) {
        Map<String, List<Claim>> out = new LinkedHashMap<>();
        for (String f : files(repo)) out.put(f, claims(f, read(repo.resolve(f))));
        return out;
    }

    Kind kind(Prose.Sentence s) {
        List<Evidence> marks = Evidence.in(s.text());
        for (Evidence e : marks) if (e instanceof Evidence.NotAFact n) return n.about().equals("video") ? Kind.VIDEO : Kind.TOOLKIT;
        String text = Evidence.stripped(s.text());
        if (!terms.matcher(text).find()) return Kind.PLAIN;
        if (s.toolkitBlock()) return Kind.TOOLKIT;
        for (String subject : subjects) {
            if (text.startsWith(subject)) return subject.startsWith("The video") || subject.startsWith("In the video") ? Kind.VIDEO : Kind.TOOLKIT;
        }
        return Kind.FACTUAL;
    }

    /** A term ending in * is a prefix ("phase*" names phases too); the others are whole words, in any case. */
    static Pattern termPattern(List<String> terms) {
        List<String> alternatives = new ArrayList<>();
        for (String t : terms) {
            boolean prefix = t.endsWith("*");
            String word = prefix ? t.substring(0, t.length() - 1) : t;
            String start = Character.isLetterOrDigit(word.charAt(0)) ? "\\b" : "";
            String end = prefix || !Character.isLetterOrDigit(word.charAt(word.length() - 1)) ? "" : "\\b";
            alternatives.add(start + Pattern.quote(word) + end);
        }
        return Pattern.compile(String.join("|", alternatives), Pattern.CASE_INSENSITIVE);
    }

    /** The lines of the listing block that follows the anchor [#ID] in the rules, one entry a line. */
    static List<String> listing(List<String> rules, String id) {
        int at = rules.indexOf("[#" + id + "]");
        if (at < 0) throw new IllegalStateException(RULES + " has no [#" + id + "] listing");
        int open = at + 1;
        while (open < rules.size() && !rules.get(open).equals("----")) open++;
        List<String> out = new ArrayList<>();
        for (int i = open + 1; i < rules.size() && !rules.get(i).equals("----"); i++) if (!rules.get(i).isBlank()) out.add(rules.get(i).strip());
        return out;
    }

    static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
