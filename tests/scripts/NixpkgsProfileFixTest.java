package scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import nixpylab.Proc;
import nixpylab.derivation.RepeatableBuild;
import org.junit.jupiter.api.Test;
import testkit.HostOnly;
import testkit.NixpkgsDouble;
import testkit.OnNix;
import testkit.ScriptRun;

/** Repeatable --fix on the nixpkgs profile's file (against the test double of nixpkgs, as NixpkgsProfileTest): what this profile writes, and what it says it needs no fix for. */
@OnNix
@HostOnly // what --fix writes does not depend on which Nix runs
class NixpkgsProfileFixTest {
    /** --fix by class in this profile: a fix it has no text for is said and writes nothing; the one it has (the one-process compile) is written. No build needed. */
    @Test
    void fixByClassSaysWhatThisProfileNeedsNoFixFor() throws Exception {
        Path ws = ScriptRun.REPO.resolve("tests/work/nixpkgs-profile-fix");
        Proc.of("rm", "-rf", ws.toString()).run();
        NixpkgsDouble.Staged staged = NixpkgsDouble.stage(NixpkgsProfileTest.cpythonTarball());
        List<String[]> env = staged.env();
        Duration t = Duration.ofMinutes(5);
        Proc.Result fetch = ScriptRun.run("PostPatch", t, env, "--workdir", ws.toString(), "--from-start", "--nixpkgs", NixpkgsDouble.DIR.toString(),
                "--python-version", staged.rev().substring(1), "--source", staged.tarball().toString(), "--trust-first-use");
        assertEquals(0, fetch.exitCode(), ScriptRun.describe(fetch));
        Path file;
        try (var files = Files.list(ws)) {
            file = files.filter(p -> p.getFileName().toString().endsWith(".nix")).findFirst().orElseThrow();
        }
        String before = Files.readString(file);
        Proc.Result id = ScriptRun.run("Repeatable", t, env, "--workdir", ws.toString(), "--fix", "build-id,build-time");
        assertEquals(0, id.exitCode(), ScriptRun.describe(id));
        assertTrue(id.stdout().contains("nixpkgs profile: no fix for build-time (its stdenv sets SOURCE_DATE_EPOCH for every build)")
                && id.stdout().contains("nixpkgs profile: no fix for build-id (its fixes are for a Nix with the sandbox on") && id.stdout().contains(file.getFileName() + ": nothing written"), ScriptRun.describe(id));
        assertFalse(id.stdout().contains("already"), "nothing was there already: there is nothing to write");
        assertEquals(before, Files.readString(file));
        Proc.Result one = ScriptRun.run("Repeatable", t, env, "--workdir", ws.toString(), "--fix", "byte-code-references");
        assertEquals(0, one.exitCode(), ScriptRun.describe(one));
        assertTrue(Files.readString(file).contains("preConfigure = ''") && Files.readString(file).contains(RepeatableBuild.MARK + "byte-code contents"), Files.readString(file));
        Proc.Result all = ScriptRun.run("Repeatable", t, env, "--workdir", ws.toString(), "--fix");
        assertTrue(all.exitCode() == 0 && all.stdout().contains("has the fixes already: nothing written") && !all.stdout().contains("no fix for"), ScriptRun.describe(all));
    }
}
