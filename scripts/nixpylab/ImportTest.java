package nixpylab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Step 6: run the built python and import each Setup.local module, each in its own process. */
public final class ImportTest {
    /** where is "built-in" when the module was linked into python (Setup.local's doing), else the file it came from. */
    public record Import(String module, String importName, boolean ok, String where, String errorLine) {}

    public record Outcome(StorePath out, Path python, List<Import> imports) {
        public boolean allOk() {
            return imports.stream().allMatch(Import::ok);
        }
    }

    private ImportTest() {}

    public static Outcome run(Workspace ws, Nix nix, List<String> extraModules) {
        Steps.require(ws, "lastOut", "Build");
        StorePath out = Steps.lastBuilt(ws).orElseThrow();
        if (!nix.isValid(out)) {
            throw new UserError(out + " is no longer in the store (ForceDelete removed it).", "Run ./jbang scripts/Build.java to build it again, then test.");
        }
        Path python = Path.of(out.path(), "bin", "python3");
        if (!Files.isExecutable(python)) {
            throw new UserError(out + " has no bin/python3: the build installed something else.", "Look at the build log under " + ws.logDir() + ".");
        }
        List<String> modules = new ArrayList<>(ws.list("modules"));
        for (String m : extraModules) if (!modules.contains(m)) modules.add(m);
        List<Import> results = new ArrayList<>();
        for (String m : modules) {
            String name = SetupLocal.importName(m);
            String program = "import sys, " + name + "\nm = sys.modules.get('" + m + "')\nprint(getattr(m, '__file__', None) or 'built-in')";
            Proc.Result r = Proc.of(python.toString(), "-c", program).timeout(Duration.ofSeconds(60)).run();
            String err = r.ok() ? "" : AptSources.lastLine(r.stderr());
            results.add(new Import(m, name, r.ok(), r.ok() ? r.stdout().strip() : "", err));
        }
        ws.set("step.test", java.time.Instant.now().toString());
        ws.save();
        return new Outcome(out, python, results);
    }
}
