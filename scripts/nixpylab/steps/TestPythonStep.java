package nixpylab.steps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nixpylab.Proc;
import nixpylab.UserError;
import nixpylab.Workspace;
import nixpylab.derivation.SetupLocal;
import nixpylab.nix.Nix;
import nixpylab.nix.StorePath;

/** Step 6: run the built python and import each Setup.local module, each in its own process. */
public final class TestPythonStep {
    /** where is "built-in" when the module was linked into python (Setup.local's doing), else the file it came from. */
    public record Import(String importName, boolean ok, String where, String errorLine) {}

    public record Outcome(StorePath out, Path python, List<Import> imports) {
        public boolean allOk() {
            return imports.stream().allMatch(Import::ok);
        }
    }

    private TestPythonStep() {}

    public static Outcome run(Workspace ws, Nix nix) {
        Step.TEST_PYTHON.requireDone(ws.state(), ws.dir());
        StorePath out = ws.lastBuilt().orElseThrow();
        if (!nix.isValid(out)) {
            throw new UserError(out + " is no longer in the store (ForceDelete removed it).", "Run ./jbang scripts/Build.java to build it again, then test.");
        }
        Outcome o = runOn(out, ws.state().modules().orElseThrow());
        ws.state().done(Step.TEST_PYTHON, java.time.Instant.now());
        ws.save();
        return o;
    }

    /** Imports each module with the python of a built output. */
    public static Outcome runOn(StorePath out, List<String> modules) {
        Path python = Path.of(out.path(), "bin", "python3");
        if (!Files.isExecutable(python)) {
            throw new UserError(out + " has no bin/python3: the build installed something else.", "Look at the build log in the workspace's logs/ directory.");
        }
        List<Import> results = new ArrayList<>();
        for (String m : modules) {
            String name = SetupLocal.importName(m);
            String program = "import sys, " + name + "\nm = sys.modules.get('" + m + "')\nprint(getattr(m, '__file__', None) or 'built-in')";
            Proc.Result r = Proc.of(python.toString(), "-c", program).timeout(Duration.ofSeconds(60)).run();
            String err = r.ok() ? "" : r.lastErrorLine();
            results.add(new Import(name, r.ok(), r.ok() ? r.stdout().strip() : "", err));
        }
        return new Outcome(out, python, results);
    }
}
