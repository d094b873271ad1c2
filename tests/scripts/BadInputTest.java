package scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import nixpylab.Proc;
import nixpylab.workspace.Workspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import testkit.OnNix;
import testkit.ScriptRun;
import testkit.TinyWorkspace;

/** Every mistake a user can make ends with "error: …" and "next: …", a non-zero exit, no stack trace and no half-edited file. */
@OnNix
class BadInputTest {
    static Path base;
    static Path tarball;

    @BeforeAll
    static void setUp() throws Exception {
        TinyWorkspace t = TinyWorkspace.fresh("bad-input");
        base = t.base();
        tarball = t.tarball();
    }

    /** A workspace that went through FetchFakeHash and PostPatch. */
    static Path patchedWorkspace(String name) {
        Path ws = base.resolve(name);
        Proc.Result f = ScriptRun.run("FetchFakeHash", ScriptRun.STEP, "--workdir", ws.toString(), "--source", tarball.toString(), "--trust-first-use");
        assertEquals(0, f.exitCode(), ScriptRun.describe(f));
        Proc.Result p = ScriptRun.run("PostPatch", ScriptRun.STEP, "--workdir", ws.toString());
        assertEquals(0, p.exitCode(), ScriptRun.describe(p));
        return ws;
    }

    static void assertCleanError(Proc.Result r, String mustMention) {
        assertTrue(r.exitCode() != 0, ScriptRun.describe(r));
        assertTrue(r.stderr().contains("error: ") && r.stderr().contains("\nnext: "), ScriptRun.describe(r));
        assertFalse(r.stderr().contains("Exception") || r.stderr().contains("\tat "), "no stack trace:\n" + r.stderr());
        assertTrue(r.stderr().contains(mustMention), "should mention '" + mustMention + "':\n" + r.stderr());
    }

    @Test
    void nixMissing() throws Exception {
        Path emptyBin = Files.createDirectories(base.resolve("empty-bin"));
        String java = ProcessHandle.current().info().command().orElse("java");
        Proc.Result cp = Proc.of(ScriptRun.REPO.resolve("jbang").toString(), "info", "classpath", ScriptRun.REPO.resolve("scripts/Build.java").toString())
                .timeout(ScriptRun.STEP).run();
        assertEquals(0, cp.exitCode(), ScriptRun.describe(cp));
        Proc.Result r = Proc.of(java, "-cp", cp.stdout().strip(), "Build", "--workdir", base.resolve("no-nix").toString())
                .env("PATH", emptyBin.toString()).timeout(ScriptRun.STEP).run();
        assertCleanError(r, "Nix is not installed");
        assertTrue(r.stderr().contains("apt-get install -y nix-bin"), r.stderr());
    }

    @Test
    void brokenNixFile() throws Exception {
        Path ws = patchedWorkspace("broken");
        Path nix = ws.resolve("chrism-py02.nix");
        String broken = Files.readString(nix).replace("in\nderivation {", "in\nderivation {{");
        Files.writeString(nix, broken);
        Proc.Result r = ScriptRun.run("Build", ScriptRun.STEP, "--workdir", ws.toString());
        assertCleanError(r, "Nix could not evaluate");
        assertTrue(r.stderr().contains("syntax error"), r.stderr());
        assertEquals(broken, Files.readString(nix), "the file is left as the user wrote it");
        Proc.Result p = ScriptRun.run("PostPatch", ScriptRun.STEP, "--workdir", ws.toString());
        assertCleanError(p, "edited by hand");
        assertEquals(broken, Files.readString(nix));
    }

    @Test
    void aFailedBuildExitsWithNixsOwnCode() throws Exception {
        Path ws = patchedWorkspace("failing-build");
        Path nix = ws.resolve("chrism-py02.nix");
        String failing = Files.readString(nix).replace("cat > Modules/Setup.local", "echo nixpylab-fails-here >&2; exit 7; cat > Modules/Setup.local");
        Files.writeString(nix, failing);
        Proc.Result r = ScriptRun.run("Build", ScriptRun.STEP, "--workdir", ws.toString());
        assertEquals(100, r.exitCode(), "Nix's 100 (a build failed), as Build's --help lists it\n" + ScriptRun.describe(r));
        assertTrue((r.stdout() + r.stderr()).contains("nixpylab-fails-here"), "the log's last lines are shown\n" + ScriptRun.describe(r));
        assertFalse(r.stderr().contains("\tat "), r.stderr());
    }

