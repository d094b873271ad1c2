package nixpylab.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AptSourcesTest {
    @Test
    void deb822StanzasBecomeSourceStanzas() {
        String in = "Types: deb\nURIs: http://mirror.example/debian\nSuites: bookworm\nComponents: main\n";
        assertEquals("Types: deb-src\nURIs: http://mirror.example/debian\nSuites: bookworm\nComponents: main\n\n", AptSources.toSourceEntries("x.sources", in));
        assertEquals("Types: deb-src\n\n", AptSources.toSourceEntries("x.sources", "Types: deb deb-src\n"));
    }

    @Test
    void oneLineEntriesBecomeDebSrcAndOthersAreDropped() {
        String in = "# comment\ndeb http://mirror.example/debian bookworm main\ndeb-src http://mirror.example/debian bookworm main\n";
        assertEquals("deb-src http://mirror.example/debian bookworm main\n", AptSources.toSourceEntries("sources.list", in));
    }
}
