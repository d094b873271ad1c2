package site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import nixpylab.AtomicFile;
import nixpylab.Proc;
import nixpylab.nix.NixHash;

/**
 * Runs step scripts for the chapters, in order, one workspace chain at a time, and keeps each
 * run as a transcript. A block re-uses its transcript when its inputs hash the same (the script,
 * the core and ui sources, its arguments, and the inputs of the blocks before it in the same
 * workspace) and the workspace's .nix file is as the last render left it; otherwise it runs, and
 * so do all blocks after it in that workspace.
 */
public final class StepRecorder {
    /** What happened to one block: its transcript, and whether it ran now or came from the store of transcripts. */
    public record Recorded(Transcript transcript, boolean ranNow) {}

    private static final class Chain {
        String previousInput = "";
        int index;
        boolean dirty;
        boolean checked;
    }

    private final Path repo;
    private final Path transcripts;
    private final boolean refresh;
    private final Map<String, Chain> chains = new HashMap<>();
    private String nixVersion;
    private String system;
    private int runs;
    private int reused;

    private final java.util.function.Consumer<String> progress;

    /** progress hears one line before each step that really runs (steps can take minutes). */
    public StepRecorder(Path repo, Path transcripts, boolean refresh, java.util.function.Consumer<String> progress) {
        this.progress = progress;
        this.repo = repo.toAbsolutePath().normalize();
        this.transcripts = transcripts;
        this.refresh = refresh;
    }

    public int runs() {
        return runs;
    }

    public int reused() {
        return reused;
    }

    public Recorded record(Path workspace, String script, List<String> args) {
        Path scriptFile = repo.resolve("scripts").resolve(script + ".java");
        if (!Files.isRegularFile(scriptFile)) {
            throw new nixpylab.UserError("A chapter runs scripts/" + script + ".java, which does not exist.", "Check the name in the run:: directive.");
        }
        Path ws = workspace.toAbsolutePath().normalize();
        String wsKey = repo.relativize(ws).toString().replace('/', '_');
        Chain chain = chains.computeIfAbsent(wsKey, k -> new Chain());
        if (!chain.checked) {
            chain.checked = true;
            chain.dirty = refresh || !workspaceAsLeft(ws, wsKey);
        }
        String input = inputHash(scriptFile, args, chain.previousInput);
        chain.previousInput = input;
        Path file = transcripts.resolve(wsKey).resolve(String.format("%02d-%s.properties", chain.index++, script));
        if (!chain.dirty && Files.exists(file)) {
            Transcript t = Transcript.load(file);
            if (t.inputHash().equals(input)) {
                reused++;
                return new Recorded(t, false);
            }
        }
        if (chain.index == 1) startAfresh(ws); // the chain's first block runs: from an empty workspace, as a learner would
        chain.dirty = true; // everything after a re-run block runs too
        progress.accept("running scripts/" + script + ".java " + String.join(" ", args));
        Transcript t = run(ws, script, args, input);
        t.save(file);
        rememberWorkspace(ws, wsKey);
        runs++;
        return new Recorded(t, true);
    }

    /** Deletes what an earlier render built in this workspace (its own builds only), then the workspace. */
    private void startAfresh(Path ws) {
        if (!Files.isDirectory(ws)) return;
        if (!nixpylab.Workspace.peek(ws).isEmpty()) {
            Proc.of(repo.resolve("jbang").toString(), "--quiet", "scripts/ForceDelete.java", "--workdir", ws.toString()).in(repo).timeout(Duration.ofMinutes(5)).run();
        }
        Proc.of("rm", "-rf", ws.toString()).timeout(Duration.ofMinutes(1)).run();
    }

