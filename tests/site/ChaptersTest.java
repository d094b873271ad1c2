package site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nixpylab.UserError;
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

    /** nix= names the one version a block is recorded on; as=learner runs it as an ordinary user, in a workspace of the learner's own. */
    @Test
    void aBlockMayNameItsOneNixVersionAndItsUser(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("01-a.adoc"), "= A\n\nrun::Roots[id=roots, nix=2.34]\n\n:nixpylab-workspace: mine\n\nrun::Trust[as=learner]\n");
        Map<String, List<RunBlock>> chains = Chapters.chains(dir);
        RunBlock one = chains.get("lab").get(0), mine = chains.get("mine").get(0);
        assertEquals("2.34", one.nix());
        assertTrue(one.runsOn("2.34.8") && one.runsOn("2.34"), "a prefix names a version and its patch releases");
        assertFalse(one.runsOn("2.8.0") || one.runsOn("2.3.16") || one.runsOn("2.340.1"), "and no other");
        assertTrue(mine.asLearner());
        assertFalse(one.asLearner());
        assertTrue(mine.runsOn("2.8.0"), "a block without nix= runs on every version");
        RunBlock plain = new RunBlock("01-a", 1, "mine", "Trust", List.of(), false, null);
        assertNotEquals(BlockKeys.of(List.of(plain)).get(plain), BlockKeys.of(List.of(mine)).get(mine), "who runs it is part of what its output depends on");
    }

    @Test
    void aBlockAsAnotherUserThanLearnerOrMixedIntoRootsWorkspaceIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("01-a.adoc"), "= A\n\nrun::Trust[as=root]\n");
        UserError e = assertThrows(UserError.class, () -> Chapters.chains(dir));
        assertTrue(e.getMessage().contains("as=root") && e.next().contains("as=learner"), e.getMessage());
        Files.writeString(dir.resolve("01-a.adoc"), "= A\n\nrun::Build[]\n\nrun::Trust[as=learner]\n");
        e = assertThrows(UserError.class, () -> Chapters.chains(dir));
        assertTrue(e.getMessage().contains("a workspace belongs to one user") && e.next().contains(":nixpylab-workspace:"), e.getMessage());
    }

    /** A block on fewer versions than the site must say which one it is for; one marked for a version must have that one's transcript and no other. */
    @Test
    void aBlockRecordedOnFewerVersionsThanTheSiteMustBeMarked() {
        Set<String> site = Set.of("2.8.0", "2.34.8");
        RunBlock plain = new RunBlock("10", 1, "lab", "NixCommand", List.of(), false, null);
        RunBlock marked = new RunBlock("10", 1, "lab", "NixCommand", List.of(), false, null, "x", "2.34", null);
        assertEquals(Optional.empty(), plain.versionProblem(List.of("2.34.8", "2.8.0"), site));
        assertTrue(plain.versionProblem(List.of("2.34.8"), site).orElseThrow().contains("not on Nix 2.8.0"), "recorded on one version, shown as if on both");
        assertTrue(plain.versionProblem(List.of("2.34.8"), site).orElseThrow().contains("nix=VERSION"), "and says how to mark it");
        assertEquals(Optional.empty(), marked.versionProblem(List.of("2.34.8"), site));
        assertTrue(marked.versionProblem(List.of("2.34.8", "2.8.0"), site).orElseThrow().contains("transcript of Nix 2.8.0"), "a transcript of a version it is not for");
        assertTrue(marked.versionProblem(List.of(), site).orElseThrow().contains("no transcript"), "none of the one it is for");
    }

    /** serve=ROOM serves a published room around the block; {url} and {key} are what its server prints, and only a served room fills them in. */
    @Test
    void aBlockMayServeARoomAndTypeWhatItsServerPrints(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("01-a.adoc"), "= A\n\nrun::Workshop[args=\"join {url} {key} --workdir learner/workshop\", serve=room, id=join]\n");
        RunBlock join = Chapters.chains(dir).get("lab").get(0);
        assertTrue(join.servesRoom());
        assertEquals("room", join.serve());
        assertEquals(List.of("join", "http://127.0.0.1:41234", "nixpylab-room-0a1b2c3d:K=", "--workdir", "learner/workshop"),
                join.argsFor("http://127.0.0.1:41234", "nixpylab-room-0a1b2c3d:K="));
        RunBlock unserved = new RunBlock("01-a", 1, "lab", "Workshop", List.of("join", "{url}", "{key}", "--workdir", "learner/workshop"), false, null, "join");
        assertNotEquals(BlockKeys.of(List.of(unserved)).get(unserved), BlockKeys.of(List.of(join)).get(join), "the room served is part of what its output depends on");
    }

    /** The wrong marks people write: placeholders with no room, a room outside the workspace's folder, a room served for a block that never types its URL. */
    @Test
    void aServedRoomItsBlockDoesNotUseOrPlaceholdersNoRoomFillsAreRefused(@TempDir Path dir) throws Exception {
        for (String[] wrong : new String[][] {
                {"run::Workshop[args=\"join {url} {key}\"]", "no room is served"},
                {"run::Workshop[args=\"join {url} {key}\", serve=../room]", "not a folder next to its workspace"},
                {"run::Workshop[args=\"join {url} {key}\", serve=/var/tmp/room]", "not a folder next to its workspace"},
                {"run::Workshop[args=\"join http://10.0.0.1:8417 {key}\", serve=room]", "does not use its URL"}}) {
            Files.writeString(dir.resolve("01-a.adoc"), "= A\n\n" + wrong[0] + "\n");
            UserError e = assertThrows(UserError.class, () -> Chapters.chains(dir), wrong[0]);
            assertTrue(e.getMessage().contains(wrong[1]) && e.next().contains("serve=room"), wrong[0] + ": " + e.getMessage());
        }
    }
}
