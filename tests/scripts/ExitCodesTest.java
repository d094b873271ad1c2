package scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nixpylab.Proc;
import org.junit.jupiter.api.Test;
import site.Chapters;
import site.RunBlock;
import testkit.HostOnly;
import testkit.ScriptRun;
import testkit.Slow;

/** Every step's --help lists its exit codes, and every exit code a chapter teaches is one its step lists. */
@Slow
@HostOnly // --help does not depend on which Nix runs
class ExitCodesTest {
    static final Pattern CODE = Pattern.compile("(?m)^\\s+(\\d+|other)\\s{2,}\\S");

    static List<String> listedCodes(String script, String... sub) {
        List<String> args = new ArrayList<>(List.of(sub));
        args.add("--help");
        Proc.Result r = ScriptRun.run(script, ScriptRun.STEP, args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), ScriptRun.describe(r));
        String help = r.stdout();
        int at = help.indexOf("Exit codes:");
        assertTrue(at >= 0, script + " --help lists no exit codes:\n" + help);
        List<String> codes = new ArrayList<>();
        Matcher m = CODE.matcher(help.substring(at));
        while (m.find()) codes.add(m.group(1));
        assertTrue(codes.contains("0"), script + ": 0 is listed\n" + help);
        return codes;
    }

    @Test
    void everyStepListsItsExitCodesAndTheChaptersTeachOnlyThose() throws IOException {
        Map<String, List<String>> byScript = new TreeMap<>();
        try (var files = Files.list(ScriptRun.REPO.resolve("scripts"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String script = f.getFileName().toString().replace(".java", "");
                if (script.equals("CurrentNix")) continue; // a maintainer's tool: its subcommands say what they did
                byScript.put(script, script.equals("Workshop") ? listedCodes(script, "check") : listedCodes(script));
            }
        }
        for (List<RunBlock> chain : Chapters.chains(ScriptRun.REPO.resolve("chapters")).values())
            for (RunBlock b : chain)
                if (b.exit() != null)
                    assertTrue(byScript.get(b.script()).contains(String.valueOf(b.exit())),
                            b.label() + " teaches exit " + b.exit() + ", which " + b.script() + " --help does not list: " + byScript.get(b.script()));
        assertTrue(byScript.get("Build").containsAll(List.of("100", "101")), "Build passes on Nix's codes: " + byScript.get("Build"));
        assertTrue(byScript.get("Repeatable").contains("104"), byScript.get("Repeatable").toString());
    }
}
