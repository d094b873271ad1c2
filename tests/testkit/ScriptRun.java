package testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nixpylab.Proc;

/** Runs a step script the way a learner does, through ./jbang, and keeps what it printed. */
public final class ScriptRun {
    public static final Path REPO = Captures.repo();
    public static final String TEST_SOURCES = "/var/tmp/nixpylab-test-sources";
    /** Long enough for any step on the tiny package (TinyPackage), whose builds take seconds. */
    public static final Duration STEP = Duration.ofMinutes(3);

    private ScriptRun() {}

    public static Proc.Result run(String script, Duration timeout, String... args) {
        return run(script, timeout, List.of(), args);
    }

    public static Proc.Result run(String script, Duration timeout, List<String[]> env, String... args) {
        List<String> cmd = new ArrayList<>(List.of(REPO.resolve("jbang").toString(), "--quiet", REPO.resolve("scripts").resolve(script + ".java").toString()));
        cmd.addAll(List.of(args));
        Proc p = Proc.of(cmd).in(REPO).timeout(timeout).env("NIXPY_SOURCES", TEST_SOURCES);
        for (String[] e : env) p.env(e[0], e[1]);
        return p.run();
    }

    /** A step in a workspace of the test's own: {@code --workdir WORKSPACE}, then the step's own arguments, within {@link #STEP}. */
    public static Proc.Result step(Path workspace, String script, String... args) {
        return run(script, STEP, inWorkspace(workspace.toString(), args));
    }

    /** {@code --workdir WORKSPACE} and then the arguments, as a step takes them. */
    public static String[] inWorkspace(String workspace, String... args) {
        List<String> all = new ArrayList<>(List.of("--workdir", workspace));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    /** A path as the steps print it when run from the repository, as ScriptRun runs them: relative to it. */
    public static String shown(Path p) {
        return REPO.relativize(p.toAbsolutePath().normalize()).toString();
    }

    public static String describe(Proc.Result r) {
        return "exit " + r.exitCode() + "\n--- stdout\n" + r.stdout() + "--- stderr\n" + r.stderr();
    }
}
