package nixpylab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * diffoscope on files made for real the way a build makes them (python3's byte-code with two
 * source times, gcc's program with two build times and its build-id, ar's archives of them): the
 * view keeps its sections with their counts and its notes, and two runs read the same.
 */
class DiffoscopeViewTest {
    static final Duration T = Duration.ofMinutes(1);

    static void run(Path dir, String... cmd) {
        Proc.Result r = Proc.of(cmd).in(dir).timeout(T).run();
        assertEquals(0, r.exitCode(), r.command() + ": " + r.stderr());
    }

    @Test
    void eachKindOfFileShowsWhereDiffoscopeSeesItsDifference(@TempDir Path dir) throws Exception {
        assertTrue(DiffoscopeView.installed(), "diffoscope is installed here (.ci/run installs diffoscope-minimal)");
        Path a = Files.createDirectories(dir.resolve("a")), b = Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("m.py"), "X = 1\n");
        Files.writeString(dir.resolve("c.c"), "const char *built = __DATE__ \" \" __TIME__;\nint main(void) { return built[0] == 0; }\n");
        int n = 0;
        for (Path out : List.of(a, b)) {
            n++;
            run(dir, "touch", "-d", "@" + n * 1000, "m.py");
            run(dir, "python3", "-c", "import py_compile; py_compile.compile('m.py', cfile='" + out.resolve("m.pyc") + "')");
            run(dir, "env", "SOURCE_DATE_EPOCH=" + n * 99999, "gcc", "-Wl,--build-id", "c.c", "-o", out.resolve("python3.11").toString());
            run(dir, "env", "SOURCE_DATE_EPOCH=" + n * 99999, "gcc", "-c", "c.c", "-o", out.resolve("getbuildinfo.o").toString());
            run(out, "ar", "rcD", "libpython3.11.a", "getbuildinfo.o");
        }
        DifferenceSummary summary = DifferenceSummary.compare(a, b);
        List<DiffoscopeView.View> views = DiffoscopeView.ofEachClass(summary, a, b, 4);
        // getbuildinfo.o has the same classes as the archive that holds it: one file of each kind
        assertEquals(List.of("getbuildinfo.o", "m.pyc", "python3.11"), views.stream().map(DiffoscopeView.View::path).sorted().toList(), views.toString());
        DiffoscopeView.View pyc = views.stream().filter(v -> v.path().equals("m.pyc")).findFirst().orElseThrow();
        assertEquals(Set.of(DifferenceClass.PYC_TIMESTAMP), pyc.classes());
        assertEquals(List.of(new DiffoscopeView.Section("Python bytecode", 1, 1)), pyc.sections());
        DiffoscopeView.View program = views.stream().filter(v -> v.path().equals("python3.11")).findFirst().orElseThrow();
        assertTrue(program.notes().contains("File has been modified after NT_GNU_BUILD_ID has been applied."), program.toString());
        assertTrue(program.sections().contains(new DiffoscopeView.Section("readelf --wide --notes {}", 1, 1)), program.toString());
        assertTrue(program.sections().contains(new DiffoscopeView.Section("strings --all --bytes=8 {}", 1, 1)), program.toString());
        // the same comparison again reads the same: only the report's shape is kept, not the values
        assertEquals(pyc, DiffoscopeView.view("m.pyc", pyc.classes(), a.resolve("m.pyc"), b.resolve("m.pyc")));
        assertEquals(1, DiffoscopeView.ofEachClass(summary, a, b, 1).size(), "at most as many files as asked");
    }

    @Test
    void aSectionInsideAnotherIsNamedAfterBoth() {
        String report = """
                --- a/libpython3.11.a
                +++ b/libpython3.11.a
                ├── file list
                │ @@ -1 +1 @@
                │ --rw-r--r--   0        0        0     1744 1970-01-01 00:00:00.000000 getbuildinfo.o
                │ +-rw-r--r--   0        0        0     1752 1970-01-01 00:00:00.000000 getbuildinfo.o
                ├── getbuildinfo.o
                │ ├── strings --all --bytes=8 {}
                │ │ @@ -1,2 +1,2 @@
                │ │ -Jan  1 1970 00:27:46
                │ │ +Jan  2 1970 03:46:39
                │ │  GCC: (Debian 12.2.0-14+deb12u1) 12.2.0
                │ ├── readelf --wide --decompress --hex-dump=.rodata {}
                │ │┄ Some note
                """;
        DiffoscopeView.View v = DiffoscopeView.parse("lib/libpython3.11.a", Set.of(DifferenceClass.BUILD_TIME), report);
        assertEquals(List.of(new DiffoscopeView.Section("file list", 1, 1), new DiffoscopeView.Section("getbuildinfo.o", 0, 0),
                new DiffoscopeView.Section("getbuildinfo.o › strings --all --bytes=8 {}", 1, 1),
                new DiffoscopeView.Section("getbuildinfo.o › readelf --wide --decompress --hex-dump=.rodata {}", 0, 0)), v.sections());
        assertEquals(List.of("Some note"), v.notes());
    }
}
