package nixpylab.derivation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nixpylab.UserError;
import org.junit.jupiter.api.Test;

class SetupLocalTest {
    @Test
    void sqliteSourcesFollowTheVersion() {
        // 3.10's setup.py lists _sqlite/cache.c; 3.11's Modules/Setup.stdlib.in has _sqlite/blob.c instead.
        String v310 = SetupLocal.line("_sqlite3", "3.10.5");
        String v311 = SetupLocal.line("_sqlite3", "3.11.2");
        assertTrue(v310.contains("_sqlite/cache.c") && !v310.contains("blob.c"), v310);
        assertTrue(v311.contains("_sqlite/blob.c") && !v311.contains("cache.c"), v311);
    }

    @Test
    void ctypesHasOnlyItsCFilesAndNoHeaderIncludes() {
        for (String v : List.of("3.10.5", "3.11.2")) {
            String l = SetupLocal.line("_ctypes", v);
            assertFalse(l.contains("-I"), l);
            assertFalse(l.contains("_ctypes_test.c"), l);
            assertTrue(l.endsWith("-lffi"), l);
        }
    }

    @Test
    void theVideosTenModulesInItsOrder() {
        String text = SetupLocal.text(SetupLocal.VIDEO_MODULES, "3.11.2");
        String[] lines = text.split("\n");
        assertEquals(10, lines.length);
        assertTrue(lines[0].startsWith("zlib zlibmodule.c"));
        assertTrue(lines[9].startsWith("_tkinter _tkinter.c tkappinit.c -DWITH_APPINIT"));
    }

    @Test
    void withoutAcceptsImportNamesAndModuleAddsBack() {
        List<String> m = SetupLocal.select(List.of(), List.of("lzma", "_tkinter"));
        assertFalse(m.contains("_lzma"));
        assertFalse(m.contains("_tkinter"));
        assertEquals(8, m.size());
        assertTrue(SetupLocal.select(List.of("_lzma"), List.of()).contains("_lzma"));
    }

    @Test
    void unknownModuleIsAUserError() {
        UserError e = assertThrows(UserError.class, () -> SetupLocal.select(List.of("_nosuch"), List.of()));
        assertTrue(e.getMessage().contains("_nosuch"));
        assertTrue(e.next().contains("zlib"));
        assertThrows(UserError.class, () -> SetupLocal.select(List.of(), List.of("nosuch")));
    }

    @Test
    void importNames() {
        assertEquals("sqlite3", SetupLocal.importName("_sqlite3"));
        assertEquals("zlib", SetupLocal.importName("zlib"));
        assertEquals("_bz2", SetupLocal.moduleName("bz2"));
    }
}
