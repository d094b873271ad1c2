package site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import testkit.ScriptRun;

/**
 * What a learner copies from a block: the Nix commands the recorded step ran, without the options
 * only the recording machine needed and with the workspace's paths written from inside it; and
 * what must stay (an option that is part of the lesson, a store path, the rest of the command).
 */
class TypedCommandsTest {
    static Transcript recorded(String block, String nix) throws Exception {
        Path f = ScriptRun.REPO.resolve("chapters/transcripts/" + block + "/nix-" + nix + ".txt");
        return Transcript.parse(Files.readString(f), f.toString());
    }

    @Test
    void aRecordedBuildIsTypedWithoutThisMachinesOptionButWithTheSandboxPathsTheBareFileNeeds() throws Exception {
        assertEquals(List.of("nix-build chrism-py311.nix -o result"), TypedCommands.of(recorded("04-build/01-Build", "2.8.0"), "lab"), "sandbox off there");
        List<String> sandboxed = TypedCommands.of(recorded("04-build/01-Build", "2.34.8"), "lab");
        assertEquals(1, sandboxed.size(), sandboxed.toString());
        assertTrue(sandboxed.get(0).matches("nix-build --option extra-sandbox-paths '/usr [^']*' chrism-py311\\.nix -o result"), sandboxed.get(0));
    }

    @Test
    void bothCommandsOfAStepAreTypedInTheOrderItRanThem() throws Exception {
        List<String> typed = TypedCommands.of(recorded("06-force-delete/02-ForceDelete", "2.34.8"), "lab");
        assertEquals(2, typed.size(), typed.toString());
        assertTrue(typed.get(0).matches("nix-store --delete /nix/store/[0-9a-z]{32}-chrism-py311"), typed.get(0));
        assertTrue(typed.get(1).matches("nix-store --delete --ignore-liveness /nix/store/[0-9a-z]{32}-chrism-py311"), typed.get(1));
    }

    @Test
    void onlyTheMachinesOptionsGoTheLessonsStay() {
        assertEquals("nix-build --option extra-sandbox-paths '/usr /lib=/usr/lib' chrism-py311.nix -o result",
                TypedCommands.typed("nix-build --option substituters '' --option extra-sandbox-paths '/usr /lib=/usr/lib' lab/chrism-py311.nix -o lab/result", "lab"));
        // a room's cache is what the room teaches: its option stays
        assertEquals("nix-build --option extra-substituters http://10.0.0.2:8080 chrism-py311.nix", TypedCommands.typed("nix-build --option extra-substituters http://10.0.0.2:8080 lab/chrism-py311.nix", "lab"));
        // a folder that only starts with the workspace's name is another folder
        assertEquals("nix-build labs/chrism-py311.nix", TypedCommands.typed("nix-build labs/chrism-py311.nix", "lab"));
        assertEquals("nix-store -r /nix/store/abc-chrism-py311 --add-root python-3.11.2 --indirect", TypedCommands.typed("nix-store --option substituters '' -r /nix/store/abc-chrism-py311 --add-root lab/python-3.11.2 --indirect", "lab"));
        assertFalse(TypedCommands.hasMachineOption("nix-build --option sandbox true x.nix"), "an option the lesson may set is not the machine's");
        assertFalse(TypedCommands.hasMachineOption("nix-build --option extra-sandbox-paths /usr x.nix"), "every sandboxed bare-profile build needs its sandbox paths");
    }

    @Test
    void aStepThatRanNoNixCommandGivesNothingToType() throws Exception {
        assertEquals(List.of(), TypedCommands.of(recorded("07-test/02-TestPython", "2.34.8"), "lab"));
    }

    @Test
    void postPatchGivesTheCommandThatReadsThePostPatchBackOutOfTheDrv() throws Exception {
        List<String> typed = TypedCommands.of(recorded("03-postpatch/01-PostPatch", "2.8.0"), "lab");
        assertEquals(1, typed.size(), typed.toString());
        assertTrue(typed.get(0).matches("nix-store -q --binding postPatch /nix/store/[0-9a-z]{32}-chrism-py311\\.drv"), typed.get(0));
    }
}
