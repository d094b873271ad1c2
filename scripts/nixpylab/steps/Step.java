package nixpylab.steps;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import nixpylab.UserError;
import nixpylab.workspace.RecordedStep;

/**
 * The tutorial's steps, in their order: the one list that the tutorial, --from-start and the
 * prerequisite checks read. Each step is a script of the same name (scripts/Build.java), a class of
 * this package (BuildStep) and a chapter.
 */
public enum Step implements RecordedStep {
    FETCH_FAKE_HASH("FetchFakeHash", "02-fake-hash"),
    POST_PATCH("PostPatch", "03-postpatch"),
    BUILD("Build", "04-build"),
    ROOTS("Roots", "05-roots"),
    FORCE_DELETE("ForceDelete", "06-force-delete"),
    TEST_PYTHON("TestPython", "07-test"),
    REPEATABLE("Repeatable", "08-still-wrong"),
    REMEMBER("Remember", "08-still-wrong"),
    INPUTS("Inputs", "08-still-wrong"),
    CONFIGURATION("Configuration", "08-still-wrong"),
    CLOSURE("Closure", "10-open-lessons"),
    LANGUAGE("Language", "10-open-lessons"),
    NIX_COMMAND("NixCommand", "10-open-lessons"),
    TRUST("Trust", "10-open-lessons");

    private final String script;
    private final String chapter;

    Step(String script, String chapter) {
        this.script = script;
        this.chapter = chapter;
    }

    /** The script's name: scripts/NAME.java. */
    public String script() {
        return script;
    }

    public String chapter() {
        return chapter;
    }

    /** How a workspace records that it was done: done.build. */
    @Override
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The whole tutorial: the steps in order, with the build run again after the forced delete, then the test. */
    public static List<Step> tutorial() {
        return List.of(FETCH_FAKE_HASH, POST_PATCH, BUILD, ROOTS, FORCE_DELETE, BUILD, TEST_PYTHON);
    }

    /** Whether the learner can do this step with their own hands, Nix checking (its script takes --by-hand). */
    public boolean byHand() {
        return this == FETCH_FAKE_HASH || this == POST_PATCH || this == BUILD || this == FORCE_DELETE;
    }

    /**
     * What must have run first: every step up to the build that comes before this one (for a step
     * after the build, all of them); NixCommand also Closure's program; Language and Trust nothing.
     */
    public List<Step> needs() {
        if (this == LANGUAGE || this == TRUST) return List.of();
        List<Step> before = new ArrayList<>();
        for (Step s : values()) {
            if (s.ordinal() >= Math.min(ordinal(), BUILD.ordinal() + 1)) break;
            before.add(s);
        }
        if (this == NIX_COMMAND) before.add(CLOSURE);
        return before;
    }

    /** Refuses to run this step before the ones it needs, naming the first script to run. */
    public void requireDone(Predicate<Step> done, Path workspace) {
        for (Step s : needs()) {
            if (!done.test(s)) {
                throw new UserError("This step needs the " + s.script() + " step first; the workspace " + workspace + " has not been through it.",
                        "Run ./jbang scripts/" + s.script() + ".java (or add --from-start to this step to run everything before it).");
            }
        }
    }
}
