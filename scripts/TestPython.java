///usr/bin/env jbang "$0" "$@" ; exit $?
//SOURCES nixpylab/Toolkit.java

import java.util.concurrent.Callable;
import nixpylab.steps.Step;
import nixpylab.steps.TestPythonStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import terminal.Cli;
import terminal.ExitCodes;
import terminal.Lab;
import terminal.LabOptions;

@Command(name = "TestPython", mixinStandardHelpOptions = true, version = Cli.VERSION,
        description = "Step 6: import each Setup.local module with the built python, each in its own process.",
        exitCodeList = {ExitCodes.OK, "1:A module does not import, or there is no python to test (the step says which)."})
public class TestPython implements Callable<Integer> {
    @Mixin
    LabOptions options;

    public static void main(String[] args) {
        System.exit(Cli.execute(new TestPython(), args));
    }

    @Override
    public Integer call() {
        try (Lab lab = Lab.open(options, Step.TEST_PYTHON)) {
            TestPythonStep.Outcome r = TestPythonStep.run(lab.workspace(), lab.nix());
            lab.say("python: " + r.python());
            lab.print(String.format("%-10s %-7s %s", "module", "import", "where / error"));
            for (TestPythonStep.Import i : r.imports()) {
                lab.print(String.format("%-10s %-7s %s", i.importName(), i.ok() ? "ok" : "failed", i.ok() ? i.where() : i.errorLine()));
            }
            long ok = r.imports().stream().filter(TestPythonStep.Import::ok).count();
            lab.say(ok + " of " + r.imports().size() + " imports ok (built-in: linked into python by Setup.local)");
            return lab.exit(r.allOk() ? 0 : 1, ok + " of " + r.imports().size() + " imports ok");
        }
    }
}
