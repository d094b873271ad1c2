package scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nixpylab.Proc;
import org.junit.jupiter.api.Test;
import testkit.OnNix;
import testkit.Processes;
import testkit.ScriptRun;
import testkit.TinyWorkspace;
import testkit.VariedLeftovers;

/** Interrupting a step (SIGTERM, as Ctrl-C's cousin) stops nix-build and the build under it. */
@OnNix
class InterruptTest {
    @Test
    void stoppingBuildStopsNixBuildAndTheBuilder() throws Exception {
        TinyWorkspace t = TinyWorkspace.fresh("interrupt", "", false, 300);
        Path tarball = t.tarball();
        Path ws = t.lab();
        Proc.Result f = ScriptRun.run("PostPatch", Duration.ofMinutes(3), "--workdir", ws.toString(), "--from-start", "--source", tarball.toString(), "--trust-first-use");
        assertEquals(0, f.exitCode(), ScriptRun.describe(f));

        Process step = Proc.of(ScriptRun.REPO.resolve("jbang").toString(), "--quiet", "scripts/Build.java", "--workdir", ws.toString())
                .in(ScriptRun.REPO).env("NIXPY_SOURCES", ScriptRun.TEST_SOURCES).spawn();
        String marker = "sleep 300";
        long deadline = System.currentTimeMillis() + 60_000;
        while (!running(marker) && System.currentTimeMillis() < deadline) Thread.sleep(200);
        assertTrue(running(marker), "the build reached its sleeping make");

        step.destroy(); // SIGTERM to the step's JVM: its shutdown hook stops its children
        assertTrue(step.waitFor(30, TimeUnit.SECONDS), "the step ended");
        long gone = System.currentTimeMillis() + 20_000;
        while ((running(marker) || running("nix-build") && running(ws.toString())) && System.currentTimeMillis() < gone) Thread.sleep(200);
        assertFalse(running(marker), "the builder's sleep was stopped");
        assertFalse(nixBuildFor(ws), "no nix-build for this workspace is left");
        assertFalse(Files.exists(ws.resolve("result")), "no result link for a build that never finished");
        Proc.Result again = ScriptRun.run("PostPatch", Duration.ofMinutes(3), "--workdir", ws.toString());
        assertEquals(0, again.exitCode(), "the workspace is not left locked or broken:\n" + ScriptRun.describe(again));
    }

    /** nix-build --check -K keeps its build folder when it is interrupted (Nix says so); Repeatable removes it, and leaves no second result. */
    @Test
    void stoppingRepeatableRemovesTheBuildFolderNixKept() throws Exception {
        TinyWorkspace t = TinyWorkspace.fresh("interrupt-check", "", false, 8);
        Path ws = t.lab();
        Proc.Result b = ScriptRun.run("Build", Duration.ofMinutes(3), "--workdir", ws.toString(), "--from-start", "--source", t.tarball().toString(), "--trust-first-use");
        assertEquals(0, b.exitCode(), ScriptRun.describe(b));
        String out = Files.readSymbolicLink(ws.resolve("result")).toString();

        stopTheCheck(ws, out);
        // and a varied one: its build folder, and disorderfs's mount where it made one, go too
        stopTheCheck(ws, out, "--vary");
        VariedLeftovers.assertNone();
        ScriptRun.run("ForceDelete", ScriptRun.STEP, "--workdir", ws.toString());
    }

    static void stopTheCheck(Path ws, String out, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ScriptRun.REPO.resolve("jbang").toString(), "--quiet", "scripts/Repeatable.java", "--workdir", ws.toString()));
        cmd.addAll(List.of(args));
        StringBuffer said = new StringBuffer();
        Process step = Proc.of(cmd)
                .in(ScriptRun.REPO).env("NIXPY_SOURCES", ScriptRun.TEST_SOURCES).onLine(l -> said.append(l.text()).append('\n')).spawn();
        String marker = "sleep 8";
        long deadline = System.currentTimeMillis() + 60_000;
        while (!running(marker) && System.currentTimeMillis() < deadline) Thread.sleep(200);
        assertTrue(running(marker), "the second build reached its sleeping make");

        step.destroy();
        assertTrue(step.waitFor(30, TimeUnit.SECONDS), "the step ended");
        String log = Files.readString(ws.resolve("logs/repeatable-check.log"));
        Matcher kept = Pattern.compile("keeping build directory ['\"]([^'\"]+)['\"]").matcher(log);
        assertTrue(kept.find(), "Nix said which build folder it kept:\n" + log + "\nthe step said:\n" + said);
        assertFalse(Files.exists(Path.of(kept.group(1))), "the kept build folder " + kept.group(1) + " was removed");
        assertFalse(Files.exists(Path.of(out + ".check")), "no second result is left");
        assertFalse(nixBuildFor(ws), "no nix-build for this workspace is left");
    }

    static boolean running(String fragment) {
        return Processes.count((argv, cwd) -> String.join(" ", argv).contains(fragment)) > 0;
    }

    static boolean nixBuildFor(Path ws) {
        return Processes.count((argv, cwd) -> argv.get(0).endsWith("nix-build") && argv.stream().anyMatch(a -> a.startsWith(ws.toString()))) > 0;
    }
}
