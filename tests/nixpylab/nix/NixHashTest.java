package nixpylab.nix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import nixpylab.UserError;
import org.junit.jupiter.api.Test;

class NixHashTest {
    /** The flat sha256 of "hello\n", as sha256sum and base64 give it. */
    @Test
    void helloVector() {
        NixHash h = NixHash.of("hello\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("sha256-WJG1tSLV3whtD/CxEPvZ0hu0/HFjrzTQgoai6Eb2vgM=", h.sri());
        assertEquals("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03", h.base16());
    }

    /** nix-hash --type sha256 --to-base32 2411c7…f849 printed this on Nix 2.8.0. */
    @Test
    void base32MatchesNix() {
        NixHash h = NixHash.parse("2411c74bda5bbcfcddaf4531f66d1adc73f247f529aee981b029513aefdbf849");
        assertEquals("0jgqvgpkll99n20ykbi9ym3z4wyw39nzcca5mzfzrg2vv95wf494", h.base32());
        assertEquals(h, NixHash.parse("sha256:0jgqvgpkll99n20ykbi9ym3z4wyw39nzcca5mzfzrg2vv95wf494"));
        assertEquals(h, NixHash.parse(h.sri()));
    }

    @Test
    void fakeHashesInEveryNotation() {
        assertTrue(NixHash.parse("sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=").isFake());
        assertTrue(NixHash.parse("0".repeat(64)).isFake());
        assertTrue(NixHash.parse("0".repeat(52)).isFake());
        assertEquals("0".repeat(52), NixHash.fake().base32());
    }

    @Test
    void malformedHashIsAUserError() {
        UserError e = assertThrows(UserError.class, () -> NixHash.parse("sha256-notahash"));
        assertTrue(e.getMessage().contains("sha256-notahash"));
        assertThrows(UserError.class, () -> NixHash.parse("e".repeat(52)));
        assertThrows(UserError.class, () -> NixHash.parse("1234"));
    }
}
