package site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nixpylab.Proc;
import nixpylab.UserError;
import org.junit.jupiter.api.Test;

/** A transcript is text a reviewer reads in a diff, reads back as it was written, and refuses to be edited by hand. */
class TranscriptTest {
    static final Transcript T = new Transcript("04-build", 1, List.of("./jbang", "scripts/Build.java"), 0, "k3y", "2.34.8", "x86_64-linux", "true", "bare",
            "2026-11-30 01:12 UTC", 132812, "/nix/store/5xdkcqxmgsgb6148f4nkj20nwi3xg64f-chrism-py311.drv",
            List.of("binary cache https://example.invalid/ does not answer", "the build sandbox is on"),
            List.of(new Proc.Line(true, "== Build (workspace lab, profile bare)"), new Proc.Line(false, "/nix/store/9rg0mpb1xiwddjc38c9hifwg3myni68l-chrism-py311")),
            "chrism-py311.nix", "let\n  x = 1;\nin\nx\n");

    @Test
    void readsBackWhatItWrote() {
        String text = T.text();
        assertTrue(text.contains("\ncommand: ./jbang scripts/Build.java\n"), text);
        assertTrue(text.contains("\nerr | == Build (workspace lab, profile bare)\nout | /nix/store/9rg0mpb1xiwddjc38c9hifwg3myni68l-chrism-py311\n"), text);
        assertTrue(text.contains("\nnix-file-text:\nlet\n  x = 1;\nin\nx\n"), "the derivation file as it is");
        assertEquals(T, Transcript.parse(text, "t.txt"));
    }

    @Test
    void anEditByHandIsRefusedNamingTheFile() {
        String edited = T.text().replace("out | /nix/store/9rg0", "out | /nix/store/0000");
        UserError e = assertThrows(UserError.class, () -> Transcript.parse(edited, "chapters/transcripts/04-build/01-Build/nix-2.34.8.txt"));
        assertTrue(e.getMessage().contains("chapters/transcripts/04-build/01-Build/nix-2.34.8.txt was edited by hand"), e.getMessage());
        assertTrue(e.next().contains("./jbang scripts/Site.java --refresh"), e.next());
    }
}
