package terminal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nixpylab.Proc;
import nixpylab.UserError;
import nixpylab.steps.Step;

/** The other steps' scripts, run as the learner would run them: by --from-start, the tutorial and publish. */
public final class StepScripts {
    private StepScripts() {}

    /** Runs another step's script with these arguments, on this terminal; stops with its exit code when it fails. */
    public static int run(Step s, List<String> args, List<String[]> env) {
        Path repo = Cli.repository();
        List<String> cmd = new ArrayList<>(List.of(repo.resolve("jbang").toString(), repo.resolve("scripts/" + s.script() + ".java").toString()));
        cmd.addAll(args);
        Proc p = Proc.of(cmd).timeout(Duration.ofHours(3));
        for (String[] e : env) p.env(e[0], e[1]);
        int code = p.runInherited();
        System.err.println();
        return code;
    }

    /** For --from-start and the tutorial: a failed earlier step stops this one. */
    public static void requireOk(Step s, int code) {
        if (code != 0) {
            throw new UserError("An earlier step, " + s.script() + ", failed (exit code " + code + "); see its output above.", "Fix what it reports, then run again.");
        }
    }
}
