package site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The site's evidence page: the claims ledger's count per page, then every source excerpt and
 * every capture a mark cites, each under the anchor its marks link to, with where it came from.
 */
public final class EvidencePage {
    public static final String NAME = "evidence";
    public static final String TITLE = "How we know: the evidence";
    private static final int MAX_CAPTURE_LINES = 300;

    private EvidencePage() {}

    static String anchor(String kind, String ref) {
        return kind + "-" + ref.replaceAll("[^A-Za-z0-9]+", "-");
    }

    /** The page as AsciiDoc. */
    public static String adoc(Path repo, Map<String, List<ClaimsLedger.Claim>> claims, EvidenceCheck check) {
        StringBuilder sb = new StringBuilder("= " + TITLE + "\n:docname: " + NAME + "\n\n");
        sb.append("Every sentence of these pages that states a fact about Nix, nixpkgs or CPython carries a small mark after it. ")
                .append("*run* opens the recorded block on the same page that shows it; *capture* and *source* open, below, a capture of what a real Nix printed ")
                .append("or an excerpt of a primary source at a named version, with a link to it upstream. ")
                .append("What counts as a factual sentence, and what the marks must point at, is link:claims.html[the ledger's rule]; the newest Nix these pages show is ")
                .append(check.newestNix()).append(", and no source speaks for a newer one.\n\n");
        sb.append("== The ledger\n\n[cols=\"3,1,1,1,1\",options=\"header\"]\n|===\n|page |factual sentences |with evidence |the toolkit's |the video's\n\n");
        TreeSet<String> sources = new TreeSet<>();
        TreeSet<String> captures = new TreeSet<>();
        for (Map.Entry<String, List<ClaimsLedger.Claim>> f : claims.entrySet()) {
            long factual = f.getValue().stream().filter(c -> c.kind() == ClaimsLedger.Kind.FACTUAL).count();
            long evidenced = f.getValue().stream().filter(c -> c.kind() == ClaimsLedger.Kind.FACTUAL && c.evidenced()).count();
            long toolkit = f.getValue().stream().filter(c -> c.kind() == ClaimsLedger.Kind.TOOLKIT).count();
            long video = f.getValue().stream().filter(c -> c.kind() == ClaimsLedger.Kind.VIDEO).count();
            sb.append("|`").append(f.getKey()).append("` |").append(factual).append(" |").append(evidenced).append(" |").append(toolkit).append(" |").append(video).append('\n');
            for (ClaimsLedger.Claim c : f.getValue()) {
                for (Evidence e : c.marks()) {
                    if (e instanceof Evidence.Source s) sources.add(s.ref());
                    if (e instanceof Evidence.Capture k) captures.add(k.path());
                }
            }
        }
        sb.append("|===\n\n== Sources\n\n");
        for (String ref : sources) {
            sb.append("[#").append(anchor("source", ref)).append("]\n=== ").append(ref).append("\n\n");
            check.excerpt(ref).ifPresentOrElse(x -> {
                for (Map.Entry<String, String> h : x.header().entrySet()) {
                    String v = h.getValue();
                    sb.append("*").append(h.getKey()).append("*: ").append(v.startsWith("https://") ? v + "[" + v + "]" : "+" + v.replace("+", "{plus}") + "+").append(" +\n");
                }
                sb.append("\n[source,text]\n----\n").append(x.body().stripTrailing()).append("\n----\n\n");
            }, () -> sb.append("(missing)\n\n"));
        }
        sb.append("== Captures\n\nWhat a real Nix printed, made by `./jbang tests/captures/Capture.java` on the version the folder names.\n\n");
        for (String path : captures) {
            sb.append("[#").append(anchor("capture", path)).append("]\n=== ").append(path).append("\n\n[source,text]\n----\n").append(capture(repo, path)).append("----\n\n");
        }
        return sb.toString();
    }

    private static String capture(Path repo, String path) {
        Path p = repo.resolve(EvidenceCheck.CAPTURES).resolve(path).normalize();
        if (!p.startsWith(repo.resolve(EvidenceCheck.CAPTURES)) || !Files.isRegularFile(p)) return "(missing)\n";
        try {
            List<String> lines = Files.readAllLines(p);
            StringBuilder sb = new StringBuilder();
            for (String l : lines.subList(0, Math.min(lines.size(), MAX_CAPTURE_LINES))) sb.append(l.replace("----", "- - -")).append('\n');
            if (lines.size() > MAX_CAPTURE_LINES) sb.append("… (").append(lines.size() - MAX_CAPTURE_LINES).append(" more lines in the repository's ").append(EvidenceCheck.CAPTURES).append('/').append(path).append(")\n");
            return sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
