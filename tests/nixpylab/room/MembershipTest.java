package nixpylab.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import nixpylab.PropertiesText;
import nixpylab.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testkit.OnNix;

/**
 * A room's description is the room's only under its key's signature, and a learner's record of the
 * room is read only when it is theirs: the hostile room.properties a planter or a typo would write
 * are refused, each saying why.
 */
class MembershipTest {
    static final String HASH = "2411c74bda5bbcfcddaf4531f66d1adc73f247f529aee981b029513aefdbf849";

    @Test
    void anAddressNixWouldReadAsMoreThanOnePlainCacheIsRefused() {
        assertEquals("http://10.0.0.5:8417", RoomUrl.check("http://10.0.0.5:8417/"));
        assertEquals("https://room.example:8417/cache", RoomUrl.check("https://room.example:8417/cache"));
        String[][] wrong = {
                {"http://10.0.0.5:8417 https://evil.example", "a space"},
                {"http://10.0.0.5:8417?trusted=1", "?trusted=1 would skip every signature check"},
                {"http://10.0.0.5:8417/#x", "fragment"},
                {"file:///var/tmp/room/cache", "not an http(s) URL"},
                {"http://user@10.0.0.5:8417", "names a user"},
                {"10.0.0.5:8417", "not an http(s) URL"}};
        for (String[] w : wrong) {
            UserError e = assertThrows(UserError.class, () -> RoomUrl.check(w[0]), w[0]);
            assertTrue(e.getMessage().contains(w[1]), w[0] + ": " + e.getMessage());
        }
    }

    @Test
    void eachRoomsKeyHasANameOfItsOwn() {
        String a = RoomCache.newKeyName();
        assertTrue(a.matches("nixpylab-room-[0-9a-f]{8}"), a);
        assertNotEquals(a, RoomCache.newKeyName());
    }

    /** Signed with the key Nix made, checked with its public half; another room's key, an altered byte, a renamed key: each refused. */
    @Test
    @OnNix
    void aDescriptionIsTheRoomsOnlyUnderItsKeysSignature(@TempDir Path dir) throws Exception {
        RoomKey a = RoomKey.ensurePair(dir.resolve("a"), "nixpylab-room-aaaaaaaa");
        RoomKey b = RoomKey.ensurePair(dir.resolve("b"), "nixpylab-room-bbbbbbbb");
        String text = info().text();
        String sig = RoomSignature.sign(text.getBytes(StandardCharsets.UTF_8), dir.resolve("a/secret"));
        assertTrue(sig.startsWith("nixpylab-room-aaaaaaaa:"), sig);
        assertTrue(RoomSignature.verifies(text, sig, a));
        assertFalse(RoomSignature.verifies(text, sig, b), "another room's key");
        assertFalse(RoomSignature.verifies(text.replace(HASH, HASH.replace('2', '3')), sig, a), "an altered source hash");
        assertFalse(RoomSignature.verifies(text, sig.replaceFirst("^[^:]+", "nixpylab-room-bbbbbbbb"), a), "the signature under another name");
        assertFalse(RoomSignature.verifies(text, "garbage", a));
    }

    @Test
    @OnNix
    void aLearnersRecordIsReadOnlyWhenItIsTheirsAndSigned(@TempDir Path dir) throws Exception {
        RoomKey key = RoomKey.ensurePair(dir.resolve("keys"), "nixpylab-room-cccccccc");
        String text = info().text();
        String sig = RoomSignature.sign(text.getBytes(StandardCharsets.UTF_8), dir.resolve("keys/secret"));
        Path workshop = Files.createDirectories(dir.resolve("workshop"));
        record("http://127.0.0.1:8417", key, text, sig, workshop);
        Membership m = Membership.of(workshop).orElseThrow();
        assertEquals(HASH, m.info().sourceSha256());
        assertEquals("http://127.0.0.1:8417/sources/python3.11_3.11.2.orig.tar.gz", m.sourceUrl());

        record("http://127.0.0.1:8417?trusted=1", key, text, sig, workshop);
        assertTrue(assertThrows(UserError.class, () -> Membership.of(workshop)).getMessage().contains("?trusted=1"), "the URL is checked each time it is read");

        record("http://127.0.0.1:8417", key, text.replace(HASH, HASH.replace('2', '3')), sig, workshop);
        assertTrue(assertThrows(UserError.class, () -> Membership.of(workshop)).getMessage().contains("is not signed by the room's key"), "an edited description");

        record("http://127.0.0.1:8417", key, text, sig, workshop);
        Files.setPosixFilePermissions(workshop.resolve(".nixpylab/room.properties"), PosixFilePermissions.fromString("rw-rw-rw-"));
        assertTrue(assertThrows(UserError.class, () -> Membership.of(workshop)).getMessage().contains("is not this user's alone"), "a record anyone may write");
    }

    static RoomInfo info() {
        return new RoomInfo("0a1b2c3d", "python3.11_3.11.2.orig.tar.gz", "/nix/store/x-chrism-py311", 333, "2.8.0", "2026-11-30T01:07:06Z", HASH);
    }

    static void record(String url, RoomKey key, String text, String sig, Path workshop) throws Exception {
        Properties p = new Properties();
        p.setProperty("url", url);
        p.setProperty("key", key.toString());
        p.setProperty("info", text);
        p.setProperty("signature", sig);
        Path f = workshop.resolve(".nixpylab/room.properties");
        Files.createDirectories(f.getParent());
        Files.deleteIfExists(f);
        Files.writeString(f, PropertiesText.of(p, "test"));
    }
}
