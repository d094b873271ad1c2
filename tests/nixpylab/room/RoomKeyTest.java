package nixpylab.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import nixpylab.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testkit.OnNix;

class RoomKeyTest {
    @Test
    void aKeyIsANameAndThirtyTwoBytes() {
        RoomKey k = RoomKey.parse("nixpylab-room-vm-1:WQMyIgIB6UrRmPV7WyTLMINEWTnb4fFKzkCmgstD0jo=\n");
        assertEquals("nixpylab-room-vm-1", k.name());
        assertEquals("nixpylab-room-vm-1:WQMyIgIB6UrRmPV7WyTLMINEWTnb4fFKzkCmgstD0jo=", k.toString());
    }

    /** What learners paste by mistake: the key without its name, a truncated key, the secret half, the URL. */
    @Test
    void whatLearnersPasteByMistakeIsRefusedSayingWhatAKeyLooksLike() {
        for (String wrong : new String[] {"WQMyIgIB6UrRmPV7WyTLMINEWTnb4fFKzkCmgstD0jo=", "nixpylab-room-vm-1:WQMyIgIB6UrRmPV7WyTLMINEWTnb4fFKzk",
                "nixpylab-room-vm-1:" + Base64.getEncoder().encodeToString(new byte[64]), "http://127.0.0.1:8417", "nixpylab-room-vm-1:not base64!"}) {
            UserError e = assertThrows(UserError.class, () -> RoomKey.parse(wrong), wrong);
            assertTrue(e.getMessage().contains("NAME:BASE64 of 32 bytes"), e.getMessage());
        }
    }

    @Test
    @OnNix
    void nixMakesThePairAndTheSecretHalfIsTheOwnersAlone(@TempDir Path dir) throws Exception {
        RoomKey k = RoomKey.ensurePair(dir.resolve("keys"), "test-room-1");
        assertEquals("test-room-1", k.name());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys/secret"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys"))));
        assertEquals(k, RoomKey.ensurePair(dir.resolve("keys"), "test-room-1"), "made once, then kept");
    }

    @Test
    void whatARoomSaysAboutItselfReadsBack() {
        RoomInfo i = new RoomInfo("0a1b2c3d", "python3.11_3.11.2.orig.tar.gz", "/nix/store/x-chrism-py311", 333, "2.8.0", "2026-11-30T01:07:06Z",
                "2411c74bda5bbcfcddaf4531f66d1adc73f247f529aee981b029513aefdbf849");
        assertEquals(i, RoomInfo.parse(i.text()).orElseThrow());
        assertTrue(RoomInfo.parse("identity=not-hex\n").isEmpty(), "an identity must be 8 hex digits");
    }
}
