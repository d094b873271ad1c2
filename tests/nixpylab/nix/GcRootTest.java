package nixpylab.nix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import testkit.Captures;

class GcRootTest {
    @Test
    void readsRealRootsOfTheBuiltPython() {
        List<GcRoot> roots = GcRoot.parseAll(Captures.read("nix-2.8.0/cpython-roots.stdout"));
        assertEquals(1, roots.size());
        GcRoot r = roots.get(0);
        assertEquals("/work/main/lab/result", r.link());
        assertEquals("chrism-py311", r.target().name());
        assertEquals(GcRoot.Kind.RESULT_LINK, r.kind());
        assertTrue(r.explanation().contains("nix-build"));
    }

    @Test
    void readsPrintRootsAndFiltersOnName() {
        List<GcRoot> roots = GcRoot.parseAll(Captures.read("nix-2.8.0/cpython-print-roots.stdout"));
        assertEquals(2, roots.size());
        assertTrue(roots.stream().allMatch(g -> g.target().name().startsWith("chrism-py")));
    }

    /** Pseudo-roots as docs/nix-facts.adoc lists them: {temp:PID}, /proc/PID/…, {lsof}, {censored}. */
    @Test
    void classifiesPseudoRoots() {
        String text = "{temp:4242} -> /nix/store/9rg0mpb1xiwddjc38c9hifwg3myni68l-chrism-py311\n"
                + "/proc/4242/maps -> /nix/store/9rg0mpb1xiwddjc38c9hifwg3myni68l-chrism-py311\n"
                + "{censored} -> /nix/store/9rg0mpb1xiwddjc38c9hifwg3myni68l-chrism-py311\n"
                + "/nix/var/nix/profiles/default-1-link -> /nix/store/9rg0mpb1xiwddjc38c9hifwg3myni68l-chrism-py311\n"
                + "/home/me/py-root -> /nix/store/9rg0mpb1xiwddjc38c9hifwg3myni68l-chrism-py311\n"
                + "not a root line\n";
        List<GcRoot.Kind> kinds = GcRoot.parseAll(text).stream().map(GcRoot::kind).toList();
        assertEquals(List.of(GcRoot.Kind.PROCESS, GcRoot.Kind.PROCESS, GcRoot.Kind.CENSORED, GcRoot.Kind.PROFILE, GcRoot.Kind.OTHER_LINK), kinds);
    }
}
