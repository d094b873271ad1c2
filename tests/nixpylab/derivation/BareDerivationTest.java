package nixpylab.derivation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import nixpylab.NixTemplate;
import nixpylab.Proc;
import nixpylab.nix.NixHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testkit.OnNix;

class BareDerivationTest {
    static final BareDerivation FAKE = new BareDerivation("chrism-py311", "0123abcd", "3.11.2",
            "file:///var/tmp/nixpylab-sources/python3.11_3.11.2.orig.tar.gz", NixHash.fake(), null);

    @Test
    void namesFollowTheVideo() {
        assertEquals("chrism-py310", BareDerivation.nameFor("3.10.5"));
        assertEquals("chrism-py311.nix", FAKE.fileName());
    }

    @Test
    void withoutModulesThereIsNoPostPatch() {
        String t = FAKE.text();
        assertFalse(t.contains("postPatch ="), t);
        assertTrue(t.contains("hash = \"sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\";"));
        assertTrue(t.contains("# Impure on purpose"));
    }

    @Test
    void postPatchCarriesTheSetupLocalLines() {
        String t = FAKE.withModules(List.of("zlib", "_sqlite3")).text();
        assertTrue(t.contains("    cat > Modules/Setup.local <<'EOF'\n    zlib zlibmodule.c -lz\n    _sqlite3 _sqlite/blob.c"), t);
    }

    @Test
    void quotesStringsSoNixCannotInterpolate() {
        assertEquals("\"a\\\"b\\\\c\\${d}\"", NixTemplate.quote("a\"b\\c${d}"));
    }

    @OnNix
    @Test
    void generatedFilesParseWithNix(@TempDir Path dir) throws Exception {
        for (BareDerivation d : List.of(FAKE, FAKE.withModules(SetupLocal.VIDEO_MODULES), FAKE.withHash(NixHash.parse("0".repeat(63) + "1")))) {
            Path f = dir.resolve(d.fileName());
            Files.writeString(f, d.text());
            Proc.Result r = Proc.of("nix-instantiate", "--parse", f.toString()).timeout(Duration.ofSeconds(30)).run();
            assertEquals(0, r.exitCode(), r.stderr());
            assertTrue(r.stdout().contains("derivation"), r.stdout());
        }
    }

    /** The postPatch text is what the shell sees: Nix strips the common indentation of '' strings. */
    @OnNix
    @Test
    void postPatchEvaluatesToTheSetupLocalHereDocument(@TempDir Path dir) throws Exception {
        BareDerivation d = FAKE.withModules(List.of("zlib", "_bz2"));
        Path f = dir.resolve(d.fileName());
        Files.writeString(f, d.text());
        Proc.Result r = Proc.of("nix-instantiate", "--eval", "--json", "-E", "(import " + f + ").postPatch").timeout(Duration.ofSeconds(30)).run();
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("\"cat > Modules/Setup.local <<'EOF'\\nzlib zlibmodule.c -lz\\n_bz2 _bz2module.c -lbz2\\nEOF\\n\"", r.stdout().strip());
    }
}
