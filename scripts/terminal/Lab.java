package terminal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import nixpylab.Proc;
import nixpylab.ShellWords;
import nixpylab.derivation.Profile;
import nixpylab.nix.Nix;
import nixpylab.nix.NixAnswer;
import nixpylab.room.Membership;
import nixpylab.source.SourceLocator;
import nixpylab.steps.ByHand;
import nixpylab.steps.Step;
import nixpylab.workspace.Workspace;
import nixpylab.workspace.WorkspaceState;

/**
 * One run of a tutorial step on the terminal. Opening it runs the steps this one needs first when
 * asked to (--from-start: each as its own script, as the learner would), opens the workspace with
 * its profile, checks the prerequisites from {@link Step}'s order, and prints the step's header
 * and how Nix runs here. The step then prints through it: paths and commands as the learner types them.
 */
public final class Lab implements AutoCloseable {
    /** Set by the tutorial: each step adds a line "Step<TAB>what it did" to this file for the summary. */
    public static final String SUMMARY_FILE = "NIXPY_SUMMARY";
    /** Set by the tutorial: the notes on how Nix runs here already said in this run, so each is said once. */
    public static final String NOTES_SAID_FILE = "NIXPY_NOTES_SAID";

    private static Nix detected;

    public final PrintStream out;
    public final PrintStream err;
    private final InputStream in;
    private final boolean oneTarget;
    private final Step step;
    private final Workspace workspace;
    private final Nix nix;
    private final List<String> said = new ArrayList<>();

    private Lab(Streams streams, Step step, Workspace workspace, Nix nix) {
        this.out = streams.out();
        this.err = streams.err();
        this.in = streams.in();
        this.oneTarget = streams.oneTarget();
        this.step = step;
        this.workspace = workspace;
        this.nix = nix;
    }

    public static Lab open(LabOptions o, Step step) {
        if (o.fromStart) {
            for (Step s : step.needs()) StepScripts.requireOk(s, StepScripts.run(s, o.asArgs(), List.of()));
        }
        Nix.requireInstalled();
        Workspace ws = Workspace.open(o.workdir);
        try {
            WorkspaceState st = ws.state();
            st.profile(Profile.forWorkspace(o.profile, o.nixpkgs, st.profile(), ws.dir()));
            if (o.nixpkgs != null) st.nixpkgs(o.nixpkgs.toAbsolutePath().normalize());
            Optional<Membership> room = Membership.near(ws.dir());
            if (room.isPresent()) {
                st.adoptIdentity(room.get().info().identity());
                if (o.sources.source == null && o.sources.sourceUrl == null) o.sources.sourceUrl = room.get().sourceUrl();
            }
            Nix nix = nixFor(st, o);
            Lab lab = new Lab(o.streams, step, ws, room.map(m -> m.forSteps(nix)).orElse(nix));
            lab.header();
            return lab;
        } catch (RuntimeException e) {
            ws.close();
            throw e;
        }
    }

    /** Nix for this workspace: -I nixpkgs=… when given; in the bare profile, the host's toolchain and the source's folders opened in the sandbox. */
    private static Nix nixFor(WorkspaceState st, LabOptions o) {
        if (detected == null) detected = Nix.detect();
        if (st.profile().orElseThrow() == Profile.NIXPKGS) return st.nixpkgs().map(detected::withNixpkgs).orElse(detected);
        return detected.withHostPaths(SourceLocator.sandboxDirs(o.sources.sourceUrl, st.source().map(s -> s.url()).orElse(null)));
    }

    private void header() {
        WorkspaceState st = workspace.state();
        err.println("== " + step.script() + " (workspace " + Cli.path(workspace.dir()) + ", profile " + st.profile().map(Profile::id).orElse("?")
                + st.nixpkgs().map(p -> ", nixpkgs " + p).orElse("") + ")");
        for (String note : nix.notes()) {
            if (firstTimeThisRun(note)) Cli.runNote(err, note);
        }
    }

