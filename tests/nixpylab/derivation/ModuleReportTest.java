package nixpylab.derivation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CPython 3.11.2's report at the end of a build, as the bare profile's build log holds it (a real log, Nix 2.8.0, this machine). */
class ModuleReportTest {
    static final String REAL = """
            running build_ext

            The necessary bits to build these optional modules were not found:
            _dbm                                                           
            To find the necessary bits, look in setup.py in detect_modules() for the module's name.


            The following modules found by detect_modules() in setup.py, have been
            built by the Makefile instead, as configured by the Setup files:
            _bz2                  _ctypes               _curses            
            _hashlib              _lzma                 _sqlite3           
            _ssl                  _tkinter              readline           
            zlib                                                           

            running build_scripts
            """;

    @Test
    void theReportNamesWhatWasNotBuiltAndWhatSetupLocalBuilt() {
        assertEquals(Optional.of(new ModuleReport(List.of("_dbm"), List.of("_bz2", "_ctypes", "_curses", "_hashlib", "_lzma", "_sqlite3", "_ssl", "_tkinter", "readline", "zlib"))),
                ModuleReport.lastIn(REAL));
    }

    @Test
    void theLastReportCountsAndAnEarlierMissingModuleDoesNotLeakIntoIt() {
        String later = """
                The following modules found by detect_modules() in setup.py, have been
                built by the Makefile instead, as configured by the Setup files:
                zlib

                """;
        assertEquals(Optional.of(new ModuleReport(List.of(), List.of("zlib"))), ModuleReport.lastIn(REAL + later));
    }

    @Test
    void aLogWithoutAReportHasNone() {
        assertEquals(Optional.empty(), ModuleReport.lastIn("Running phase: buildPhase\nmake: *** [Makefile:1] Error 1\n"));
    }
}
