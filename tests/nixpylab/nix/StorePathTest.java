package nixpylab.nix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nixpylab.UserError;
import org.junit.jupiter.api.Test;

class StorePathTest {
    @Test
    void splitsHashAndName() {
        StorePath p = StorePath.parse("/nix/store/h9nvlvfk5yk01rqs8v4ya6a6c19259zh-chrism-py311\n");
        assertEquals("h9nvlvfk5yk01rqs8v4ya6a6c19259zh", p.hashPart());
        assertEquals("chrism-py311", p.name());
        assertTrue(StorePath.parse("/nix/store/5xdkcqxmgsgb6148f4nkj20nwi3xg64f-chrism-py311.drv").isDerivation());
    }

    @Test
    void refusesWhatIsNotAStorePath() {
        assertThrows(UserError.class, () -> StorePath.parse("/usr/bin/python3"));
        // 'e' is not in Nix's base32 alphabet
        assertThrows(UserError.class, () -> StorePath.parse("/nix/store/eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee-x"));
    }

    @Test
    void findsAPathInsideText() {
        assertEquals("chrism-py311", StorePath.find("result -> /nix/store/h9nvlvfk5yk01rqs8v4ya6a6c19259zh-chrism-py311/bin").orElseThrow().name());
    }
}