    /** False for a note an earlier step of the same tutorial run said already (and remembers it otherwise). */
    private static boolean firstTimeThisRun(String note) {
        String file = System.getenv(NOTES_SAID_FILE);
        if (file == null) return true;
        try {
            Path p = Path.of(file);
            if (Files.exists(p) && Files.readAllLines(p, StandardCharsets.UTF_8).contains(note)) return false;
            Files.writeString(p, note + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return true;
        } catch (IOException e) {
            return true;
        }
    }

    public Workspace workspace() {
        return workspace;
    }

    public Nix nix() {
        return nix;
    }

    /** A line of the story (stderr: what the learner reads). */
    public void say(String line) {
        said.add(line);
        err.println(line);
    }

    /**
     * A line of the result (stdout: what another program would take). When stdout and stderr reach
     * the same terminal or file, a result the story has just said (a store path) is not said twice.
     */
    public void print(Object line) {
        String text = String.valueOf(line);
        if (oneTarget && said.stream().anyMatch(l -> l.endsWith(" " + text))) return;
        out.println(text);
    }

    /**
     * A step done by hand: asks Nix first (a learner who stopped midway goes on where they were),
     * then says what to write and type, and waits for Enter to ask Nix again, until Nix finds it done
     * or the learner stops (q, or the end of input): then nothing is changed, and the exit code is
     * 3 ({@link ExitCodes#NOT_YET}). summary: what the tutorial's summary says when it is done.
     */
    public int byHand(ByHand.Task task, Supplier<ByHand.Verdict> check, String summary) {
        ByHand.Verdict v = check.get();
        if (v instanceof ByHand.Done d) {
            say("done already, by hand: " + d.said());
            return done(summary);
        }
        say("by hand: " + task.goal());
        if (!task.write().isEmpty()) {
            say("write into " + Cli.path(Path.of(task.file())) + ":");
            for (String l : task.write()) say("  " + l);
        }
        if (!task.type().isEmpty()) {
            say("type, in another terminal:");
            say("  $ " + ShellWords.shown(List.of("cd", Path.of(task.file()).toAbsolutePath().getParent().toString())));
            for (String c : task.type()) say("  $ " + c);
        }
        BufferedReader answers = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        ByHand.NotYet n = (ByHand.NotYet) v;
        say("now: " + n.wrong());
        while (true) {
            err.print("press Enter when done, or q to stop for now: ");
            err.flush();
            String line;
            try {
                line = answers.readLine();
            } catch (IOException e) {
                line = null;
            }
            if (line == null || line.strip().equals("q")) {
                if (line == null) err.println();
                say("stopped: nothing was changed; your edits stay, and the same command goes on from here (next: " + n.next() + ")");
                return exit(ExitCodes.STOPPED_BY_HAND, "stopped, by hand, before it was done");
            }
            v = check.get();
            if (v instanceof ByHand.Done d) {
                say("Nix says: " + d.said());
                return done(summary);
            }
            n = (ByHand.NotYet) v;
            say("not yet: " + n.wrong());
            say("next: " + n.next());
        }
    }

    /** A command as the learner would type it: "$ nix-build …". */
    public void command(List<String> cmd) {
        err.println("$ " + Cli.shown(cmd));
    }

    /**
     * A command Nix answered, and its answer as a terminal showed it (paths as typed here), without
     * Nix's housekeeping: the lines about stale links and temporary-roots files that it removes while
     * it looks for roots. Which of those a command meets is this machine's history (what other
     * folders, and earlier runs of this one, left behind), not the command's answer; the lines before
     * the command say that they are left out.
     */
    public void answer(NixAnswer a) {
        command(a.command());
        for (Proc.Line l : a.lines()) {
            if (l.text().startsWith("removing stale link from ") || l.text().startsWith("removing stale temporary roots file ")) continue;
            if (l.stderr()) say(Cli.relative(l.text()));
            else print(Cli.relative(l.text()));
        }
    }

    public String path(Path p) {
        return Cli.path(p);
    }

    /** The step went as it should: says so in the tutorial's summary, and exits 0. */
    public int done(String said) {
        return exit(0, said);
    }

    /** The step ends with this exit code (Nix's, where Nix failed) and says what happened in the tutorial's summary. */
    public int exit(int code, String said) {
        String file = System.getenv(SUMMARY_FILE);
        if (file != null) {
            try {
                Files.writeString(Path.of(file), step.script() + "\t" + said + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return code;
    }

    /** m:ss, as a build's clock shows it. */
    public static String clock(Duration d) {
        long s = d.toSeconds();
        return String.format("%d:%02d", s / 60, s % 60);
    }

    @Override
    public void close() {
        workspace.close();
    }
}
