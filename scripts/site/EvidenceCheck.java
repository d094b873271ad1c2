package site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whether each mark of the ledger points at evidence that is there and says what is quoted: a block
 * of the same chapter whose recorded output holds the quote (on every Nix it was recorded on, or the
 * one it names), a capture under tests/captures/ that holds it, a source excerpt under docs/sources/
 * that names where it came from and holds it, and never a Nix newer than the newest these pages show.
 */
public final class EvidenceCheck {
    public static final String SOURCES = "docs/sources";
    public static final String CAPTURES = "tests/captures";
    private static final Pattern SOURCE_REF = Pattern.compile("([a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*)-(\\d[^/]*|[0-9a-f]{7,40})/(.+)");

    /** What is wrong with a sentence or one of its marks. */
    public record Problem(String where, String sentence, String what) {
        @Override
        public String toString() {
            return where + ": " + what + "\n    «" + sentence + "»";
        }
    }

    /** A source excerpt: what it is, where its upstream is, how it was taken, and its lines. */
    public record Excerpt(String ref, Map<String, String> header, String body) {
        public String upstream() {
            return header.getOrDefault("upstream", "");
        }
    }

    private final Path repo;
    private final TranscriptStore transcripts;
    private final String newestNix;
    private final Map<String, List<RunBlock>> blocksByChapter = new HashMap<>();

    public EvidenceCheck(Path repo) {
        this.repo = repo;
        this.transcripts = new TranscriptStore(repo.resolve("chapters/transcripts"));
        this.newestNix = newestRecorded(transcripts.dir());
    }

    /** The newest Nix any transcript was recorded on: no source may speak for a newer one. */
    public String newestNix() {
        return newestNix;
    }

    public List<Problem> check(Map<String, List<ClaimsLedger.Claim>> claims) {
        List<Problem> out = new ArrayList<>();
        for (List<ClaimsLedger.Claim> file : claims.values()) for (ClaimsLedger.Claim c : file) out.addAll(check(c));
        return out;
    }

    public List<Problem> check(ClaimsLedger.Claim c) {
        List<Problem> out = new ArrayList<>();
        if (c.kind() == ClaimsLedger.Kind.FACTUAL && !c.evidenced()) {
            out.add(new Problem(c.where(), c.shown(), "a factual sentence with no evidence: add how:block[…], how:capture[…] or how:source[…] (or, if it only says what the toolkit does, how:toolkit[]; see " + ClaimsLedger.RULES + ")"));
        }
        for (Evidence e : c.marks()) problem(c, e).ifPresent(what -> out.add(new Problem(c.where(), c.shown(), what + ": " + e.written())));
        return out;
    }

    private Optional<String> problem(ClaimsLedger.Claim c, Evidence e) {
        if (e instanceof Evidence.Unreadable u) return Optional.of("a mark the ledger cannot read (" + u.why() + ")");
        if (e instanceof Evidence.Block b) return block(c.file(), b);
        if (e instanceof Evidence.Capture k) return holds(file(CAPTURES, k.path()), k.quote(), "capture");
        if (e instanceof Evidence.Source s) return source(s);
        return Optional.empty();
    }

    private Optional<String> block(String file, Evidence.Block b) {
        if (!file.startsWith("chapters/")) return Optional.of("a recorded block is evidence only in its own chapter; cite a capture or a source here");
        String chapter = file.substring("chapters/".length()).replaceFirst("\\.adoc$", "");
        Optional<RunBlock> block = blocks(chapter).stream().filter(r -> b.id().equals(r.id())).findFirst();
        if (block.isEmpty()) return Optional.of("no run:: block of " + chapter + " has id=" + b.id());
        List<Transcript> ts = transcripts.all(block.get()).stream().filter(t -> b.nix().map(v -> t.nixVersion().startsWith(v)).orElse(true)).toList();
        if (ts.isEmpty()) return Optional.of("block " + b.id() + " has no transcript" + b.nix().map(v -> " on Nix " + v).orElse(""));
        for (Transcript t : ts) {
            if (!normal(t.output()).contains(normal(b.quote()))) {
                return Optional.of("block " + b.id() + "'s output on Nix " + t.nixVersion() + " does not hold «" + b.quote() + "»" + (b.nix().isEmpty() ? " (nix=VERSION names the one that does)" : ""));
            }
        }
        return Optional.empty();
    }

