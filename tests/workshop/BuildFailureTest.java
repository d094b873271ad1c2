package workshop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import testkit.Captures;

/** Build failures explained from real compiler output (captured from gcc 12 on this machine). */
class BuildFailureTest {
    @Test
    void aMissingLibraryFlagIsAnUndefinedReference() throws Exception {
        String m = BuildFailure.explain(Captures.read("gcc-12/undefined-reference.stderr"), "python.nix", "liblzma-dev", true);
        assertTrue(m.contains("undefined reference to 'lzma_easy_encoder'") && m.contains("(-l…)"), m);
    }

    @Test
    void aMissingHeaderNamesTheHostPackageToInstall() throws Exception {
        String log = Captures.read("gcc-12/missing-header.stderr");
        String missing = BuildFailure.explain(log, "python.nix", "liblzma-dev", false);
        assertTrue(missing.contains("cannot find nosuchlib.h") && missing.contains("apt-get install liblzma-dev") && missing.contains("buildInputs"), missing);
        String there = BuildFailure.explain(log, "python.nix", "liblzma-dev", true);
        assertTrue(there.contains("which is installed") && !there.contains("apt-get install"), there);
    }

    @Test
    void otherwiseNixsOwnErrorLine() throws Exception {
        String m = BuildFailure.explain(Captures.read("nix-2.8.0/cpython-hash-mismatch.stderr"), "python.nix", "", true);
        assertTrue(m.startsWith("The build failed: hash mismatch in fixed-output derivation"), m);
    }
}
