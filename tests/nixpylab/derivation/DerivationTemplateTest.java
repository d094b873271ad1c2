package nixpylab.derivation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import nixpylab.nix.BuildProgress;
import nixpylab.nix.NixHash;
import org.junit.jupiter.api.Test;
import testkit.Captures;

/**
 * The derivation files come from .nix templates (bare.nix, nixpkgs.nix and their postPatch parts,
 * next to the classes that fill them); what they write is byte for byte what the Java that wrote
 * the same text line by line wrote before (golden/, made with that code).
 */
class DerivationTemplateTest {
    static final NixHash REAL = NixHash.parse("sha256-JBHHS9pbvPzdr0Ux9m0a3HPyR/UprumBsClROu/b+Ek=");

    static String golden(String name) throws Exception {
        return Files.readString(Captures.repo().resolve("tests/nixpylab/derivation/golden").resolve(name));
    }

    @Test
    void bareFilesAreAsBefore() throws Exception {
        BareDerivation b = new BareDerivation("chrism-py311", "0123abcd", "3.11.2", "file:///var/tmp/nixpylab-sources/python3.11_3.11.2.orig.tar.gz", NixHash.fake(), null);
        assertEquals(golden("bare-fake.nix"), b.text());
        assertEquals(golden("bare-modules.nix"), b.withHash(REAL).withModules(SetupLocal.VIDEO_MODULES).text());
        BareDerivation b310 = new BareDerivation("chrism-py310", "0123abcd", "3.10.5", "https://www.python.org/ftp/python/3.10.5/Python-3.10.5.tar.xz", NixHash.fake(), List.of("zlib", "_sqlite3"));
        assertEquals(golden("bare-310-two-modules.nix"), b310.text());
    }

    @Test
    void nixpkgsFilesAreAsBefore() throws Exception {
        NixpkgsDerivation n = NixpkgsDerivation.of("0123abcd", "3.10.5", null);
        assertEquals(golden("nixpkgs-fake.nix"), n.text());
        assertEquals(golden("nixpkgs-modules.nix"), n.withHash(REAL).withModules(SetupLocal.VIDEO_MODULES).text());
        assertEquals(golden("nixpkgs-minimal.nix"), n.withModules(List.of("zlib", "_lzma")).withBuildInputs(List.of("zlib", "xz")).text());
    }

    @Test
    void theBareBuilderAnnouncesEachPhaseAsBuildProgressReadsIt() throws Exception {
        String t = Files.readString(Captures.repo().resolve("scripts/nixpylab/derivation/bare.nix"));
        for (String phase : List.of("unpackPhase", "patchPhase", "configurePhase", "buildPhase", "installPhase")) {
            assertTrue(t.contains("echo \"" + BuildProgress.PHASE_MARK + phase + "\""), phase);
            assertEquals(Optional.of(phase), BuildProgress.phase(BuildProgress.PHASE_MARK + phase));
        }
    }
}
