package nixpylab.derivation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import nixpylab.Proc;
import nixpylab.nix.NixHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testkit.OnNix;
import testkit.ScriptRun;

class NixpkgsDerivationTest {
    static final NixpkgsDerivation VIDEO = NixpkgsDerivation.of("0123abcd", "3.10.5", null);

    @Test
    void namesAndTagFollowTheVideo() {
        assertEquals("newchrism-py310.nix", VIDEO.fileName());
        assertEquals("chrism-py310", VIDEO.name());
        assertEquals("v3.10.5", VIDEO.rev());
        assertEquals("newchrism-py311.nix", NixpkgsDerivation.of("0123abcd", "3.11.2", "v3.11.2").fileName());
        String t = VIDEO.text();
        assertTrue(t.contains("    rev = \"v3.10.5\"; # tag\n    sha256 = pkgs.lib.fakeSha256;\n"), t);
        assertTrue(t.contains("  pkgs = import <nixpkgs> { };\n"), t);
        assertTrue(VIDEO.withHash(NixHash.parse("0".repeat(63) + "1")).text().contains("sha256 = \"sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAE=\";"));
    }

    @Test
    void postPatchUsesConcatStringsSepLikeTheVideoWithTheVersionsModuleLines() {
        String t = VIDEO.withModules(SetupLocal.VIDEO_MODULES).text();
        assertTrue(t.contains("  postPatch = pkgs.lib.concatStringsSep \"\\n\" [\n    ''\n      cat << EOF > Modules/Setup.local\n      zlib zlibmodule.c -lz\n"), t);
        assertTrue(t.contains("_sqlite/cache.c"), "3.10's sqlite sources");
        assertTrue(t.contains("      EOF\n    ''\n  ];\n}\n"), t);
    }

    /** nixfmt's layout, checked by rule (nixfmt itself cannot be installed on these machines). */
    @Test
    void laidOutAsNixfmtWould() {
        for (String t : List.of(VIDEO.text(), VIDEO.withModules(SetupLocal.VIDEO_MODULES).text(), BareDerivationTest.FAKE.withModules(SetupLocal.VIDEO_MODULES).text(),
                VIDEO.withModules(SetupLocal.VIDEO_MODULES).withFixes(RepeatableFix.all()).text())) {
            assertTrue(t.endsWith("}\n") && !t.endsWith("\n\n"), "one final newline");
            boolean inString = false;
            for (String line : t.split("\n")) {
                String st = line.strip();
                boolean toggles = st.equals("''") || st.equals("'';") || st.endsWith(" ''");
                if (toggles) inString = !inString;
                assertFalse(line.contains("\t"), "no tabs: " + line);
                assertFalse(line.endsWith(" "), "no trailing blanks: '" + line + "'");
                int indent = line.length() - line.stripLeading().length();
                assertEquals(0, indent % 2, "two-space indents: " + line);
                assertFalse(line.contains("{}"), "nixfmt writes an empty set as { }: " + line);
                if (!inString && !toggles) assertFalse(line.matches(".*\\[ *\\S.*\\S *\\].*"), "list elements on lines of their own: " + line);
            }
        }
    }

    @OnNix
    @Test
    void parsesAndEvaluatesAgainstTheNixpkgsDouble(@TempDir Path dir) throws Exception {
        NixpkgsDerivation d = NixpkgsDerivation.of("0123abcd", "3.11.2", null).withModules(List.of("zlib", "_bz2"));
        Path f = dir.resolve(d.fileName());
        Files.writeString(f, d.text());
        Proc.Result parse = Proc.of("nix-instantiate", "--parse", f.toString()).timeout(Duration.ofSeconds(30)).run();
        assertEquals(0, parse.exitCode(), parse.stderr());
        Path dbl = ScriptRun.REPO.resolve("tests/nixpkgs-double");
        Proc.Result post = Proc.of("nix-instantiate", "-I", "nixpkgs=" + dbl, "--eval", "--json", "-E", "(import " + f + ").postPatch")
                .env("NIXPY_DOUBLE_SOURCES", "/nonexistent").timeout(Duration.ofSeconds(30)).run();
        assertEquals(0, post.exitCode(), post.stderr());
        assertEquals("\"cat << EOF > Modules/Setup.local\\nzlib zlibmodule.c -lz\\n_bz2 _bz2module.c -lbz2\\nEOF\\n\"", post.stdout().strip());
        Proc.Result rev = Proc.of("nix-instantiate", "-I", "nixpkgs=" + dbl, "--eval", "-E", "(import " + f + ").src.outputHash")
                .env("NIXPY_DOUBLE_SOURCES", "/nonexistent").timeout(Duration.ofSeconds(30)).run();
        assertEquals("\"" + "0".repeat(64) + "\"", rev.stdout().strip(), rev.stderr());
    }

    /** --fix in this profile: what stdenv does not do already (it sets SOURCE_DATE_EPOCH); the double runs preConfigure as stdenv does. */
    @OnNix
    @Test
    void repeatableFixesAreAttributesThatStdenvRuns(@TempDir Path dir) throws Exception {
        NixpkgsDerivation d = NixpkgsDerivation.of("0123abcd", "3.11.2", null).withModules(List.of("zlib")).withFixes(RepeatableFix.all());
        assertFalse(d.withFixes(Set.of()).text().contains(RepeatableBuild.MARK));
        assertFalse(d.text().contains("SOURCE_DATE_EPOCH"), "stdenv sets it");
        // one class at a time: only the one-process compile has text here, the others change nothing
        assertEquals(Set.of(RepeatableFix.BYTE_CODE_CONTENTS), RepeatableBuild.written(Profile.NIXPKGS));
        for (RepeatableFix other : Set.of(RepeatableFix.BUILD_TIME, RepeatableFix.BUILD_PATH, RepeatableFix.BUILD_ID, RepeatableFix.BYTE_CODE_HASH)) {
            assertEquals(d.withFixes(Set.of()).text(), d.withFixes(Set.of(other)).text(), other.toString());
        }
        assertEquals(d.text(), d.withFixes(Set.of(RepeatableFix.BYTE_CODE_CONTENTS)).text());
        Path f = dir.resolve(d.fileName());
        Files.writeString(f, d.text());
        Path dbl = ScriptRun.REPO.resolve("tests/nixpkgs-double");
        assertFalse(d.text().contains("PYTHONHASHSEED"), "make install compiles with python -E, which would not read it");
        Proc.Result pre = Proc.of("nix-instantiate", "-I", "nixpkgs=" + dbl, "--eval", "--json", "-E", "(import " + f + ").preConfigure")
                .env("NIXPY_DOUBLE_SOURCES", "/nonexistent").timeout(Duration.ofSeconds(30)).run();
        assertEquals("\"sed -i -e 's/-j0 -d/-j1 -d/' Makefile.pre.in\\ngrep -q -e '-j1 -d' Makefile.pre.in\\n\"", pre.stdout().strip(), pre.stderr());
        assertTrue(Files.readString(dbl.resolve("default.nix")).contains("eval \"$preConfigure\""), "the double runs preConfigure");
    }
}