    private Optional<String> source(Evidence.Source s) {
        Matcher m = SOURCE_REF.matcher(s.ref());
        if (!m.matches()) return Optional.of("a source is named PROJECT-VERSION/PATH (nix-2.8.0/src/libstore/gc.cc)");
        if (m.group(1).equals("nix") && Character.isDigit(m.group(2).charAt(0)) && compareVersions(m.group(2), newestNix) > 0) {
            return Optional.of("Nix " + m.group(2) + " is newer than the newest Nix these pages show (" + newestNix + "): cite the version the learner runs");
        }
        Optional<Path> p = file(SOURCES, s.ref());
        if (p.isEmpty()) return Optional.of("no excerpt " + SOURCES + "/" + s.ref());
        Excerpt x = excerpt(s.ref()).orElseThrow();
        if (x.upstream().isBlank()) return Optional.of("the excerpt " + s.ref() + " does not say where it came from (an // upstream: line)");
        return normal(x.body()).contains(normal(s.quote())) ? Optional.empty() : Optional.of("the excerpt " + s.ref() + " does not hold «" + s.quote() + "»");
    }

    private Optional<String> holds(Optional<Path> file, String quote, String what) {
        if (file.isEmpty()) return Optional.of("no such " + what);
        return normal(read(file.get())).contains(normal(quote)) ? Optional.empty() : Optional.of("the " + what + " does not hold «" + quote + "»");
    }

    /** A file under a folder of the repository, never outside it. */
    private Optional<Path> file(String folder, String ref) {
        Path base = repo.resolve(folder).normalize();
        Path p = base.resolve(ref).normalize();
        return p.startsWith(base) && Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /** A source excerpt: "// name: value" lines, a blank line, then the lines as the source has them. */
    public Optional<Excerpt> excerpt(String ref) {
        return file(SOURCES, ref).map(p -> {
            String text = read(p);
            Map<String, String> header = new LinkedHashMap<>();
            int i = 0;
            String[] lines = text.split("\n", -1);
            for (; i < lines.length && lines[i].startsWith("// "); i++) {
                int c = lines[i].indexOf(": ");
                if (c > 0) header.put(lines[i].substring(3, c), lines[i].substring(c + 2).strip());
            }
            if (i < lines.length && lines[i].isEmpty()) i++;
            return new Excerpt(ref, header, String.join("\n", Arrays.asList(lines).subList(i, lines.length)));
        });
    }

    /** Excerpts under docs/sources that no mark cites any more: kept for nothing, so a writer removes them. */
    public List<String> orphans(Map<String, List<ClaimsLedger.Claim>> claims) {
        Set<String> cited = new HashSet<>();
        for (List<ClaimsLedger.Claim> file : claims.values()) for (ClaimsLedger.Claim c : file) for (Evidence e : c.marks()) if (e instanceof Evidence.Source s) cited.add(s.ref());
        Path base = repo.resolve(SOURCES);
        if (!Files.isDirectory(base)) return List.of();
        try (Stream<Path> s = Files.walk(base)) {
            return s.filter(Files::isRegularFile).map(p -> base.relativize(p).toString()).filter(r -> r.contains("/") && !cited.contains(r)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<RunBlock> blocks(String chapter) {
        return blocksByChapter.computeIfAbsent(chapter, c -> {
            Path adoc = repo.resolve("chapters").resolve(c + ".adoc");
            return Files.isRegularFile(adoc) ? Chapters.blocks(adoc) : List.of();
        });
    }

    static String normal(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("\\D+");
        String[] y = b.split("\\D+");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length && !x[i].isEmpty() ? Integer.parseInt(x[i]) : 0;
            int q = i < y.length && !y[i].isEmpty() ? Integer.parseInt(y[i]) : 0;
            if (p != q) return Integer.compare(p, q);
        }
        return 0;
    }

    static String newestRecorded(Path transcripts) {
        if (!Files.isDirectory(transcripts)) return "0";
        try (Stream<Path> s = Files.walk(transcripts)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.matches("nix-.*\\.txt")).map(n -> n.substring(4, n.length() - 4))
                    .max(Comparator.comparing(v -> v, EvidenceCheck::compareVersions)).orElse("0");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
