package nixpylab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two trees as nix-build --check leaves them, compared in full: each differing path with its classes, and a count per class. */
class DifferenceSummaryTest {

    @Test
    void everyDifferingPathIsClassifiedAndCounted(@TempDir Path dir) throws Exception {
        Path a = Files.createDirectories(dir.resolve("out/lib/__pycache__")).getParent().getParent();
        Path b = Files.createDirectories(dir.resolve("out.check/lib/__pycache__")).getParent().getParent();
        Files.writeString(dir.resolve("m.py"), "X = 1\n");
        Proc.of("touch", "-d", "2026-12-07 00:16:02", "m.py").in(dir).timeout(DifferenceClassifierTest.T).run();
        Files.write(a.resolve("lib/__pycache__/m.cpython-311.pyc"), DifferenceClassifierTest.compilePyc(dir, "TIMESTAMP", "first"));
        Files.write(a.resolve("lib/__pycache__/n.cpython-311.pyc"), DifferenceClassifierTest.compilePyc(dir, "TIMESTAMP", "first"));
        Proc.of("touch", "-d", "2026-12-07 00:30:48", "m.py").in(dir).timeout(DifferenceClassifierTest.T).run();
        Files.write(b.resolve("lib/__pycache__/m.cpython-311.pyc"), DifferenceClassifierTest.compilePyc(dir, "TIMESTAMP", "second"));
        Files.write(b.resolve("lib/__pycache__/n.cpython-311.pyc"), DifferenceClassifierTest.compilePyc(dir, "TIMESTAMP", "second"));
        Files.writeString(a.resolve("lib/info.txt"), "built Dec  7 2026 00:16:02\n");
        Files.writeString(b.resolve("lib/info.txt"), "built Dec  7 2026 00:30:48\n");
        Files.writeString(a.resolve("lib/same.txt"), "the same\n");
        Files.writeString(b.resolve("lib/same.txt"), "the same\n");
        Files.writeString(a.resolve("lib/notes.txt"), "one thing\n");
        Files.writeString(b.resolve("lib/notes.txt"), "another\n");
        Files.writeString(b.resolve("lib/extra.txt"), "only in the second build\n");

        DifferenceSummary s = DifferenceSummary.compare(a, b);
        assertEquals(List.of("lib/__pycache__/m.cpython-311.pyc", "lib/__pycache__/n.cpython-311.pyc", "lib/extra.txt", "lib/info.txt", "lib/notes.txt"),
                s.differences().stream().map(c -> c.difference().path()).toList(), "every differing path, none left out by a limit, the same file not listed");
        assertEquals(Map.of(DifferenceClass.PYC_TIMESTAMP, 2, DifferenceClass.BUILD_TIME, 1, DifferenceClass.UNEXPLAINED, 2), s.counts());
        assertEquals(Set.of(DifferenceClass.UNEXPLAINED), s.differences().get(2).classes(), "a path in one build only: the bytes cannot say why");
        assertTrue(DifferenceSummary.compare(a, a).identical());
    }
}
