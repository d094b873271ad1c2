///usr/bin/env jbang "$0" "$@" ; exit $?
//SOURCES nixpylab/Toolkit.java

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import nixpylab.HostSetup;
import nixpylab.UserError;
import nixpylab.nix.NixVersion;
import nixpylab.nix.StorePath;
import nixpylab.workspace.TutorialRun;
import nixpylab.workspace.Workspace;
import nixpylab.nix.Nix;
import nixpylab.steps.Step;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import terminal.Cli;
import terminal.ExitCodes;
import terminal.Lab;
import terminal.LabOptions;
import terminal.StepScripts;

@Command(name = "Tutorial", mixinStandardHelpOptions = true, version = Cli.VERSION,
        description = "Runs the steps in order, each as its own script (fetch with a fake hash, postPatch, build, roots, forced delete, build again, test) and sums up.",
        exitCodeList = {"0:Every step did what it shows.", "other:The exit code of the first step that failed (see its --help)."})
public class Tutorial implements Callable<Integer> {
    @Mixin
    LabOptions options;

    @Option(names = "--no-install", description = "Never install missing packages; only say what is missing.")
    boolean noInstall;

    @Option(names = "--by-hand", description = "Do the steps yourself where you can (FetchFakeHash, PostPatch, Build, ForceDelete): each says what to write and type and waits for Nix to find it done; run the same command again to go on where you stopped.")
    boolean byHand;

    @Option(names = "--verbose", description = "Show JBang's own lines when it compiles a step (resolving dependencies, building the jar).")
    boolean verbose;

    private record Row(Step step, int exitCode, Duration wall, String said) {}

    public static void main(String[] args) {
        System.exit(Cli.execute(new Tutorial(), args));
    }

    @Override
    public Integer call() throws IOException {
        ensureHost();
        Path summary = Files.createTempFile("nixpylab-summary", ".tsv");
        Path notesSaid = Files.createTempFile("nixpylab-notes", ".txt");
        List<String[]> env = List.of(new String[] {Lab.SUMMARY_FILE, summary.toString()}, new String[] {Lab.NOTES_SAID_FILE, notesSaid.toString()},
                verbose ? new String[] {"NIXPY_JBANG_VERBOSE", "1"} : new String[] {"NIXPY_JBANG_QUIET", "1"});
        System.err.println("Each step is its own script (scripts/<Step>.java); JBang compiles one on its first run, which adds a few seconds"
                + (verbose ? "." : " (--verbose shows JBang's lines)."));
        System.err.println();
        List<Row> rows = new ArrayList<>();
        int code = 0;
        int from = byHand ? handStart() : 0;
        try {
            for (int i = from; i < Step.tutorial().size(); i++) {
                Step s = Step.tutorial().get(i);
                long t = System.nanoTime();
                List<String> args = new ArrayList<>(options.asArgs());
                if (byHand && s.byHand()) args.add("--by-hand");
                int rc = StepScripts.run(s, args, env);
                if (rc == 0 && byHand) handReached(i + 1);
                List<String> said = Files.readAllLines(summary);
                rows.add(new Row(s, rc, Duration.ofNanos(System.nanoTime() - t), said.size() > rows.size() ? said.get(rows.size()).replaceFirst("^[^\t]*\t", "") : ""));
                if (rc != 0) {
                    code = rc;
                    break;
                }
            }
        } finally {
            Files.deleteIfExists(summary);
            Files.deleteIfExists(notesSaid);
        }
        if (from == 0 && !rows.isEmpty()) keepRecord(rows, code);
        System.err.println("== Summary");
        List<Step> all = Step.tutorial();
        for (int i = 0; i < all.size(); i++) {
            String name = summaryName(i);
            if (i < from) {
                System.err.println(String.format("  %-14s %-7s", name, "done before, by hand"));
            } else if (i - from < rows.size()) {
                Row r = rows.get(i - from);
                System.err.println(String.format("  %-14s %-7s %8.1f s  %s", name, r.exitCode() == 0 ? "ok" : r.exitCode() == ExitCodes.STOPPED_BY_HAND && byHand ? "stopped" : "FAILED", r.wall().toMillis() / 1000.0, r.said()).stripTrailing());
            } else {
                System.err.println(String.format("  %-14s %-7s", name, "not run"));
            }
        }
        if (code == ExitCodes.STOPPED_BY_HAND) System.err.println("You stopped by hand: run ./jbang scripts/Tutorial.java --by-hand again to go on where you were.");
        if (code == 0 && !byHand) System.err.println("Now do it yourself: ./jbang scripts/Tutorial.java --by-hand --workdir mine (you write and type, Nix checks), or ./jbang scripts/Workshop.java watch.");
        if (code == 0) System.err.println("What the video leaves open (chapter 10): ./jbang scripts/Closure.java --nix-command (what the build needs against what python needs to run), ./jbang scripts/Language.java (the Nix the video is unsure of), ./jbang scripts/NixCommand.java (each step with the nix command) and ./jbang scripts/Trust.java (who needs root).");
        return code;
    }

    /** A step's name in the summary: "Build (again)" for the second build. */
    private static String summaryName(int i) {
        List<Step> all = Step.tutorial();
        return all.get(i).script() + (all.subList(0, i).contains(all.get(i)) ? " (again)" : "");
    }

    /** Keeps what this run did in its workspace (TutorialRun), where the tests find the run a learner just made. */
    private void keepRecord(List<Row> rows, int code) {
        List<TutorialRun.StepRun> steps = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            steps.add(new TutorialRun.StepRun(summaryName(i), r.exitCode(), r.wall().toMillis(), r.said()));
        }
        try (Workspace ws = Workspace.open(options.workdir)) {
            new TutorialRun(NixVersion.installed().text(), ws.state().nixStore().orElse("host"), Instant.now(), code,
                    ws.lastBuilt().map(StorePath::toString), steps).write(ws.dir());
        }
    }

    /** Where a tutorial by hand goes on in its workspace: after the steps an earlier run finished there. */
    private int handStart() {
        try (Workspace ws = Workspace.open(options.workdir)) {
            int at = Math.min(ws.state().handTutorialAt(), Step.tutorial().size());
            if (at == Step.tutorial().size()) {
                throw new UserError("Every step of the tutorial is done by hand in " + options.workdir + " already.", "Start again in a new folder: ./jbang scripts/Tutorial.java --by-hand --workdir NEW.");
            }
            if (at > 0) System.err.println("Going on by hand where you stopped: step " + (at + 1) + ", " + Step.tutorial().get(at).script() + ".");
            return at;
        }
    }

    private void handReached(int steps) {
        try (Workspace ws = Workspace.open(options.workdir)) {
            ws.state().handTutorialAt(steps);
            ws.save();
        }
    }

    /** Installs Nix and the build dependencies when missing (root on Debian), saying what it installs. */
    private void ensureHost() {
        if (!HostSetup.isDebian()) {
            Nix.requireInstalled();
            return;
        }
        List<String> missing = HostSetup.missing(HostSetup.PACKAGES);
        if (missing.isEmpty()) return;
        String cmd = Cli.shown(HostSetup.installCommand(missing));
        if (noInstall || !HostSetup.isRoot()) {
            throw new UserError("These packages are needed and not installed: " + String.join(" ", missing) + ".", "Run as root: " + cmd + " (then run this again).");
        }
        System.err.println("installing what the tutorial needs: " + cmd);
        HostSetup.install(missing);
    }
}
