package nixpylab.derivation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import nixpylab.Proc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testkit.OnNix;
import testkit.ScriptRun;

/**
 * Every /bin/sh builder we ship ends on a shell builtin (or make), so that Nix never kills it as
 * it ends (BuilderEnd); the rule is tried on the endings people write; and Nix's behaviour behind
 * it is shown on real Nix: a builder that closes its output and goes on is killed, every time.
 */
class BuilderEndTest {
    /** Where our builders are: the derivation templates, the exercises, the test double of nixpkgs. */
    static final List<Path> OURS = List.of(ScriptRun.REPO.resolve("scripts"), ScriptRun.REPO.resolve("exercises"), ScriptRun.REPO.resolve("tests/nixpkgs-double"));

    @Test
    void everyBuilderWeShipEndsOnABuiltin() throws Exception {
        List<String> killed = new ArrayList<>();
        int scripts = 0;
        for (Path root : OURS) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".nix")).toList()) {
                    // a template's block placeholder (a line of its own) is filled with more lines, or with none
                    for (String s : BuilderEnd.scripts(Files.readString(f).replaceAll("(?m)^[ ]*@[A-Za-z]+@\n", ""))) {
                        scripts++;
                        BuilderEnd.whyKilled(s).ifPresent(why -> killed.add(ScriptRun.REPO.relativize(f) + ": " + why));
                    }
                }
            }
        }
        assertTrue(scripts >= 12, "found only " + scripts + " builder scripts: the reading of \"-c\" arguments is broken");
        assertEquals(List.of(), killed);
    }

    @Test
    void theEndingsPeopleWriteAreFound() {
        for (String wrong : List.of("set -e\nmkdir -p \"$out/bin\"\ncp \"$src/hello.py\" \"$out/bin/hello.py\"\n",
                "mkdir u; cd u; echo 1 > x; mv x $out", "chmod +x \"$out/bin/hello\"  ", "PATH=/usr/bin:/bin rm -rf \"$lib/test\"\n# done\n",
                "echo ok\ninstall -m 755 a $out\n", "mkdir u; cd u && cp x $out", "[ -d x ] || mv a $out\n")) {
            assertTrue(BuilderEnd.whyKilled(wrong).isPresent(), wrong);
        }
        for (String right : List.of("cp a $out\nexit 0\n", "echo hello > $out", "mkdir u; echo 1 > $out; exit 0  # end",
                "./configure\nmake\nmake install\n", "read -r g < x\necho \"$g\" > $out\n", "cp a $out > /dev/null", "sort a | cp /dev/stdin $out",
                "make install\n\"$out/bin/python3\" -E -m compileall -q x\n")) {
            assertEquals(Optional.empty(), BuilderEnd.whyKilled(right), right);
        }
        assertEquals(Optional.of("install"), BuilderEnd.lastCommand("echo ok\nFOO=1 install -m 755 a $out\n"));
    }

    @Test
    void readsBothFormsOfNixStrings() {
        String nix = """
                derivation {
                  builder = "/bin/sh";
                  args = [ "-c" "echo 'a; b' > $out; cp \\"x\\" $out" ];
                }
                derivation {
                  builder = "${python}/bin/python3";
                  args = [ "-c" "import os; os.chmod(x)" ];
                }
                derivation {
                  builder = "/bin/sh";
                  args = [
                    "-c"
                    ''
                      mkdir -p $out
                      echo ''${x} > $out/y
                    ''
                  ];
                }
                """;
        List<String> s = BuilderEnd.scripts(nix);
        assertEquals(2, s.size(), "the two shell builders, not python's: " + s);
        assertEquals(Optional.of("cp"), BuilderEnd.lastCommand(s.get(0)));
        assertEquals(Optional.of("echo"), BuilderEnd.lastCommand(s.get(1)));
    }

    /** Nix reads the end of the builder's output as its end: a builder that closes it and goes on is killed (signal 9), on both Nix. */
    @Test
    @OnNix
    void nixKillsABuilderThatClosesItsOutputAndGoesOn(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("closes.nix");
        Files.writeString(f, """
                derivation {
                  name = "closes-its-output-%d";
                  system = builtins.currentSystem;
                  builder = "/bin/sh";
                  args = [ "-c" "echo built > $out; exec >&- 2>&-; i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done" ];
                }
                """.formatted(System.nanoTime()));
        Proc.Result r = Proc.of("nix-build", "--no-out-link", "--option", "substituters", "", f.toString()).timeout(Duration.ofMinutes(2)).run();
        assertNotEquals(0, r.exitCode());
        assertTrue(r.stderr().contains("signal 9 (Killed)"), r.stderr());
        Files.writeString(f, Files.readString(f).replace("exec >&- 2>&-; ", ""));
        Proc.Result kept = Proc.of("nix-build", "--no-out-link", "--option", "substituters", "", f.toString()).timeout(Duration.ofMinutes(2)).run();
        assertEquals(0, kept.exitCode(), kept.stderr());
        // the store as it was: the path it built has no root
        Proc.Result d = Proc.of("nix-store", "--delete", kept.stdout().strip()).timeout(Duration.ofMinutes(1)).run();
        assertEquals(0, d.exitCode(), d.stderr());
    }
}
