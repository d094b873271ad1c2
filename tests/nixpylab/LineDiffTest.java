package nixpylab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The diff the video's-file blocks show: what was added and removed, with context, and nothing for the same text. */
class LineDiffTest {
    @Test
    void anAddedBlockShowsWithItsContextOnly() {
        String before = "a\nb\nc\nd\ne\nf\ng\n}";
        String after = "a\nb\nc\nd\ne\nf\ng\n  post = 1;\n}";
        assertEquals(List.of(" e", " f", " g", "+  post = 1;", " }"), LineDiff.unified(before, after, 3));
    }

    @Test
    void aChangedLineIsARemovalAndAnAddition() {
        assertEquals(List.of(" x", "-  sha256 = fake;", "+  sha256 = \"real\";", " y"), LineDiff.unified("x\n  sha256 = fake;\ny", "x\n  sha256 = \"real\";\ny", 1));
    }

    @Test
    void changesFarApartAreTwoHunks() {
        assertEquals(List.of("-1", "+one", " 2", "@@", " 8", "-9", "+nine"), LineDiff.unified("1\n2\n3\n4\n5\n6\n7\n8\n9", "one\n2\n3\n4\n5\n6\n7\n8\nnine", 1));
    }

    @Test
    void theSameTextIsNoDiff() {
        assertEquals(List.of(), LineDiff.unified("a\nb", "a\nb", 3));
    }
}
