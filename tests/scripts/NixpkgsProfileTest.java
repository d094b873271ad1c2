package scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import nixpylab.Proc;
import nixpylab.source.PythonSource;
import nixpylab.source.SourceLocator;
import org.junit.jupiter.api.Test;
import testkit.HostOnly;
import testkit.NixpkgsDouble;
import testkit.ScriptRun;
import testkit.Slow;

/**
 * The nixpkgs profile's file, run by the same six steps against tests/nixpkgs-double (a test
 * double of nixpkgs: the real one cannot be had here), building real CPython.
 */
@Slow
@HostOnly
class NixpkgsProfileTest {
    @Test
    void sixStepsOnTheVideosFileWithRealCpython() throws Exception {
        Path ws = ScriptRun.REPO.resolve("tests/work/nixpkgs-profile");
        Proc.of("rm", "-rf", ws.toString()).run();
        NixpkgsDouble.Staged staged = NixpkgsDouble.stage(cpythonTarball());
        Path copy = staged.tarball();
        String rev = staged.rev();
        List<String[]> env = staged.env();
        Duration t = Duration.ofMinutes(30);
        String dbl = ScriptRun.REPO.resolve("tests/nixpkgs-double").toString();

        Proc.Result fetch = ScriptRun.run("FetchFakeHash", t, env, "--workdir", ws.toString(), "--nixpkgs", dbl,
                "--python-version", rev.substring(1), "--predict", "--source", copy.toString(), "--trust-first-use");
        assertEquals(0, fetch.exitCode(), ScriptRun.describe(fetch));
        assertTrue(fetch.stderr().contains("profile nixpkgs"), "auto picks nixpkgs when <nixpkgs> resolves");
        assertTrue(fetch.stderr().contains("the prediction matches Nix's got: line"), fetch.stderr());
        Path file = ws.resolve("newchrism-py" + rev.substring(1, rev.lastIndexOf('.')).replace(".", "") + ".nix");
        assertTrue(Files.readString(file).contains("sha256 = \"sha256-"), "the real hash was written back");

        List<Proc.Result> steps = new ArrayList<>();
        for (String s : List.of("PostPatch", "Build", "Roots", "TestPython")) {
            Proc.Result r = ScriptRun.run(s, t, env, "--workdir", ws.toString());
            assertEquals(0, r.exitCode(), ScriptRun.describe(r));
            steps.add(r);
        }
        String test = steps.get(3).stdout();
        for (String m : new String[] {"zlib", "readline", "lzma", "sqlite3", "curses", "bz2", "ctypes", "ssl", "tkinter"}) {
            assertTrue(Pattern.compile("(?m)^" + m + "\\s+ok\\s+built-in$").matcher(test).find(), m + ":\n" + test);
        }
        Proc.Result delete = ScriptRun.run("ForceDelete", t, env, "--workdir", ws.toString());
        assertEquals(0, delete.exitCode(), ScriptRun.describe(delete));
        assertTrue(delete.stderr().contains("since it is still alive"), delete.stderr());
    }

    static Path cpythonTarball() throws Exception {
        Path cache = SourceLocator.defaultCacheDir();
        if (Files.isDirectory(cache)) {
            try (var s = Files.list(cache)) {
                var found = s.filter(p -> p.getFileName().toString().matches("(?i)python.*\\.orig\\.tar\\.gz|Python-.*\\.tgz")).findFirst();
                if (found.isPresent()) return found.get();
            }
        }
        PythonSource src = new SourceLocator(cache, Duration.ofSeconds(3)).locate(null, null, "3.10.5");
        return Path.of(URI.create(src.url()));
    }
}