    /**
     * Runs the step from the workspace's parent folder, as a learner runs it from the repository:
     * the paths it prints read lab/result, and --workdir is shown only when the workspace is not lab.
     */
    private Transcript run(Path ws, String script, List<String> args, String input) {
        List<String> workdir = ws.getFileName().toString().equals("lab") ? List.of() : List.of("--workdir", ws.getFileName().toString());
        List<String> cmd = new ArrayList<>(List.of(repo.resolve("jbang").toString(), "--quiet", repo.resolve("scripts/" + script + ".java").toString()));
        cmd.addAll(workdir);
        cmd.addAll(args);
        List<String> shown = new ArrayList<>(List.of("./jbang", "scripts/" + script + ".java"));
        shown.addAll(workdir);
        shown.addAll(args);
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        // the step marks its stderr lines and writes them to stdout, so one pipe keeps the order a terminal would show
        Proc.Result r = Proc.of(cmd).in(ws.getParent()).env(nixpylab.OutputMarks.TAG_STDERR, "1").timeout(Duration.ofMinutes(60)).run();
        List<Proc.Line> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Proc.Line l : r.lines()) {
            String text = l.text();
            if (text.startsWith("[jbang] ")) continue;
            if (!l.stderr() && !text.isEmpty() && text.charAt(0) == nixpylab.OutputMarks.NOTE_MARK) notes.add(text.substring(1));
            else if (!l.stderr() && !text.isEmpty() && text.charAt(0) == nixpylab.OutputMarks.STDERR_MARK) lines.add(new Proc.Line(true, text.substring(1)));
            else lines.add(l);
        }
        String nixName = "";
        String nixText = "";
        try (Stream<Path> s = Files.list(ws)) {
            Optional<Path> nix = s.filter(p -> p.toString().endsWith(".nix")).sorted().findFirst();
            if (nix.isPresent()) {
                nixName = nix.get().getFileName().toString();
                nixText = Files.readString(nix.get());
            }
        } catch (IOException e) {
            // no workspace yet: the step failed before writing one
        }
        return new Transcript(script, shown, r.exitCode(), lines, notes, r.elapsed().toMillis(), nixVersion(), system(), profileOf(ws), date, input, nixName, nixText);
    }

    private String inputHash(Path scriptFile, List<String> args, String previous) {
        StringBuilder sb = new StringBuilder(previous).append('\n').append(String.join("\u001f", args)).append('\n');
        try {
            List<Path> files = new ArrayList<>(List.of(scriptFile));
            for (String dir : List.of("scripts/nixpylab", "scripts/terminal")) {
                try (Stream<Path> s = Files.walk(repo.resolve(dir))) {
                    s.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".nix")).sorted().forEach(files::add);
                }
            }
            for (Path f : files) sb.append(f.getFileName()).append(' ').append(NixHash.of(Files.readAllBytes(f)).base16()).append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return NixHash.of(sb.toString().getBytes(StandardCharsets.UTF_8)).base16();
    }

    /** The .nix files of a workspace, hashed: what the last render left, to notice edits since. */
    private static String workspaceDigest(Path ws) {
        if (!Files.isDirectory(ws)) return "missing";
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> s = Files.list(ws)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".nix")).sorted().toList()) {
                sb.append(p.getFileName()).append(' ').append(NixHash.of(Files.readAllBytes(p)).base16()).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return NixHash.of(sb.toString().getBytes(StandardCharsets.UTF_8)).base16();
    }

    private boolean workspaceAsLeft(Path ws, String key) {
        Path f = transcripts.resolve(key).resolve("workspace.sha256");
        try {
            return Files.exists(f) && Files.readString(f).strip().equals(workspaceDigest(ws));
        } catch (IOException e) {
            return false;
        }
    }

    private void rememberWorkspace(Path ws, String key) {
        AtomicFile.write(transcripts.resolve(key).resolve("workspace.sha256"), workspaceDigest(ws) + "\n");
    }

    private static String profileOf(Path ws) {
        if (!Files.isDirectory(ws)) return "none";
        return nixpylab.Workspace.peek(ws).profile().map(p -> p.id()).orElse("none");
    }

    private String nixVersion() {
        if (nixVersion == null) {
            nixVersion = nixpylab.nix.Nix.installedVersion();
        }
        return nixVersion;
    }

    private String system() {
        if (system == null) {
            Proc.Result r = Proc.of("nix-instantiate", "--eval", "-E", "builtins.currentSystem").timeout(Duration.ofSeconds(20)).run();
            system = r.ok() ? r.stdout().strip().replace("\"", "") : "unknown";
        }
        return system;
    }
}
