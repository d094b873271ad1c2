package nixpylab.nix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import testkit.Captures;

class HashMismatchTest {
    @Test
    void readsNix28MismatchOfTheCpythonSource() {
        HashMismatch m = HashMismatch.parse(Captures.read("nix-2.8.0/cpython-hash-mismatch.stderr")).orElseThrow();
        assertEquals("/nix/store/ds4m8n4lz994jb6akgsbbh3crff46mjb-python3.11_3.11.2.orig.tar.gz.drv", m.derivation());
        assertTrue(m.specified().isFake());
        assertEquals("sha256-JBHHS9pbvPzdr0Ux9m0a3HPyR/UprumBsClROu/b+Ek=", m.got().sri());
        // sha256sum of the same tarball, as base16
        assertEquals("2411c74bda5bbcfcddaf4531f66d1adc73f247f529aee981b029513aefdbf849", m.got().base16());
    }

    @Test
    void readsNix28MismatchAfterAnEmptyHashWarning() {
        HashMismatch m = HashMismatch.parse(Captures.read("nix-2.8.0/empty-hash-mismatch.stderr")).orElseThrow();
        assertTrue(m.specified().isFake());
        assertEquals("sha256-VigUtXR8vzrMoSirzsZx99lEPCleG6rVL4UqwROrY+Q=", m.got().sri());
    }

    /** Shape of Nix 2.3, src/libstore/build.cc: "wanted:"/"got:" in sha256:<nix32>, the output path quoted. */
    @Test
    void readsNix23Shape() {
        String text = "building '/nix/store/abc.drv'...\n"
                + "hash mismatch in fixed-output derivation '/nix/store/9q1ba0r9q5c5hnlqbqdgy0vkrcn2hbf8-source':\n"
                + "  wanted: sha256:0000000000000000000000000000000000000000000000000000\n"
                + "  got:    sha256:0jgqvgpkll99n20ykbi9ym3z4wyw39nzcca5mzfzrg2vv95wf494\n";
        HashMismatch m = HashMismatch.parse(text).orElseThrow();
        assertEquals("/nix/store/9q1ba0r9q5c5hnlqbqdgy0vkrcn2hbf8-source", m.derivation());
        assertTrue(m.specified().isFake());
        assertEquals("sha256-JBHHS9pbvPzdr0Ux9m0a3HPyR/UprumBsClROu/b+Ek=", m.got().sri());
    }

    /** Shape of Lix, lix/libstore/build/local-derivation-goal.cc: one space after got:, extra lines. */
    @Test
    void readsLixShapeWithColours() {
        String text = "\u001b[31;1merror:\u001b[0m hash mismatch in fixed-output derivation '/nix/store/x1-src.drv':\n"
                + "  likely URL: file:///var/tmp/p.tar.gz\n"
                + "   specified: sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n"
                + "         got: sha256-JBHHS9pbvPzdr0Ux9m0a3HPyR/UprumBsClROu/b+Ek=\n"
                + "  expected path: /nix/store/aaa-src\n"
                + "       got path: /nix/store/bbb-src\n";
        HashMismatch m = HashMismatch.parse(text).orElseThrow();
        assertEquals("2411c74bda5bbcfcddaf4531f66d1adc73f247f529aee981b029513aefdbf849", m.got().base16());
    }

    @Test
    void otherErrorsAreNotMismatches() {
        assertTrue(HashMismatch.parse("error: syntax error, unexpected '}'\n").isEmpty());
        assertTrue(HashMismatch.parse("error: unable to download 'file:///root/x': Couldn't read a file:// file (37)\n").isEmpty());
    }
}
