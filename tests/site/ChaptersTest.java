package site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testkit.Captures;

/** The run:: blocks, read from the chapters before anything converts: chained by workspace, keyed on what their output depends on. */
class ChaptersTest {
    @Test
    void blocksAreReadInOrderWithTheirAttributesSkippingListings(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("01-a.adoc"), "= A\n\nrun::FetchFakeHash[args=\"--no-fix\", expect=fail, exit=102]\n\n----\nrun::NotABlock[]\n----\n\nrun::PostPatch[]\n");
        Files.writeString(dir.resolve("02-b.adoc"), "= B\n:nixpylab-workspace: other\n\nrun::Build[args=\"--profile bare\"]\n");
        Files.writeString(dir.resolve("_partial.adoc"), "run::Roots[]\n");
        Map<String, List<RunBlock>> chains = Chapters.chains(dir);
        assertEquals(List.of("lab", "other"), List.copyOf(chains.keySet()));
        assertEquals(List.of(new RunBlock("01-a", 1, "lab", "FetchFakeHash", List.of("--no-fix"), true, 102), new RunBlock("01-a", 2, "lab", "PostPatch", List.of(), false, null)),
                chains.get("lab"));
        assertEquals(List.of(new RunBlock("02-b", 1, "other", "Build", List.of("--profile", "bare"), false, null)), chains.get("other"));
    }

    @Test
    void theRealChaptersHaveTheirBlocks() {
        Map<String, List<RunBlock>> chains = Chapters.chains(Captures.repo().resolve("chapters"));
        List<RunBlock> lab = chains.get("lab");
        assertEquals("FetchFakeHash", lab.get(0).script());
        assertTrue(lab.stream().anyMatch(b -> b.chapter().equals("06-force-delete") && b.script().equals("TestPython") && b.expectFail()));
    }

    @Test
    void aBlocksKeyFollowsItsStepItsArgumentsAndEverythingBeforeIt() {
        RunBlock a = new RunBlock("01", 1, "lab", "FetchFakeHash", List.of(), false, null);
        RunBlock b = new RunBlock("01", 2, "lab", "PostPatch", List.of(), false, null);
        RunBlock b2 = new RunBlock("01", 2, "lab", "PostPatch", List.of("--without", "_tkinter"), false, null);
        RunBlock a2 = new RunBlock("01", 1, "lab", "FetchFakeHash", List.of("--predict"), false, null);
        Map<RunBlock, String> k = BlockKeys.of(List.of(a, b));
        assertEquals(k, BlockKeys.of(List.of(a, b)), "the same chapters, the same keys");
        assertNotEquals(k.get(b), BlockKeys.of(List.of(a, b2)).get(b2), "its arguments");
        assertEquals(k.get(a), BlockKeys.of(List.of(a, b2)).get(a), "a later block does not change an earlier one's key");
        assertNotEquals(k.get(b), BlockKeys.of(List.of(a2, b)).get(b), "a change before it does");
    }

    /** A block's id is how the chapter's evidence marks name it and the page anchors it; what its output depends on does not change with it. */
    @Test
    void aBlocksIdNamesItWithoutChangingItsKey(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("01-a.adoc"), "= A\n\nrun::Roots[id=roots]\n\nrun::Build[]\n");
        List<RunBlock> blocks = Chapters.blocks(dir.resolve("01-a.adoc"));
        assertEquals("roots", blocks.get(0).id());
        assertEquals("run-roots", blocks.get(0).anchor());
        assertEquals("run-2", blocks.get(1).anchor(), "a block without an id is anchored by its place");
        RunBlock plain = new RunBlock("01-a", 1, "lab", "Roots", List.of(), false, null);
        assertEquals(BlockKeys.of(List.of(plain)).get(plain), BlockKeys.of(List.of(blocks.get(0))).get(blocks.get(0)));
    }
}
