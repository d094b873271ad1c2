package nixpylab.steps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nixpylab.Proc;
import nixpylab.UserError;
import nixpylab.workspace.Workspace;
import nixpylab.derivation.SetupLocal;
import nixpylab.nix.Nix;
import nixpylab.nix.StorePath;

/** Step 6: run the built python and import each Setup.local module, each in its own process, as many at once as there are processors. */
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
        Step.TEST_PYTHON.requireDone(ws.state()::done, ws.dir());
        StorePath out = ws.lastBuilt().orElseThrow();
        // whether the output is still valid is asked while the imports run: the answer decides only what is said
        CompletableFuture<Boolean> valid = CompletableFuture.supplyAsync(() -> nix.isValid(out));
        Outcome o;
        try {
            o = runOn(out, ws.state().modules().orElseThrow());
        } catch (UserError e) {
            if (!valid.join()) throw gone(out);
            throw e;
        }
        if (!valid.join()) throw gone(out);
        ws.state().done(Step.TEST_PYTHON, Instant.now());
        ws.save();
        return o;
    }

    private static UserError gone(StorePath out) {
        return new UserError(out + " is no longer in the store (ForceDelete removed it).", "Run ./jbang scripts/Build.java to build it again, then test.");
    }

    /** Imports each module with the python of a built output. */
    public static Outcome runOn(StorePath out, List<String> modules) {
        Path python = Path.of(out.path(), "bin", "python3");
        if (!Files.isExecutable(python)) {
            throw new UserError(out + " has no bin/python3: the build installed something else.", "Look at the build log in the workspace's logs/ directory.");
        }
        // each import in a fresh python of its own, so one module's failure cannot hide another's;
        // they do not depend on each other, so as many run at once as there are processors
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(modules.size(), Runtime.getRuntime().availableProcessors())));
        try {
            List<Future<Import>> running = new ArrayList<>();
            for (String m : modules) running.add(pool.submit(() -> importOne(python, m)));
            List<Import> results = new ArrayList<>();
            for (Future<Import> f : running) results.add(f.get());
            return new Outcome(out, python, results);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("Interrupted while importing the modules.", "Run ./jbang scripts/TestPython.java again.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Import importOne(Path python, String module) {
        String name = SetupLocal.importName(module);
        String program = "import sys, " + name + "\nm = sys.modules.get('" + module + "')\nprint(getattr(m, '__file__', None) or 'built-in')";
        Proc.Result r = Proc.of(python.toString(), "-c", program).timeout(Duration.ofSeconds(60)).run();
        return new Import(name, r.ok(), r.ok() ? r.stdout().strip() : "", r.ok() ? "" : r.lastErrorLine());
    }
}
