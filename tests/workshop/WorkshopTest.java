package workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nixpylab.AtomicFile;
import nixpylab.Proc;
import org.junit.jupiter.api.Test;
import testkit.OnNix;
import testkit.Processes;
import testkit.ScriptRun;

/** The workshop as learners and instructors use it, on real Nix, through ./jbang scripts/Workshop.java. */
@OnNix
class WorkshopTest {
    /**
     * A new folder each run: Nix remembers every link path it registered as a root, so a plain
     * link made later at the same path would count as a root too.
     */
    static Path fresh(String name) throws Exception {
        Path w = ScriptRun.REPO.resolve("tests/work/workshop-" + name + "-" + Long.toString(System.currentTimeMillis(), 36));
        try (var old = Files.list(ScriptRun.REPO.resolve("tests/work"))) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith("workshop-" + name + "-")).toList()) Proc.of("rm", "-rf", p.toString()).run();
        } catch (NoSuchFileException e) {
            // first run
        }
        return w;
    }

    static Proc.Result workshop(Path w, String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--workdir";
        all[args.length + 1] = w.toString();
        return ScriptRun.run("Workshop", Duration.ofMinutes(20), all);
    }

    static void noStackTrace(Proc.Result r) {
        assertFalse(r.stderr().contains("Exception") || r.stderr().contains("\tat "), "no stack trace:\n" + ScriptRun.describe(r));
    }

    @Test
    void everyStartFailsAndEverySolutionPasses() throws Exception {
        Path w = fresh("solutions");
        Proc.Result r = workshop(w, "check", "--solutions");
        assertEquals(0, r.exitCode(), ScriptRun.describe(r));
        String out = r.stdout();
        for (String l : out.split("\n")) if (l.matches("(ok|BAD) +exercise.*|solutions: .*")) System.out.println("    " + l);
        assertTrue(out.contains("solutions: 6 of 6 exercises behave"), out);
        for (int n = 1; n <= 5; n++) assertTrue(out.contains("ok   exercise " + n + " "), "exercise " + n + " behaves:\n" + out);
        // the starting files fail for the reason the exercise is about, said in the learner's terms
        assertTrue(out.contains("source.nix has no real hash yet"), out);
        assertTrue(out.contains("The build succeeded but 'import lzma' fails: _lzma is not in Setup.local"), out);
        assertTrue(out.contains("result appeared. The build's own result link is inside its source"), out);
        assertTrue(out.contains("There is no link called keep-hello"), out);
        assertTrue(out.contains("because of 2 roots: keep-old, result"), out);
        // the solution of exercise 5 really deleted the path, and of exercise 4 really made a root
        assertFalse(Files.exists(w.resolve("05-safe-delete/keep-old"), LinkOption.NOFOLLOW_LINKS));
        Proc.Result roots = Proc.of("nix-store", "-q", "--roots", Files.readSymbolicLink(w.resolve("04-named-root/keep-hello")).toString()).run();
        assertTrue(roots.stdout().contains(w.resolve("04-named-root/keep-hello").toString()), roots.stdout());
    }

    @Test
    void everyStartingAndSolutionNixFileParses() throws Exception {
        Path scratch = fresh("parse");
        for (workshop.Exercise e : workshop.Catalog.load(ScriptRun.REPO.resolve("exercises")).exercises()) {
            for (Path dir : List.of(e.startDir(), e.solutionDir())) {
                for (String f : workshop.Exercise.filesUnder(dir)) {
                    if (!f.endsWith(".nix")) continue;
                    String text = ExerciseTemplate.fill(Files.readString(dir.resolve(f)), k -> switch (k) {
                        case "sourceUrl" -> "file:///var/tmp/x.tar.gz";
                        case "sourceHash" -> "sha256-JBHHS9pbvPzdr0Ux9m0a3HPyR/UprumBsClROu/b+Ek=";
                        case "pythonVersion" -> "3.11.2";
                        case "pythonMinor" -> "3.11";
                        case "nonce" -> "0123abcd";
                        default -> null;
                    });
                    Path filled = scratch.resolve(e.slug() + "-" + dir.getFileName() + "-" + f);
                    AtomicFile.write(filled, text);
                    Proc.Result r = Proc.of("nix-instantiate", "--parse", filled.toString()).run();
                    assertEquals(0, r.exitCode(), e.slug() + "/" + dir.getFileName() + "/" + f + " parses:\n" + r.stderr());
                }
            }
        }
    }

    @Test
    void aLearnerWorksThroughTheRootExercise() throws Exception {
        Path w = fresh("learner");
        Proc.Result list = workshop(w, "list");
        assertEquals(0, list.exitCode(), ScriptRun.describe(list));
        assertTrue(list.stdout().contains("1   Fake hash, real hash"), list.stdout());
        assertTrue(list.stdout().contains("next: exercise 1"), list.stdout());

        Proc.Result first = workshop(w, "check", "4");
        assertEquals(1, first.exitCode(), ScriptRun.describe(first));
        assertTrue(first.stdout().contains("NOT YET: There is no link called keep-hello"), first.stdout());

        Path dir = w.resolve("04-named-root");
        List<String> nixBuild = byHand(list.stdout());
        Proc.Result built = Proc.of(with(nixBuild, "--option", "substituters", "", "--no-out-link", "hello.nix")).in(dir).run();
        assertEquals(0, built.exitCode(), built.stderr());
        Files.createSymbolicLink(dir.resolve("keep-hello"), Path.of(built.stdout().strip()));
        Proc.Result plainLink = workshop(w, "check", "4");
        assertEquals(1, plainLink.exitCode(), ScriptRun.describe(plainLink));
        assertTrue(plainLink.stdout().contains("Nix does not count it as a root"), plainLink.stdout());

        Files.delete(dir.resolve("keep-hello"));
        assertEquals(0, Proc.of(with(nixBuild, "--option", "substituters", "", "-o", "keep-hello", "hello.nix")).in(dir).run().exitCode());
        Proc.Result pass = workshop(w, "check", "4");
        assertEquals(0, pass.exitCode(), ScriptRun.describe(pass));
        assertTrue(pass.stdout().contains("PASSED: keep-hello is a root of"), pass.stdout());

        Proc.Result after = workshop(w, "list");
        assertTrue(Pattern.compile("(?m)^4 +A root you can remember +05-roots +passed").matcher(after.stdout()).find(), after.stdout());
        assertEquals("PASSED", state(w).getProperty("04-named-root.state"), "progress is kept in the workspace");
    }

    @Test
    void hintsComeOneAtATimeAndResetRestoresTheStart() throws Exception {
        Path w = fresh("hints");
        Proc.Result h1 = workshop(w, "hint", "3");
        assertEquals(0, h1.exitCode(), ScriptRun.describe(h1));
        assertTrue(h1.stdout().contains("hint 1 of 3") && h1.stdout().contains("Hint 1:") && !h1.stdout().contains("Hint 2:"), h1.stdout());
        Proc.Result h2 = workshop(w, "hint", "3");
        assertTrue(h2.stdout().contains("Hint 2:") && !h2.stdout().contains("Hint 3:"), h2.stdout());
        workshop(w, "hint", "3");
        Proc.Result h4 = workshop(w, "hint", "3");
        assertTrue(h4.stdout().contains("hint 3 of 3") && h4.stdout().contains("That was the last hint."), h4.stdout());

        Path app = w.resolve("03-two-builds/app.nix");
        String start = Files.readString(app);
        Files.writeString(app, start.replace("src = ./.;", "src = ./src;"));
        Proc.Result reset = workshop(w, "reset", "3");
        assertEquals(0, reset.exitCode(), ScriptRun.describe(reset));
        assertEquals(start, Files.readString(app), "reset restores the starting file");
        Matcher kept = Pattern.compile("Your files as they were are kept in (\\S+)/\\.").matcher(reset.stdout());
        assertTrue(kept.find(), reset.stdout());
        Path copy = ScriptRun.REPO.resolve(kept.group(1));
        assertTrue(Files.readString(copy.resolve("app.nix")).contains("src = ./src;"), "the learner's edit is kept");
        Proc.Result list = workshop(w, "list");
        assertTrue(Pattern.compile("(?m)^3 .* 3/3 ").matcher(list.stdout()).find(), "hints seen stay seen:\n" + list.stdout());
    }

    @Test
    void mistakesGetAClearMessage() throws Exception {
        Path w = fresh("mistakes");
        Proc.Result unknown = workshop(w, "hint", "9");
        assertEquals(1, unknown.exitCode(), ScriptRun.describe(unknown));
        assertTrue(unknown.stderr().contains("error: There is no exercise '9'") && unknown.stderr().contains("next: "), unknown.stderr());
        noStackTrace(unknown);

        workshop(w, "reset", "3");
        Path app = w.resolve("03-two-builds/app.nix");
        Files.writeString(app, Files.readString(app).replace("src = ./.;", "src = ./.")); // a missing semicolon
        Proc.Result broken = workshop(w, "check", "3");
        assertEquals(1, broken.exitCode(), ScriptRun.describe(broken));
        assertTrue(broken.stdout().contains("NOT YET: Nix cannot evaluate app.nix: syntax error"), broken.stdout());
        noStackTrace(broken);

        Proc.Result noExercises = ScriptRun.run("Workshop", Duration.ofMinutes(2), "list", "--exercises", w.resolve("none").toString(), "--workdir", w.toString());
        assertEquals(1, noExercises.exitCode(), ScriptRun.describe(noExercises));
        assertTrue(noExercises.stderr().contains("There is no exercises folder"), noExercises.stderr());
        noStackTrace(noExercises);
    }

    @Test
    void watchChecksASavedFileWithinASecond() throws Exception {
        Path w = fresh("watch");
        assertEquals(0, workshop(w, "reset", "1").exitCode());
        String realHash = state(w).getProperty("source.hash");
        Path file = w.resolve("01-fake-hash/source.nix");
        String start = Files.readString(file);

        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        StringBuilder all = new StringBuilder();
        Process p = spawnWatch(w, lines, all);
        try {
            await(lines, "not checked yet", 120, all);
            await(lines, "watching ", 10, all);

            Files.writeString(file, start.replace("# TODO: a hash line goes here.", "hash = \"sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\";"));
            long saved = System.nanoTime();
            String saw = await(lines, "saw source.nix change", 10, all);
            long reactedMs = (System.nanoTime() - saved) / 1_000_000;
            assertTrue(reactedMs < 1000, "watch saw the save " + reactedMs + " ms after it (must be under a second)\n" + all);
            Matcher m = Pattern.compile("\\((\\d+) ms after the save\\)").matcher(saw);
            assertTrue(m.find() && Integer.parseInt(m.group(1)) < 1000, saw);
            await(lines, "NOT YET: Nix fetched the tarball and refused it", 60, all);
            await(lines, "watching ", 10, all);

            Files.writeString(file, start.replace("# TODO: a hash line goes here.", "hash = \"" + realHash + "\";"));
            await(lines, "saw source.nix change", 10, all);
            await(lines, "PASSED: Nix fetched the tarball", 60, all);
            await(lines, "Exercise 2: Make import lzma work", 30, all);
            System.out.println("    watch reacted " + reactedMs + " ms after a save");
        } finally {
            Proc.halt(p);
        }
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "watch stops on SIGTERM");
        assertEquals("PASSED", state(w).getProperty("01-fake-hash.state"));
    }

    @Test
    void aSaveDuringACheckStopsItsBuildAndChecksAgain() throws Exception {
        Path w = fresh("restart");
        assertEquals(0, workshop(w, "reset", "1").exitCode());
        Properties state = state(w);
        Path source = w.resolve("01-fake-hash/source.nix");
        Files.writeString(source, Files.readString(source).replace("# TODO: a hash line goes here.", "hash = \"" + state.getProperty("source.hash") + "\";"));
        assertEquals(0, workshop(w, "check", "1").exitCode(), "exercise 1 passes, so watch starts with exercise 2");

        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        StringBuilder all = new StringBuilder();
        Process p = spawnWatch(w, lines, all);
        Path file = w.resolve("02-lzma/python.nix");
        try {
            await(lines, "watching ", 120, all);
            // a comment in Setup.local changes the derivation, so this is a real, new CPython build
            String start = Files.readString(file);
            Files.writeString(file, start.replace("    zlib zlibmodule.c -lz\n", "    zlib zlibmodule.c -lz\n    # first save " + System.nanoTime() + "\n"));
            await(lines, "$ nix-build", 30, all);
            Thread.sleep(1500);
            assertTrue(nixBuilds(file) >= 1, "the first check's nix-build runs\n" + all);
            Files.writeString(file, start.replace("    zlib zlibmodule.c -lz\n", "    zlib zlibmodule.c -lz\n    # second save " + System.nanoTime() + "\n"));
            long saved = System.nanoTime();
            await(lines, "change during the check: stopped it, checking again", 10, all);
            assertTrue((System.nanoTime() - saved) / 1_000_000 < 3000, "the running check was stopped promptly\n" + all);
            await(lines, "$ nix-build", 30, all);
            Thread.sleep(1000);
            assertEquals(1, nixBuilds(file), "only the new check's nix-build runs\n" + all);
        } finally {
            Proc.halt(p);
        }
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "watch stops on SIGTERM");
        long end = System.currentTimeMillis() + 20_000;
        while (nixBuilds(file) > 0 && System.currentTimeMillis() < end) Thread.sleep(200);
        assertEquals(0, nixBuilds(file), "stopping watch stops its build");
        // Nix cleans the build folder of a build it was told to stop (Nix 2.8 names it after the
        // derivation in /tmp; 2.34 keeps numbered folders elsewhere, which this does not see)
        try (var left = Files.list(Path.of("/tmp"))) {
            assertEquals(List.of(), left.map(x -> x.getFileName().toString()).filter(n -> n.startsWith("nix-build-workshop-python.drv-")).toList(),
                    "the stopped builds' folders are removed");
        }
    }

    /** The learner's progress as the workshop keeps it. */
    static Properties state(Path w) throws Exception {
        Properties state = new Properties();
        try (var r = Files.newBufferedReader(w.resolve(".nixpylab/state.properties"))) {
            state.load(r);
        }
        return state;
    }

    /** Starts ./jbang scripts/Workshop.java watch; its lines go to {@code lines} and {@code all}. */
    static Process spawnWatch(Path w, BlockingQueue<String> lines, StringBuilder all) {
        return Proc.of(ScriptRun.REPO.resolve("jbang").toString(), "--quiet", "scripts/Workshop.java", "watch", "--workdir", w.toString())
                .in(ScriptRun.REPO).onLine(l -> {
                    lines.add(l.text());
                    synchronized (all) {
                        all.append(l.text()).append('\n');
                    }
                }).spawn();
    }

    /** nix-build processes running in this exercise folder. */
    /** nix-build as the workshop tells a learner to type it (with the sandbox opening, on a sandboxed Nix), without FILE. */
    static List<String> byHand(String listOutput) {
        for (String line : listOutput.split("\n")) {
            if (!line.startsWith("  nix-build ")) continue;
            List<String> words = new ArrayList<>();
            Matcher m = Pattern.compile("'([^']*)'|(\\S+)").matcher(line.strip());
            while (m.find()) words.add(m.group(1) != null ? m.group(1) : m.group(2));
            return words.subList(0, words.size() - 1);
        }
        return List.of("nix-build");
    }

    static List<String> with(List<String> command, String... more) {
        List<String> c = new ArrayList<>(command);
        c.addAll(List.of(more));
        return c;
    }

    static long nixBuilds(Path nixFile) throws Exception {
        Path dir = nixFile.getParent().toRealPath();
        // endsWith: Nix 2.34 moves into a mount namespace of its own, and /proc then shows its folder below the root it left
        return Processes.count((argv, cwd) -> argv.get(0).endsWith("nix-build") && argv.contains(nixFile.getFileName().toString()) && cwd.toString().endsWith(dir.toString()));
    }

    static String await(BlockingQueue<String> lines, String fragment, int seconds, StringBuilder all) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            String l = lines.poll(100, TimeUnit.MILLISECONDS);
            if (l != null && l.contains(fragment)) return l;
        }
        synchronized (all) {
            throw new AssertionError("no line with '" + fragment + "' within " + seconds + " s; watch printed:\n" + all);
        }
    }
}
