package workshop;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import nixpylab.HostSetup;
import nixpylab.Proc;
import nixpylab.derivation.SetupLocal;
import nixpylab.nix.StorePath;
import nixpylab.steps.TestPythonStep;

/**
 * Exercise: a C module made to work by Setup.local and its input. Builds the learner's file into
 * {@code result}, then imports the module with the built python and asks python which C modules
 * are built into it.
 */
final class ImportModuleCheck implements Check {
    @Override
    public Verdict run(Attempt a) {
        String module = a.exercise().setting("module");
        String importName = SetupLocal.importName(module);
        String file = a.mainFile();
        a.outputOf(file);
        Proc.Result build = a.nix(Duration.ofMinutes(30), "nix-build", "-o", "result", file);
        if (!build.ok()) throw a.fail(buildFailure(a, build));
        StorePath out = StorePath.parse(lastLine(build.stdout()));
        Path python = Path.of(out.path(), "bin", "python3");
        Path real = realPath(python);
        if (real == null || !real.startsWith(out.path())) {
            throw a.fail("result/bin/python3 is not a python that " + file + " built: it " + (real == null ? "is missing" : "leads to " + real)
                    + ", outside the build's output " + out + ". The exercise is to build CPython with " + module + " in it, not to point at another python.");
        }
        TestPythonStep.Import imp = TestPythonStep.runOn(out, List.of(module)).imports().get(0);
        a.note("$ result/bin/python3 -c 'import " + importName + "'   (" + (imp.ok() ? "ok, " + module + " " + imp.where() : imp.errorLine()) + ")");
        List<String> builtIn = builtInModules(out);
        if (imp.ok() && builtIn.contains(module)) {
            return a.pass("The build succeeded and 'import " + importName + "' works: " + module + " is built into the python " + file + " built, from Setup.local.");
        }
        if (imp.ok()) {
            throw a.fail("'import " + importName + "' works, but " + module + " is not built into python: it comes from " + imp.where()
                    + ". The task is " + module + " built in: name it in Setup.local.");
        }
        if (!builtIn.contains(module)) {
            List<String> fromSetupLocal = builtIn.stream().filter(SetupLocal.VIDEO_MODULES::contains).toList();
            throw a.fail("The build succeeded but 'import " + importName + "' fails: " + module + " is not in Setup.local, so python has no "
                    + module + " built in (of the tutorial's C modules it has " + (fromSetupLocal.isEmpty() ? "none" : String.join(", ", fromSetupLocal)) + ").");
        }
        throw a.fail("The build succeeded and " + module + " is built in, but 'import " + importName + "' fails: " + imp.errorLine());
    }

    private String buildFailure(Attempt a, Proc.Result build) {
        String pkg = a.exercise().settings().getProperty("hostPackage", "");
        boolean installed = pkg.isEmpty() || HostSetup.missing(List.of(pkg)).isEmpty();
        return BuildFailure.explain(build.stderr(), a.mainFile(), pkg, installed);
    }

    private static List<String> builtInModules(StorePath out) {
        Proc.Result r = Proc.of(out.path() + "/bin/python3", "-c", "import sys; print(' '.join(sys.builtin_module_names))").timeout(Duration.ofSeconds(30)).run();
        return r.ok() ? List.of(r.stdout().strip().split(" ")) : List.of();
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    private static String lastLine(String s) {
        String[] l = s.strip().split("\n");
        return l[l.length - 1];
    }
}
