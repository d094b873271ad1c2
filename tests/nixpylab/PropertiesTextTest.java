package nixpylab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PropertiesTextTest {
    @Test
    void whatItWritesPropertiesReadsBackExactly() throws Exception {
        Properties p = new Properties();
        p.setProperty("modules", "zlib readline _lzma");
        p.setProperty("key with spaces", " leading space, trailing space ");
        p.setProperty("a=b:c", "#not a comment!\\back\\slash");
        p.setProperty("lines", "one\ntwo\r\tthree\f");
        p.setProperty("unicode", "Größe → ok");
        p.setProperty("empty", "");
        p.setProperty("built", "/nix/store/72qdgfsd5jisaf5bh69v13zajznfdl54-chrism-py311");
        String text = PropertiesText.of(p, "NixPy Lab workspace\nsecond line");
        Properties back = new Properties();
        back.load(new StringReader(text));
        assertEquals(p, back);
        assertTrue(text.startsWith("# NixPy Lab workspace\n# second line\n"));
        assertFalse(text.matches("(?s).*\\b20\\d\\d\\b.*"), "no date line");
        assertEquals(text, PropertiesText.of(back, "NixPy Lab workspace\nsecond line"), "the same state, the same text");
    }
}
