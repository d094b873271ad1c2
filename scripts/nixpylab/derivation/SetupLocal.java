package nixpylab.derivation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nixpylab.UserError;
import nixpylab.source.PythonVersion;

/**
 * The lines of {@code Modules/Setup.local}: each names a C extension module, its source files
 * (relative to Modules/) and the libraries to link, so that makesetup compiles it into python.
 * Source lists follow CPython's own Setup files for the version being built: 3.11 dropped
 * {@code _sqlite/cache.c} and added {@code _sqlite/blob.c}. {@code _ctypes} takes only its .c
 * files; {@code _ctypes_test.c} is a separate test module and {@code -I} wants directories, not headers.
 */
public final class SetupLocal {
    /** The video's modules, in its order; each is imported by the test step under its Python name. */
    public static final List<String> VIDEO_MODULES = List.of(
            "zlib", "readline", "_lzma", "_sqlite3", "_curses", "_bz2", "_ctypes", "_hashlib", "_ssl", "_tkinter");

    private static final Map<String, String> IMPORT_NAMES = Map.of(
            "_lzma", "lzma", "_sqlite3", "sqlite3", "_curses", "curses", "_bz2", "bz2",
            "_ctypes", "ctypes", "_hashlib", "hashlib", "_ssl", "ssl", "_tkinter", "tkinter");

    private SetupLocal() {}

    /** The module line for one module and CPython minor version (e.g. "3.10", "3.11"). */
    public static String line(String module, String pythonVersion) {
        String minor = PythonVersion.of(pythonVersion).text();
        boolean sqliteHasBlob = compare(minor, "3.11") >= 0;
        String sqlite = sqliteHasBlob
                ? "_sqlite/blob.c _sqlite/connection.c _sqlite/cursor.c _sqlite/microprotocols.c _sqlite/module.c _sqlite/prepare_protocol.c _sqlite/row.c _sqlite/statement.c _sqlite/util.c"
                : "_sqlite/cache.c _sqlite/connection.c _sqlite/cursor.c _sqlite/microprotocols.c _sqlite/module.c _sqlite/prepare_protocol.c _sqlite/row.c _sqlite/statement.c _sqlite/util.c";
        return switch (module) {
            case "zlib" -> "zlib zlibmodule.c -lz";
            case "readline" -> "readline readline.c -lreadline";
            case "_lzma" -> "_lzma _lzmamodule.c -llzma";
            case "_sqlite3" -> "_sqlite3 " + sqlite + " -lsqlite3 -IModules/_sqlite";
            case "_curses" -> "_curses _cursesmodule.c -lncursesw -ltinfo";
            case "_bz2" -> "_bz2 _bz2module.c -lbz2";
            case "_ctypes" -> "_ctypes _ctypes/_ctypes.c _ctypes/callbacks.c _ctypes/callproc.c _ctypes/stgdict.c _ctypes/cfield.c -lffi";
            case "_hashlib" -> "_hashlib _hashopenssl.c -lssl -lcrypto";
            case "_ssl" -> "_ssl _ssl.c -lssl -lcrypto";
            case "_tkinter" -> "_tkinter _tkinter.c tkappinit.c -DWITH_APPINIT -ltcl8.6 -ltk8.6";
            default -> throw new UserError("'" + module + "' is not a module this tutorial knows how to add to Setup.local.",
                    "Pick from: " + String.join(", ", VIDEO_MODULES) + ".");
        };
    }

    /** The whole file for a module list, one line each, in the order given. */
    public static String text(List<String> modules, String pythonVersion) {
        StringBuilder sb = new StringBuilder();
        for (String m : modules) sb.append(line(m, pythonVersion)).append('\n');
        return sb.toString();
    }

    /** The video's list, plus {@code --module} names, minus {@code --without} names; unknown names are refused. */
    public static List<String> select(List<String> add, List<String> without) {
        Map<String, Boolean> chosen = new LinkedHashMap<>();
        for (String m : VIDEO_MODULES) chosen.put(m, true);
        for (String m : add) {
            line(m, "3.11");
            chosen.put(m, true);
        }
        for (String m : without) {
            String name = moduleName(m);
            if (!chosen.containsKey(name)) line(name, "3.11");
            chosen.remove(name);
        }
        return new ArrayList<>(chosen.keySet());
    }

    /** Accepts a module's Setup name or its import name (lzma for _lzma). */
    public static String moduleName(String name) {
        for (Map.Entry<String, String> e : IMPORT_NAMES.entrySet()) if (e.getValue().equals(name)) return e.getKey();
        return name;
    }

    /** The name a Python program imports, e.g. lzma for _lzma. */
    public static String importName(String module) {
        return IMPORT_NAMES.getOrDefault(module, module);
    }

    static int compare(String a, String b) {
        String[] x = a.split("\\."), y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int xi = i < x.length ? Integer.parseInt(x[i]) : 0, yi = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (xi != yi) return Integer.compare(xi, yi);
        }
        return 0;
    }
}
