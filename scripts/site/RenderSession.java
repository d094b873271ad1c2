package site;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the extensions of one render share: the recorder, the last transcript per workspace, and the errors that must fail the render. */
public final class RenderSession {
    private final StepRecorder recorder;
    private final Path repo;
    private final String defaultWorkspace;
    private final List<String> errors = new ArrayList<>();
    private final Map<Path, Transcript> last = new HashMap<>();
    private final List<Transcript> all = new ArrayList<>();
    private final Map<String, java.util.Set<String>> notesSaid = new HashMap<>();

    public RenderSession(StepRecorder recorder, Path repo, String defaultWorkspace) {
        this.recorder = recorder;
        this.repo = repo;
        this.defaultWorkspace = defaultWorkspace;
    }

    public StepRecorder recorder() {
        return recorder;
    }

    public Path workspace(Object attribute) {
        return repo.resolve(attribute == null ? defaultWorkspace : attribute.toString()).normalize();
    }

    public void error(String message) {
        errors.add(message);
    }

    public List<String> errors() {
        return errors;
    }

    public void remember(Path ws, Transcript t) {
        last.put(ws, t);
        all.add(t);
    }

    public Transcript last(Path ws) {
        return last.get(ws);
    }

    /** The notes of a transcript not yet said on this page: each note (the binary cache) is said once per page. */
    public List<String> unsaidNotes(Object page, Transcript t) {
        java.util.Set<String> said = notesSaid.computeIfAbsent(String.valueOf(page), k -> new java.util.HashSet<>());
        return t.notes().stream().filter(said::add).toList();
    }

    public List<Transcript> transcripts() {
        return all;
    }
}
