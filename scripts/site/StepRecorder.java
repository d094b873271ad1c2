package site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import nixpylab.OutputMarks;
import nixpylab.Proc;
import nixpylab.UserError;
import nixpylab.workspace.Workspace;
import nixpylab.workspace.WorkspaceState;
import nixpylab.nix.Nix;
import nixpylab.nix.NixConfig;
import nixpylab.nix.NixVersion;

/**
 * Gets every run:: block a transcript: the recorded one where its key matches the chapters as they
 * are, else (or with --refresh) by running the block's whole chain on this machine's Nix, from an
 * empty workspace, as a learner would. {@link #check} runs the chains again and compares.
 */
public final class StepRecorder {
    /** How one block compared in a check: its drift, and the chapter's expectation it broke (if any). */
    public record Checked(RunBlock block, Drift drift, Optional<String> problem) {}

    private final Path repo;
    private final TranscriptStore store;
    private final Path workBase;
    private final boolean refresh;
    private final Consumer<String> progress;
    private String nixVersion;
    private String system;
    private String sandbox;
    private int runs;
    private int reused;

    public StepRecorder(Path repo, TranscriptStore store, Path workBase, boolean refresh, Consumer<String> progress) {
        this.repo = repo.toAbsolutePath().normalize();
        this.store = store;
        this.workBase = workBase;
        this.refresh = refresh;
        this.progress = progress;
    }

    public int runs() {
        return runs;
    }

    public int reused() {
        return reused;
    }

    /** The valid transcripts of every block (newest Nix first), running the chains that have none. */
    public Map<RunBlock, List<Transcript>> prepare(Map<String, List<RunBlock>> chains) {
        Map<RunBlock, List<Transcript>> out = new LinkedHashMap<>();
        for (List<RunBlock> chain : chains.values()) {
            for (RunBlock b : chain) requireScript(b);
            Map<RunBlock, String> keys = BlockKeys.of(chain);
            boolean complete = !refresh && chain.stream().allMatch(b -> !store.valid(b, keys.get(b)).isEmpty());
            if (!complete) {
                for (Map.Entry<RunBlock, Transcript> e : runChain(chain, keys, store).entrySet()) store.save(e.getKey(), e.getValue());
            }
            for (RunBlock b : chain) {
                List<Transcript> valid = store.valid(b, keys.get(b));
                if (complete) reused++;
                out.put(b, valid);
            }
        }
        return out;
    }

    /**
     * Runs the chains again (of the chapters up to {@code through}, all when null) on this Nix and
     * compares each block with its recorded transcript for this Nix version. Writes the new runs
     * to {@code into}, never over the recorded ones.
     */
    public List<Checked> check(Map<String, List<RunBlock>> chains, String through, TranscriptStore into, Redactions redactions) {
        List<Checked> out = new ArrayList<>();
        for (List<RunBlock> all : chains.values()) {
            List<RunBlock> chain = all.stream().filter(b -> through == null || b.chapter().compareTo(through) <= 0).toList();
            if (chain.isEmpty()) continue;
            for (RunBlock b : chain) requireScript(b);
            Map<RunBlock, String> keys = BlockKeys.of(chain);
            for (Map.Entry<RunBlock, Transcript> e : runChain(chain, keys, into).entrySet()) {
                RunBlock b = e.getKey();
                Transcript now = e.getValue();
                into.save(b, now);
                Optional<Transcript> recorded = store.of(b, now.nixVersion());
                Drift d = recorded.isEmpty() ? new Drift.Changed("(nothing recorded on Nix " + now.nixVersion() + " to compare with)\n")
                        : Drift.between(recorded.get().output(), now.output(), redactions);
                Optional<String> problem = b.problemWith(now.exitCode());
                if (problem.isEmpty() && recorded.isPresent() && recorded.get().exitCode() != now.exitCode()) {
                    problem = Optional.of("exit code " + now.exitCode() + ", recorded " + recorded.get().exitCode());
                }
                out.add(new Checked(b, d, problem));
            }
        }
        return out;
    }

    private void requireScript(RunBlock b) {
        if (!Files.isRegularFile(repo.resolve("scripts").resolve(b.script() + ".java"))) {
            throw new UserError(b.chapter() + " runs scripts/" + b.script() + ".java (block " + b.index() + "), which does not exist.",
                    "Check the name in the run:: directive of chapters/" + b.chapter() + ".adoc.");
        }
    }

