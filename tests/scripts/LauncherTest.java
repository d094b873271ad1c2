package scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nixpylab.Proc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import testkit.ScriptRun;

/**
 * ./jbang keeps JBang's answer (the java command to run) and runs it directly while nothing it
 * depends on changed: a changed script, a changed //SOURCES file (even of the same size), a jar
 * removed from JBang's cache, a compile error: each goes back to JBang, and nothing stale runs.
 */
@Tag("slow")
@Tag("host") // the launcher does not depend on which Nix runs
class LauncherTest {
    static final Path PROBE = ScriptRun.REPO.resolve("tests/launcher-probe-" + ProcessHandle.current().pid());

    @BeforeAll
    static void aProbeScript() throws Exception {
        Files.createDirectories(PROBE);
        Files.writeString(PROBE.resolve("Probe.java"), """
                //SOURCES Greeting.java
                public class Probe {
                    public static void main(String[] args) {
                        System.out.println(Greeting.word() + " " + String.join("|", args));
                        System.exit(args.length > 0 && args[0].equals("exit7") ? 7 : 0);
                    }
                }
                """);
        greeting("one");
    }

    @AfterAll
    static void removeIt() {
        Proc.of("rm", "-rf", PROBE.toString()).run();
    }

    static void greeting(String word) throws Exception {
        Files.writeString(PROBE.resolve("Greeting.java"), "public class Greeting {\n    static String word() {\n        return \"" + word + "\";\n    }\n}\n");
    }

    static Proc.Result probe(String... args) {
        List<String> cmd = new ArrayList<>(List.of(ScriptRun.REPO.resolve("jbang").toString(), "--quiet", PROBE.resolve("Probe.java").toString()));
        cmd.addAll(List.of(args));
        return Proc.of(cmd).in(ScriptRun.REPO).env("NIXPY_JBANG_TRACE", "1").timeout(Duration.ofMinutes(3)).run();
    }

    static boolean kept(Proc.Result r) {
        return r.stderr().contains("[launcher] the kept command") && !r.stderr().contains("[launcher] JBang decides");
    }

    @Test
    void aChangedSourceIsNeverRunStale() throws Exception {
        Proc.Result first = probe("a b", "it's", "$HOME");
        assertEquals("one a b|it's|$HOME\n", first.stdout(), ScriptRun.describe(first));
        assertFalse(kept(first), "the first run asks JBang");
        Proc.Result second = probe("x");
        assertEquals("one x\n", second.stdout());
        assertTrue(kept(second), "nothing changed: the kept command runs\n" + second.stderr());
        assertEquals(7, probe("exit7").exitCode(), "the script's exit code comes through");

        greeting("two"); // same size, new content: a //SOURCES file
        Proc.Result changed = probe("x");
        assertEquals("two x\n", changed.stdout(), ScriptRun.describe(changed));
        assertFalse(kept(changed));

        Files.writeString(PROBE.resolve("Probe.java"), Files.readString(PROBE.resolve("Probe.java")).replace("\" \" + String.join", "\": \" + String.join"));
        Proc.Result script = probe("x");
        assertEquals("two: x\n", script.stdout(), ScriptRun.describe(script));
        assertTrue(kept(probe("y")));

        String command = Files.readString(entryFor(script));
        Path jar = Path.of(command.lines().toList().get(1));
        Files.delete(jar);
        Proc.Result noJar = probe("z");
        assertEquals("two: z\n", noJar.stdout(), ScriptRun.describe(noJar));
        assertFalse(kept(noJar), "a jar gone from JBang's cache sends the run back to JBang");

        Files.writeString(PROBE.resolve("Greeting.java"), "public class Greeting { static String word() { return 3; } }\n");
        Proc.Result broken = probe("x");
        assertTrue(broken.exitCode() != 0, ScriptRun.describe(broken));
        assertTrue(broken.stderr().contains("incompatible types"), "JBang's compile error is shown\n" + broken.stderr());
        assertEquals("", broken.stdout(), "nothing ran");
        greeting("six");
        assertEquals("six: x\n", probe("x").stdout());
    }

    /** The launcher's kept entry that names the probe's jar (the newest one written). */
    static Path entryFor(Proc.Result r) throws Exception {
        Path dir = Path.of(System.getenv().getOrDefault("NIXPY_JBANG_CACHE", System.getProperty("user.home") + "/.cache/nixpylab/jbang")).resolve("commands");
        try (var s = Files.list(dir)) {
            return s.filter(p -> {
                try {
                    return Files.readString(p).contains("Probe.jar");
                } catch (java.io.IOException e) {
                    return false;
                }
            }).max(java.util.Comparator.comparingLong(p -> p.toFile().lastModified())).orElseThrow();
        }
    }
}
