package scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import nixpylab.Proc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import testkit.OnNix;
import testkit.ScriptRun;
import testkit.TinyWorkspace;

/**
 * Two tutorials on one machine (README's first command leaves lab/ built, then more run): a second
 * workspace from the same source gets its own output path, so its build, forced delete and rebuild
 * are its own; a copied workspace shares the first one's file and path, and its steps say so.
 */
@OnNix
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoWorkspacesTest {
    static Path base;
    static Path first;
    static Path second;
    static Path copy;
    static Path tarball;

    @BeforeAll
    static void setUp() throws Exception {
        TinyWorkspace t = TinyWorkspace.fresh("two-workspaces");
        base = t.base();
        tarball = t.tarball();
        first = base.resolve("first");
        second = base.resolve("second");
        copy = base.resolve("copy");
    }

    @AfterAll
    static void deleteTheBuilds() throws Exception {
        Files.deleteIfExists(copy.resolve("result"));
        for (Path ws : new Path[] {second, first}) ScriptRun.run("ForceDelete", ScriptRun.STEP, "--workdir", ws.toString());
    }

    static Proc.Result ok(Path ws, String script, String... args) {
        Proc.Result r = ScriptRun.step(ws, script, args);
        assertEquals(0, r.exitCode(), ScriptRun.describe(r));
        return r;
    }

    static String result(Path ws) throws Exception {
        return Files.readSymbolicLink(ws.resolve("result")).toString();
    }

    @Test
    @Order(1)
    void aSecondWorkspaceFromTheSameSourceBuildsItsOwnPath() throws Exception {
        for (Path ws : new Path[] {first, second}) {
            ok(ws, "FetchFakeHash", "--source", tarball.toString(), "--trust-first-use");
            ok(ws, "PostPatch", "--without", "_tkinter");
            Proc.Result b = ok(ws, "Build");
            assertTrue(b.stderr().contains("built in "), "each workspace builds:\n" + b.stderr());
            assertFalse(b.stderr().contains("already in the store"), b.stderr());
        }
        assertNotEquals(result(first), result(second), "two workspaces, two output paths");
        String a = Files.readString(first.resolve("chrism-py07.nix"));
        String b = Files.readString(second.resolve("chrism-py07.nix"));
        assertNotEquals(a, b);
        String withoutIdentity = "(?m)^  workspace = \"[0-9a-f]{8}\";$";
        assertEquals(a.replaceAll(withoutIdentity, ""), b.replaceAll(withoutIdentity, ""), "the files differ only in the workspace's identity");
    }

    @Test
    @Order(2)
    void theSecondOnesForcedDeleteAndRebuildAreItsOwn() throws Exception {
        String mine = result(second);
        String theirs = result(first);
        Proc.Result d = ok(second, "ForceDelete");
        assertTrue(d.stderr().contains("since it is still alive"), "its own result link first keeps it alive:\n" + d.stderr());
        assertTrue(d.stdout().contains("deleted " + mine), d.stdout());
        assertFalse(Files.exists(Path.of(mine)), "its build is gone");
        assertTrue(Files.exists(Path.of(theirs)), "the first workspace's build is untouched");
        assertEquals(theirs, result(first));
        assertEquals(1, ScriptRun.step(second, "TestPython").exitCode(), "nothing to test in the second workspace");
        assertEquals(0, ScriptRun.step(first, "TestPython").exitCode(), "the first one still works");
        Proc.Result again = ok(second, "Build");
        assertTrue(again.stderr().contains("built in "), again.stderr());
        assertEquals(mine, result(second), "the same file builds the same path again");
        ok(second, "TestPython");
    }

    @Test
    @Order(3)
    void aCopiedWorkspaceSharesTheFileAndItsStepsSaySo() throws Exception {
        Proc.Result cp = Proc.of("cp", "-a", first.toString(), copy.toString()).run();
        assertEquals(0, cp.exitCode(), cp.stderr());
        String theirs = result(first);
        Proc.Result b = ok(copy, "Build");
        assertTrue(b.stderr().contains("already in the store: nothing to build"), b.stderr());
        assertEquals(theirs, b.stdout().strip());
        Proc.Result d = ScriptRun.step(copy, "ForceDelete");
        assertEquals(1, d.exitCode(), ScriptRun.describe(d));
        assertTrue(d.stderr().contains("also kept alive by a root outside this workspace (" + ScriptRun.shown(first.resolve("result")) + ")"), d.stderr());
        assertTrue(Files.exists(Path.of(theirs)), "the first workspace's build is untouched");
        ok(copy, "TestPython");
    }
}
