package site;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the extensions of one render share: each block's transcripts (prepared before conversion,
 * newest Nix first), which block of a page comes next, the last transcript per page and
 * workspace (for nixfile::), the notes said on each page, and the errors that must fail the render.
 */
public final class RenderSession {
    private final Map<RunBlock, List<Transcript>> transcripts;
    private final Redactions redactions;
    private final List<String> errors = new ArrayList<>();
    private final Map<String, Integer> nextBlock = new HashMap<>();
    private final Map<String, Transcript> last = new HashMap<>();
    private final Map<String, Set<String>> notesSaid = new HashMap<>();

    public RenderSession(Map<RunBlock, List<Transcript>> transcripts, Redactions redactions) {
        this.transcripts = transcripts;
        this.redactions = redactions;
    }

    public Redactions redactions() {
        return redactions;
    }

    /** The next run:: block of a page, as Chapters read it (the macro meets them in the same order). */
    public RunBlock nextBlock(String page) {
        int i = nextBlock.merge(page, 1, Integer::sum);
        for (RunBlock b : transcripts.keySet()) if (b.chapter().equals(page) && b.index() == i) return b;
        throw new IllegalStateException(page + ": run:: block " + i + " was not found when the chapters were read");
    }

    /** The Nix versions the site's blocks were recorded on, all blocks together. */
    public Set<String> versions() {
        Set<String> out = new TreeSet<>();
        for (List<Transcript> ts : transcripts.values()) for (Transcript t : ts) out.add(t.nixVersion());
        return out;
    }

    public List<Transcript> transcripts(RunBlock b) {
        return transcripts.getOrDefault(b, List.of());
    }

    public void error(String message) {
        errors.add(message);
    }

    public List<String> errors() {
        return errors;
    }

    public void remember(String workspace, Transcript t) {
        last.put(workspace, t);
        last.put(workspace + "\u0000" + t.command().get(1), t);
        if (t.lines().stream().anyMatch(l -> l.text().startsWith("built in "))) last.put(workspace + "\u0000built", t);
    }

    /** The last run of a script (Roots, Build…) in a workspace, so far in the site. */
    public Optional<Transcript> lastOf(String workspace, String script) {
        return Optional.ofNullable(last.get(workspace + "\u0000scripts/" + script + ".java"));
    }

    /** The last Build in a workspace that really built (not "already in the store"), so far in the site. */
    public Optional<Transcript> lastBuilt(String workspace) {
        return Optional.ofNullable(last.get(workspace + "\u0000built"));
    }

    public Transcript last(String workspace) {
        return last.get(workspace);
    }

    /** The notes of a transcript not yet said on this page: each note (the binary cache, the sandbox) is said once per page. */
    public List<String> unsaidNotes(Object page, Transcript t) {
        Set<String> said = notesSaid.computeIfAbsent(String.valueOf(page), k -> new HashSet<>());
        return t.notes().stream().filter(said::add).toList();
    }
}