    /** Runs a chain's blocks in order in a fresh workspace of its own, on this machine's Nix. */
    private Map<RunBlock, Transcript> runChain(List<RunBlock> chain, Map<RunBlock, String> keys, TranscriptStore where) {
        Nix.requireInstalled();
        Path ws = workBase.resolve("nix-" + nixVersion()).resolve(chain.get(0).workspace()).toAbsolutePath().normalize();
        boolean learner = chain.get(0).asLearner();
        if (learner) OrdinaryUser.requireReady(chain.get(0).label(), NixVersion.installed());
        startAfresh(ws);
        if (learner) {
            try {
                Files.createDirectories(ws);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            OrdinaryUser.own(ws);
        }
        Map<RunBlock, Transcript> out = new LinkedHashMap<>();
        for (RunBlock b : chain) {
            if (!b.runsOn(nixVersion())) {
                progress.accept("not running " + b.label() + " on Nix " + nixVersion() + ": the chapter records it on Nix " + b.nix() + " only");
                continue;
            }
            progress.accept("running " + b.label() + " on Nix " + nixVersion() + " (into " + repo.relativize(where.file(b, nixVersion())) + ")");
            out.put(b, run(ws, b, keys.get(b)));
            runs++;
        }
        return out;
    }

    /** Deletes what an earlier render built in this workspace (its own builds only), then the workspace. */
    private void startAfresh(Path ws) {
        if (!Files.isDirectory(ws)) return;
        if (!Workspace.peek(ws).isEmpty()) {
            Proc.of(repo.resolve("jbang").toString(), "--quiet", repo.resolve("scripts/ForceDelete.java").toString(), "--workdir", ws.toString())
                    .in(repo).timeout(Duration.ofMinutes(5)).run();
        }
        Proc.of("rm", "-rf", ws.toString()).timeout(Duration.ofMinutes(1)).run();
    }

    /**
     * Runs the step from the workspace's parent folder, as a learner runs it from the repository:
     * the paths it prints read lab/result, and --workdir is shown only when the workspace is not lab.
     */
    private Transcript run(Path ws, RunBlock b, String key) {
        try {
            Files.createDirectories(ws.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!b.servesRoom()) return run(ws, b, key, b.args());
        try (RoomServing room = RoomServing.start(repo, ws.getParent(), b)) {
            progress.accept("serving room " + b.serve() + " for " + b.label() + " at " + room.url());
            Transcript t = run(ws, b, key, b.argsFor(room.url(), room.key()));
            return t.withNote(room.stop());
        }
    }

    private Transcript run(Path ws, RunBlock b, String key, List<String> args) {
        List<String> workdir = ws.getFileName().toString().equals(Chapters.DEFAULT_WORKSPACE) ? List.of() : List.of("--workdir", ws.getFileName().toString());
        List<String> cmd = new ArrayList<>(List.of(repo.resolve("jbang").toString(), "--quiet", repo.resolve("scripts/" + b.script() + ".java").toString()));
        cmd.addAll(workdir);
        cmd.addAll(args);
        List<String> shown = new ArrayList<>(List.of("./jbang", "scripts/" + b.script() + ".java"));
        shown.addAll(workdir);
        shown.addAll(args);
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        // the step marks its stderr lines and writes them to stdout, so one pipe keeps the order a terminal would show
        Proc.Result r = (b.asLearner() ? Proc.of(OrdinaryUser.command(List.of(OutputMarks.TAG_STDERR + "=1"), cmd)) : Proc.of(cmd).env(OutputMarks.TAG_STDERR, "1"))
                .in(ws.getParent()).timeout(Duration.ofMinutes(60)).run();
        List<Proc.Line> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Proc.Line l : r.lines()) {
            String text = l.text();
            if (text.startsWith("[jbang] ")) continue;
            if (!l.stderr() && !text.isEmpty() && text.charAt(0) == OutputMarks.NOTE_MARK) notes.add(text.substring(1));
            else if (!l.stderr() && !text.isEmpty() && text.charAt(0) == OutputMarks.STDERR_MARK) lines.add(new Proc.Line(true, text.substring(1)));
            else lines.add(l);
        }
        WorkspaceState st = Files.isDirectory(ws) ? Workspace.peek(ws) : new WorkspaceState();
        String nixName = st.nixFile().orElse("");
        String nixText = "";
        String drv = "";
        if (!nixName.isEmpty() && Files.isRegularFile(ws.resolve(nixName))) {
            try {
                nixText = Files.readString(ws.resolve(nixName));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<String> inst = new ArrayList<>(List.of("nix-instantiate", "--option", "substituters", ""));
            st.nixpkgs().ifPresent(p -> inst.addAll(List.of("-I", "nixpkgs=" + p)));
            inst.add(ws.resolve(nixName).toString());
            Proc.Result d = Proc.of(inst).timeout(Duration.ofMinutes(1)).run();
            if (d.ok()) drv = d.stdout().strip();
        }
        return new Transcript(b.chapter(), b.index(), shown, r.exitCode(), key, nixVersion(), system(), sandbox(), st.profile().map(p -> p.id()).orElse("none"),
                date, r.elapsed().toMillis(), drv, notes, lines, nixName, nixText);
    }

    private String nixVersion() {
        if (nixVersion == null) nixVersion = NixVersion.installed().text();
        return nixVersion;
    }

    private String sandbox() {
        if (sandbox == null) sandbox = NixConfig.read(NixVersion.installed()).sandbox();
        return sandbox;
    }

    private String system() {
        if (system == null) {
            Proc.Result r = Proc.of("nix-instantiate", "--eval", "-E", "builtins.currentSystem").timeout(Duration.ofSeconds(20)).run();
            system = r.ok() ? r.stdout().strip().replace("\"", "") : "unknown";
        }
        return system;
    }
}