    @Test
    void malformedHashInTheFile() throws Exception {
        Path ws = patchedWorkspace("malformed-hash");
        Path nix = ws.resolve("chrism-py02.nix");
        String text = Files.readString(nix).replaceFirst("hash = \"sha256-[^\"]+\"", "hash = \"sha256-tooshort\"");
        Files.writeString(nix, text);
        Proc.Result r = ScriptRun.run("Build", ScriptRun.STEP, "--workdir", ws.toString());
        assertCleanError(r, "Nix could not evaluate");
        assertTrue(r.stderr().contains("invalid SRI hash 'tooshort'"), r.stderr());
        assertEquals(text, Files.readString(nix));
    }

    @Test
    void missingSourceFile() {
        Path ws = base.resolve("missing-source");
        Proc.Result r = ScriptRun.run("FetchFakeHash", ScriptRun.STEP, "--workdir", ws.toString(), "--source", "/var/tmp/no-such-Python-3.10.5.tar.xz");
        assertCleanError(r, "does not exist");
        assertFalse(Files.exists(ws.resolve("chrism-py310.nix")), "no derivation file was written");
    }

    @Test
    void unknownModule() throws Exception {
        Path ws = patchedWorkspace("unknown-module");
        Path nix = ws.resolve("chrism-py02.nix");
        String before = Files.readString(nix);
        Proc.Result r = ScriptRun.run("PostPatch", ScriptRun.STEP, "--workdir", ws.toString(), "--module", "_nosuch");
        assertCleanError(r, "_nosuch");
        assertEquals(before, Files.readString(nix), "the file is untouched");
    }

    @Test
    void sourceUrlThatDoesNotAnswer() {
        Path ws = base.resolve("dead-url");
        Proc.Result r = ScriptRun.run("FetchFakeHash", ScriptRun.STEP, "--workdir", ws.toString(), "--source-url", "http://127.0.0.1:9/Python-3.10.5.tar.xz");
        assertCleanError(r, "does not answer");
        assertFalse(Files.exists(ws.resolve("chrism-py310.nix")));
    }

    @Test
    void workspaceFromAnotherProfile() {
        Path ws = patchedWorkspace("other-profile");
        Proc.Result r = ScriptRun.run("Build", ScriptRun.STEP, "--workdir", ws.toString(), "--profile", "nixpkgs");
        assertCleanError(r, "was made with the bare profile");
    }

    @Test
    void stepBeforeItsPredecessor() {
        Path ws = base.resolve("out-of-order");
        Proc.Result r = ScriptRun.run("Build", ScriptRun.STEP, "--workdir", ws.toString(), "--profile", "bare");
        assertCleanError(r, "FetchFakeHash");
    }

    @Test
    void secondRunOnTheSameWorkspaceIsRefused() {
        Path ws = base.resolve("busy");
        try (Workspace held = Workspace.open(ws)) {
            Proc.Result r = ScriptRun.run("FetchFakeHash", ScriptRun.STEP, "--workdir", ws.toString(), "--source", tarball.toString(), "--trust-first-use");
            assertCleanError(r, "Another NixPy Lab step is working");
        }
        assertFalse(Files.exists(ws.resolve("chrism-py02.nix")));
    }

    @Test
    void sourceUnreadableByBuildUsers() throws Exception {
        Path hidden = Files.createDirectories(base.resolve("hidden"));
        Files.setPosixFilePermissions(hidden, PosixFilePermissions.fromString("rwx------"));
        Path copy = Files.copy(tarball, hidden.resolve(tarball.getFileName()));
        Proc.Result r = ScriptRun.run("FetchFakeHash", ScriptRun.STEP, "--workdir", base.resolve("unreadable").toString(), "--source-url", copy.toUri().toString());
        assertCleanError(r, "cannot read");
        assertTrue(r.stderr().contains("Couldn't read a file:// file"), r.stderr());
        List.of();
    }
}
