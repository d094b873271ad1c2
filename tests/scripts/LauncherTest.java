package scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import nixpylab.Proc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import testkit.HostOnly;
import testkit.ScriptRun;
import testkit.Slow;

/**
 * ./jbang keeps JBang's answer (the java command to run) and runs it directly while nothing it
 * depends on changed: a changed script, a changed //SOURCES file (even of the same size), a jar
 * removed from JBang's cache, a compile error: each goes back to JBang, and nothing stale runs.
 */
@Slow
@HostOnly // the launcher does not depend on which Nix runs
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
    static void removeIt() throws Exception {
        Proc.of("rm", "-rf", PROBE.toString()).run();
        // and the probes' class-data archives and class lists in the user's cache
        Path cds = Path.of(System.getenv().getOrDefault("NIXPY_JBANG_CACHE", System.getProperty("user.home") + "/.cache/nixpylab/jbang")).resolve("cds");
        if (!Files.isDirectory(cds)) return;
        try (var files = Files.list(cds)) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("(Probe|CdsProbe|InstalledProbe|JavaGoneProbe)[-.].*")).toList()) Files.deleteIfExists(f);
        }
    }

    static void greeting(String word) throws Exception {
        Files.writeString(PROBE.resolve("Greeting.java"), "public class Greeting {\n    static String word() {\n        return \"" + word + "\";\n    }\n}\n");
    }

    static Proc.Result probe(String... args) {
        return run(PROBE.resolve("Probe.java"), args);
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

    /**
     * The class-data archive: made in the background after a run, used by the runs after it, named
     * by the same key as the kept command (a changed source never starts from an old archive), and
     * harmless when broken (Java refuses it and loads the classes as usual).
     */
    @Test
    void theClassDataArchiveIsUsedOnlyForTheSourcesItWasMadeFrom() throws Exception {
        Path dir = Files.createDirectories(PROBE.resolveSibling(PROBE.getFileName() + "-cds"));
        try {
            Path script = dir.resolve("CdsProbe.java");
            Files.writeString(script, "public class CdsProbe {\n    public static void main(String[] a) {\n        System.out.println(\"alpha \" + a[0]);\n    }\n}\n");
            Proc.Result first = run(script, "0");
            assertEquals("alpha 0\n", first.stdout(), ScriptRun.describe(first));
            Proc.Result archived = untilArchived(script, "alpha");
            assertTrue(archived.stderr().contains("[launcher] the kept command"), archived.stderr());

            Files.writeString(script, Files.readString(script).replace("alpha", "gamma")); // same size
            Proc.Result changed = run(script, "1");
            assertEquals("gamma 1\n", changed.stdout(), ScriptRun.describe(changed));
            assertFalse(changed.stderr().contains("with the class-data archive"), "a changed source: the old archive is not used\n" + changed.stderr());
            untilArchived(script, "gamma");

            Path cds = Path.of(System.getenv().getOrDefault("NIXPY_JBANG_CACHE", System.getProperty("user.home") + "/.cache/nixpylab/jbang")).resolve("cds");
            try (var archives = Files.list(cds)) {
                List<Path> mine = archives.filter(f -> f.getFileName().toString().matches("CdsProbe-[0-9a-f]{40}\\.jsa")).toList();
                assertEquals(1, mine.size(), "one archive per script: the old key's is gone " + mine);
                Files.delete(mine.get(0));
                Files.writeString(mine.get(0), "not an archive");
            }
            Proc.Result broken = run(script, "2");
            assertEquals("gamma 2\n", broken.stdout(), ScriptRun.describe(broken));
            assertEquals(0, broken.exitCode());
            assertEquals("", broken.stderr().lines().filter(l -> !l.startsWith("[launcher]")).reduce("", String::concat), "Java refuses a broken archive silently");
        } finally {
            Proc.of("rm", "-rf", dir.toString()).run();
        }
    }

    /**
     * An installed JBang (its launcher with jbang.jar beside it, the way JBang installs itself) is
     * used for the decision and its answer kept like the pinned one's; one without a jar beside it
     * runs as it is. The installation here is a stand-in: a launcher script that does what JBang's
     * does (exit code 255: run the printed command) next to a copy of the pinned JBang jar.
     */
    @Test
    void anInstalledJBangsJarDecidesAndItsAnswerIsKept() throws Exception {
        Path home = Files.createDirectories(PROBE.resolveSibling(PROBE.getFileName() + "-installed"));
        try {
            Path bin = Files.createDirectories(home.resolve("bin"));
            Path launcher = bin.resolve("jbang");
            Files.writeString(launcher, "#!/usr/bin/env bash\necho stand-in JBang launcher ran >&2\n"
                    + "out=$(java -classpath \"$(dirname \"$(readlink -f \"$0\")\")/jbang.jar\" dev.jbang.Main \"$@\"); rc=$?\n"
                    + "if [ $rc -eq 255 ]; then eval \"exec $out\"; fi\necho \"$out\"; exit $rc\n");
            Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path pinned;
            try (var jars = Files.list(Path.of(System.getenv().getOrDefault("NIXPY_JBANG_CACHE", System.getProperty("user.home") + "/.cache/nixpylab/jbang")))) {
                pinned = jars.filter(j -> j.getFileName().toString().matches("jbang-cli-.*-all\\.jar")).findFirst().orElseThrow();
            }
            Files.copy(pinned, bin.resolve("jbang.jar"));
            Path script = home.resolve("InstalledProbe.java");
            Files.writeString(script, "public class InstalledProbe {\n    public static void main(String[] a) {\n        System.out.println(\"installed \" + a[0]);\n    }\n}\n");
            String path = bin + ":" + System.getenv("PATH");
            Proc.Result first = withPath(path, script, "1");
            assertEquals("installed 1\n", first.stdout(), ScriptRun.describe(first));
            assertTrue(first.stderr().contains("[launcher] JBang decides (with the installed jar " + bin.resolve("jbang.jar")), first.stderr());
            Proc.Result second = withPath(path, script, "2");
            assertEquals("installed 2\n", second.stdout(), ScriptRun.describe(second));
            assertTrue(kept(second), "the installed JBang's answer is kept too\n" + second.stderr());
            assertFalse(second.stderr().contains("stand-in JBang launcher ran"), "its launcher is not needed for a kept command");

            // installed another way: its jar elsewhere, only its launcher knows where
            Files.createDirectories(home.resolve("lib"));
            Files.move(bin.resolve("jbang.jar"), home.resolve("lib/jbang.jar"));
            Files.writeString(launcher, Files.readString(launcher).replace("\")/jbang.jar", "\")/../lib/jbang.jar"));
            Proc.Result noJar = withPath(path, script, "3");
            assertEquals("installed 3\n", noJar.stdout(), ScriptRun.describe(noJar));
            assertTrue(noJar.stderr().contains("stand-in JBang launcher ran"), "without a jar beside it, the installed JBang runs as it is\n" + noJar.stderr());
        } finally {
            Proc.of("rm", "-rf", home.toString()).run();
        }
    }

    /** A cache folder the launcher cannot use (a file where its folder should be): the step runs anyway, says so once, and leaves no folder of its own behind. */
    @Test
    void anUnusableCacheNeverStopsAStep() throws Exception {
        Path tmp = Files.createTempDirectory(Path.of("/var/tmp"), "launcher-tmp-");
        try {
            Proc.Result r = Proc.of(ScriptRun.REPO.resolve("jbang").toString(), PROBE.resolve("Probe.java").toString(), "hi").in(ScriptRun.REPO)
                    .env("XDG_CACHE_HOME", "/etc/hostname").env("NIXPY_JBANG_CACHE", "/etc/hostname/nixpylab/jbang").env("TMPDIR", tmp.toString())
                    .timeout(Duration.ofMinutes(3)).run();
            assertEquals(0, r.exitCode(), ScriptRun.describe(r));
            assertEquals("one hi\n", r.stdout(), ScriptRun.describe(r));
            assertEquals(1, r.stderr().lines().filter(l -> l.contains("cannot be used; this run goes without it")).count(), "said once:\n" + r.stderr());
            try (var left = Files.list(tmp)) {
                assertEquals(List.of(), left.toList(), "the run's temporary cache is removed after it");
            }
        } finally {
            Proc.of("rm", "-rf", tmp.toString()).run();
        }
    }

    /** A kept command whose java is gone (a JDK removed since) goes back to JBang instead of failing with 127 on every run. */
    @Test
    void aKeptCommandWhoseJavaIsGoneGoesBackToJBang() throws Exception {
        Path script = PROBE.resolve("JavaGoneProbe.java");
        Files.writeString(script, "public class JavaGoneProbe {\n    public static void main(String[] a) {\n        System.out.println(\"one \" + a[0]);\n    }\n}\n");
        Proc.Result first = run(script, "x");
        Proc.Result second = run(script, "x");
        assertTrue(kept(second), ScriptRun.describe(second));
        Path entry = entryFor(second, "JavaGoneProbe.jar");
        String kept = Files.readString(entry);
        try {
            Files.writeString(entry, kept.replaceFirst("^\\S+", "/nonexistent/jdk/bin/java"));
            Proc.Result r = run(script, "x");
            assertEquals(0, r.exitCode(), ScriptRun.describe(r));
            assertEquals("one x\n", r.stdout());
            assertTrue(r.stderr().contains("[launcher] JBang decides"), "back to JBang:\n" + r.stderr());
        } finally {
            if (Files.exists(entry)) Files.writeString(entry, kept);
        }
        assertEquals(first.stdout(), second.stdout());
    }

    /** First runs of one script side by side (the site's two recorders): each waits for one JBang decision, and all of them run it. */
    @Test
    void firstRunsSideBySideAllRunTheScript() throws Exception {
        Path script = PROBE.resolve("SideBySideProbe.java");
        StringBuilder code = new StringBuilder("public class SideBySideProbe {\n    public static void main(String[] a) {\n        System.out.println(\"side \" + a[0]);\n    }\n");
        for (int i = 0; i < 40; i++) code.append("    static class Part").append(i).append(" { int f() { return ").append(i).append("; } }\n");
        Files.writeString(script, code.append("}\n").toString());
        List<CompletableFuture<Proc.Result>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String arg = Integer.toString(i);
            runs.add(CompletableFuture.supplyAsync(() -> run(script, arg)));
        }
        for (int i = 0; i < runs.size(); i++) {
            Proc.Result r = runs.get(i).get();
            assertEquals(0, r.exitCode(), ScriptRun.describe(r));
            assertEquals("side " + i + "\n", r.stdout());
        }
        Proc.Result after = run(script, "after");
        assertEquals("side after\n", after.stdout(), ScriptRun.describe(after));
    }

    static Proc.Result withPath(String path, Path script, String... args) {
        List<String> cmd = new ArrayList<>(List.of(ScriptRun.REPO.resolve("jbang").toString(), "--quiet", script.toString()));
        cmd.addAll(List.of(args));
        return Proc.of(cmd).in(ScriptRun.REPO).env("NIXPY_JBANG_TRACE", "1").env("PATH", path).timeout(Duration.ofMinutes(3)).run();
    }

    static Proc.Result run(Path script, String... args) {
        return withPath(System.getenv("PATH"), script, args);
    }

    /** Runs the script until a run starts from its archive (made in the background), each run's output checked. */
    static Proc.Result untilArchived(Path script, String word) throws Exception {
        for (int i = 0; i < 40; i++) {
            Proc.Result r = run(script, "x");
            assertEquals(word + " x\n", r.stdout(), ScriptRun.describe(r));
            if (r.stderr().contains("[launcher] with the class-data archive")) return r;
            Thread.sleep(500);
        }
        throw new AssertionError("no run started from a class-data archive within 20 s");
    }

    /** The launcher's kept entry that names the probe's jar (the newest one written). */
    static Path entryFor(Proc.Result r) throws Exception {
        return entryFor(r, "Probe.jar");
    }

    static Path entryFor(Proc.Result r, String jar) throws Exception {
        Path dir = Path.of(System.getenv().getOrDefault("NIXPY_JBANG_CACHE", System.getProperty("user.home") + "/.cache/nixpylab/jbang")).resolve("commands");
        try (var s = Files.list(dir)) {
            return s.filter(p -> {
                try {
                    return Files.readString(p).contains("/" + jar);
                } catch (IOException e) {
                    return false;
                }
            }).max(Comparator.comparingLong(p -> p.toFile().lastModified())).orElseThrow();
        }
    }
}
