package workshop;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nixpylab.HostSetup;
import nixpylab.ImportTest;
import nixpylab.Proc;
import nixpylab.SetupLocal;
import nixpylab.StorePath;

/**
 * Exercise: a C module made to work by Setup.local and its input. Builds the learner's file into
 * {@code result}, then imports the module with the built python and asks python which C modules
 * are built into it.
 */
final class ImportModuleCheck implements Check {
    private static final Pattern UNDEFINED = Pattern.compile("undefined reference to [`']([A-Za-z0-9_]+)'");
    private static final Pattern MISSING_HEADER = Pattern.compile("fatal error: ([A-Za-z0-9_./-]+\\.h): No such file");

    @Override
    public Verdict run(Attempt a) {
        String module = a.exercise().setting("module");
        String importName = SetupLocal.importName(module);
        String file = a.mainFile();
        a.outputOf(file);
        Proc.Result build = a.nix(Duration.ofMinutes(30), "nix-build", "-o", "result", file);
        if (!build.ok()) throw a.fail(buildFailure(a, build));
        StorePath out = StorePath.parse(lastLine(build.stdout()));
        ImportTest.Import imp = ImportTest.runOn(out, List.of(module)).imports().get(0);
        a.note("$ result/bin/python3 -c 'import " + importName + "'   (" + (imp.ok() ? "ok, " + module + " " + imp.where() : imp.errorLine()) + ")");
        if (imp.ok()) {
            String where = imp.where().equals("built-in") ? module + " is built into python, from Setup.local" : module + " comes from " + imp.where();
            return a.pass("The build succeeded and 'import " + importName + "' works: " + where + ".");
        }
        List<String> builtIn = builtInModules(out);
        if (!builtIn.contains(module)) {
            List<String> fromSetupLocal = builtIn.stream().filter(SetupLocal.VIDEO_MODULES::contains).toList();
            throw a.fail("The build succeeded but 'import " + importName + "' fails: " + module + " is not in Setup.local, so python has no "
                    + module + " built in (of the tutorial's C modules it has " + (fromSetupLocal.isEmpty() ? "none" : String.join(", ", fromSetupLocal)) + ").");
        }
        throw a.fail("The build succeeded and " + module + " is built in, but 'import " + importName + "' fails: " + imp.errorLine());
    }

    private String buildFailure(Attempt a, Proc.Result build) {
        String log = build.stderr();
        Matcher undefined = UNDEFINED.matcher(log);
        if (undefined.find()) {
            return "The build failed when linking python: undefined reference to '" + undefined.group(1)
                    + "'. A module in Setup.local is compiled, but its line does not name the library that defines that function (-l…).";
        }
        Matcher header = MISSING_HEADER.matcher(log);
        if (header.find()) {
            String pkg = a.exercise().settings().getProperty("hostPackage", "");
            String installed = pkg.isEmpty() ? "" : HostSetup.missing(List.of(pkg)).isEmpty() ? " (" + pkg + " is installed, so check the name in the file)" : ", and " + pkg + " is not installed here: apt-get install " + pkg;
            return "The build failed: the compiler cannot find " + header.group(1) + ". The module's library headers are an input of the build: in this bare profile they come from the host package "
                    + pkg + installed + "; with nixpkgs you would add the library to buildInputs.";
        }
        if (log.contains("makesetup: bad word") || log.contains("makesetup:")) {
            return "The build failed while reading Setup.local: " + Attempt.errorOf(build) + " Each line is a module name, its C files, then flags.";
        }
        Optional<String> nixError = nixpylab.Nix.firstError(log);
        return "The build failed: " + nixError.orElse(build.lastErrorLine()).replaceFirst("^error: ", "")
                + " The compiler's own message is a few lines above Nix's in the output of 'nix-build " + a.mainFile() + "'.";
    }

    private static List<String> builtInModules(StorePath out) {
        Proc.Result r = Proc.of(out.path() + "/bin/python3", "-c", "import sys; print(' '.join(sys.builtin_module_names))").timeout(Duration.ofSeconds(30)).run();
        return r.ok() ? List.of(r.stdout().strip().split(" ")) : List.of();
    }

    private static String lastLine(String s) {
        String[] l = s.strip().split("\n");
        return l[l.length - 1];
    }
}
