package nixpylab.nix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import testkit.Captures;

/** Why Nix did not take a path from a room's cache, read from real runs of both versions (Capture.java's subst-* scenarios). */
class SubstituteTroubleTest {
    static List<String> versions() {
        return Captures.nixVersions();
    }

    static Optional<SubstituteTrouble> of(String v, String scenario) {
        return SubstituteTrouble.find(Captures.of(v, "subst-" + scenario + ".stderr"));
    }

    @ParameterizedTest
    @MethodSource("versions")
    void eachFaultIsToldApartAndAGoodCopyIsNoTrouble(String v) {
        assertEquals("0", Captures.of(v, "subst-ok.exit").strip(), "the good copy worked");
        assertTrue(of(v, "ok").isEmpty(), "a good copy is no trouble: " + of(v, "ok"));
        assertEquals(SubstituteTrouble.Kind.NOT_SIGNED, of(v, "not-signed").orElseThrow().kind());
        assertEquals(SubstituteTrouble.Kind.ALTERED, of(v, "altered").orElseThrow().kind());
        assertEquals(SubstituteTrouble.Kind.NO_ANSWER, of(v, "no-answer").orElseThrow().kind());
        assertEquals(SubstituteTrouble.Kind.BROKE_OFF, of(v, "broke-off").orElseThrow().kind());
        for (String s : new String[] {"not-signed", "altered", "no-answer", "broke-off"}) {
            assertTrue(!Captures.of(v, "subst-" + s + ".exit").strip().equals("0"), s + ": Nix refused (exit " + Captures.of(v, "subst-" + s + ".exit").strip() + ")");
        }
        assertTrue(of(v, "no-answer").orElseThrow().sentence().startsWith("the binary cache http://127.0.0.1:"), of(v, "no-answer").orElseThrow().sentence());
        // through a daemon, as a user it does not trust: Nix ignores the cache and says so, and that is what is told, not a fault of the cache
        SubstituteTrouble untrusted = of(v, "untrusted").orElseThrow();
        assertEquals(SubstituteTrouble.Kind.UNTRUSTED, untrusted.kind());
        assertTrue(untrusted.cache().startsWith("http://127.0.0.1:"), untrusted.cache());
    }
}
