package nixpylab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each class on files made for real the way a build makes them (python3's byte-code, gcc's
 * __DATE__ and __TIME__, ar's member headers), and the wrong guesses: a difference none of the
 * classes explains is said to be unexplained, never put in a class.
 */
class DifferenceClassifierTest {
    static final Duration T = Duration.ofMinutes(1);

    static byte[] run(Path dir, Path file, String... cmd) throws Exception {
        Proc.Result r = Proc.of(cmd).in(dir).timeout(T).run();
        assertEquals(0, r.exitCode(), r.command() + ": " + r.stderr());
        return Files.readAllBytes(file);
    }

    static byte[] compilePyc(Path dir, String mode, String name) throws Exception {
        Path out = dir.resolve(name + ".pyc");
        return run(dir, out, "python3", "-c", "import py_compile as p; p.compile('m.py', cfile='" + out + "', doraise=True, invalidation_mode=p.PycInvalidationMode." + mode + ")");
    }

    @Test
    void byteCodeOfOneSourceWithAnotherModificationTimeDiffersInTheTimestampOnly(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("m.py"), "X = {'a', 'b'}\ndef f():\n    return X\n");
        Proc.of("touch", "-d", "2026-12-07 00:16:02", "m.py").in(dir).timeout(T).run();
        byte[] first = compilePyc(dir, "TIMESTAMP", "first");
        Proc.of("touch", "-d", "2026-12-07 00:30:48", "m.py").in(dir).timeout(T).run();
        byte[] second = compilePyc(dir, "TIMESTAMP", "second");
        assertEquals(Set.of(DifferenceClass.PYC_TIMESTAMP), DifferenceClassifier.classify("lib/m.cpython-311.pyc", first, second));
        byte[] hashed = compilePyc(dir, "UNCHECKED_HASH", "hashed");
        assertEquals(Set.of(DifferenceClass.PYC_INVALIDATION), DifferenceClassifier.classify("lib/m.cpython-311.pyc", first, hashed));
        Proc.of("touch", "-d", "2026-12-07 00:16:02", "m.py").in(dir).timeout(T).run();
        assertTrue(Arrays.equals(hashed, compilePyc(dir, "UNCHECKED_HASH", "again")), "hash-based byte-code does not record the source's time at all");
    }

    /**
     * Checked-hash byte-code of a source whose text was rewritten after one build compiled it (as
     * --check without the sandbox rewrites the output's path): the same code, another hash of the
     * source in the header. Neither a timestamp nor the invalidation mode.
     */
    @Test
    void byteCodeHashingAnotherTextOfItsSourceIsAByteCodeHash(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("m.py"), "PREFIX = '/nix/store/zlfnyj77qbqlv3g5v0f8w0a2l7ri4zdb-chrism-py311'\n");
        byte[] first = compilePyc(dir, "CHECKED_HASH", "first");
        Files.writeString(dir.resolve("m.py"), "PREFIX = '/nix/store/igpgl4zs9fv7xdwj68fiijm7z2x6xkkg-chrism-py311'\n");
        byte[] second = compilePyc(dir, "CHECKED_HASH", "second");
        // the rewrite reaches the constant in the code too: only the header is the hash's
        byte[] rewritten = second.clone();
        System.arraycopy(first, 16, rewritten, 16, first.length - 16);
        assertEquals(Set.of(DifferenceClass.PYC_HASH), DifferenceClassifier.classify("lib/m.cpython-311.pyc", rewritten, first));
        assertEquals(Set.of(DifferenceClass.PYC_HASH, DifferenceClass.PYC_CODE), DifferenceClassifier.classify("lib/m.cpython-311.pyc", first, second),
                "a source that really differs differs in the code as well");
        byte[] stamped = compilePyc(dir, "TIMESTAMP", "stamped");
        assertEquals(Set.of(DifferenceClass.PYC_INVALIDATION), DifferenceClassifier.classify("lib/m.cpython-311.pyc", stamped, second), "not a hash against a timestamp");
    }

    @Test
    void theBuildTimeCompiledInIsFoundAndSourceDateEpochFixesIt(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("info.c"), "const char *built = __DATE__ \" \" __TIME__;\n");
        byte[] first = run(dir, dir.resolve("a.o"), "env", "SOURCE_DATE_EPOCH=1796602562", "gcc", "-c", "info.c", "-o", "a.o");
        byte[] second = run(dir, dir.resolve("b.o"), "env", "SOURCE_DATE_EPOCH=1796603448", "gcc", "-c", "info.c", "-o", "b.o");
        assertEquals(Set.of(DifferenceClass.BUILD_TIME), DifferenceClassifier.classify("getbuildinfo.o", first, second));
        byte[] same = run(dir, dir.resolve("c.o"), "env", "SOURCE_DATE_EPOCH=1796602562", "gcc", "-c", "info.c", "-o", "c.o");
        assertTrue(Arrays.equals(first, same), "GCC takes __DATE__ and __TIME__ from SOURCE_DATE_EPOCH");
    }

    @Test
    void archiveMembersWithTheirDatesAreFoundAndDeterministicModeDropsThem(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("x.o"), "not really an object, but ar does not mind\n");
        Proc.of("touch", "-d", "2026-12-07 00:16:02", "x.o").in(dir).timeout(T).run();
        byte[] first = run(dir, dir.resolve("a.a"), "ar", "rcU", "a.a", "x.o");
        Proc.of("touch", "-d", "2026-12-07 00:30:48", "x.o").in(dir).timeout(T).run();
        byte[] second = run(dir, dir.resolve("b.a"), "ar", "rcU", "b.a", "x.o");
        assertEquals(Set.of(DifferenceClass.ARCHIVE_HEADERS), DifferenceClassifier.classify("lib/libpython3.11.a", first, second));
        byte[] d1 = run(dir, dir.resolve("d1.a"), "ar", "rcD", "d1.a", "x.o");
        Proc.of("touch", "-d", "2026-12-07 00:16:02", "x.o").in(dir).timeout(T).run();
        byte[] d2 = run(dir, dir.resolve("d2.a"), "ar", "rcD", "d2.a", "x.o");
        assertTrue(Arrays.equals(d1, d2), "ar's deterministic mode writes zeros for dates and owners");
    }

    @Test
    void marshalReferenceFlagsAndOtherByteCodeAreToldApart() {
        byte[] head = new byte[16];
        head[0] = (byte) 0xa7;
        head[1] = 0x0d;
        head[2] = 0x0d;
        head[3] = 0x0a;
        byte[] a = concat(head, new byte[] {(byte) 0xe3, 0x00, 0x5a, 0x01, 0x61});
        byte[] refs = concat(head, new byte[] {(byte) 0x63, 0x00, (byte) 0xda, 0x01, 0x61});
        byte[] code = concat(head, new byte[] {(byte) 0xe3, 0x00, 0x5a, 0x01, 0x62});
        assertEquals(Set.of(DifferenceClass.PYC_REFERENCES), DifferenceClassifier.classify("m.pyc", a, refs));
        assertEquals(Set.of(DifferenceClass.PYC_CODE), DifferenceClassifier.classify("m.pyc", a, code), "another constant is not a reference flag");
        // as in encodings/__init__'s byte-code on Nix 2.34.8: a short string written 'z'|FLAG_REF by one build, 'Z'|FLAG_REF (interned) by the other
        byte[] plain = concat(head, new byte[] {(byte) 0xe3, 0x00, (byte) 0xfa, 0x03, 'a', 'b', 'c'});
        byte[] interned = concat(head, new byte[] {(byte) 0xe3, 0x00, (byte) 0xda, 0x03, 'a', 'b', 'c'});
        assertEquals(Set.of(DifferenceClass.PYC_REFERENCES), DifferenceClassifier.classify("m.pyc", plain, interned));
        // a short string against a long one is another object, not another way of holding it
        byte[] longer = concat(head, new byte[] {(byte) 0xe3, 0x00, (byte) 0xe1, 0x03, 'a', 'b', 'c'});
        assertEquals(Set.of(DifferenceClass.PYC_CODE), DifferenceClassifier.classify("m.pyc", plain, longer));
        // an int (marshal's 'i') and a string type are not one object held two ways
        byte[] number = concat(head, new byte[] {(byte) 0xe3, 0x00, (byte) 0xe9, 0x03, 'a', 'b', 'c'});
        assertEquals(Set.of(DifferenceClass.PYC_CODE), DifferenceClassifier.classify("m.pyc", plain, number));
    }

    @Test
    void whatNoClassExplainsIsUnexplained() {
        byte[] a = "ELF....some code 0x1234 here".getBytes(StandardCharsets.ISO_8859_1);
        byte[] b = "ELF....some code 0x9999 here".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(Set.of(DifferenceClass.UNEXPLAINED), DifferenceClassifier.classify("bin/python3.11", a, b));
        assertEquals(Set.of(DifferenceClass.UNEXPLAINED), DifferenceClassifier.classify("include/python3.11/pyconfig.h",
                "#define HAVE_A 1\n#define SIZEOF_X 8\n".getBytes(StandardCharsets.UTF_8), "#define HAVE_A 1\n#define SIZEOF_X 4\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Set.of(), DifferenceClassifier.classify("same", a, a.clone()));
        // a number that looks like a time is not one unless both builds have a time there
        assertEquals(Set.of(DifferenceClass.UNEXPLAINED), DifferenceClassifier.classify("x", "at 12:00:00 ok".getBytes(StandardCharsets.US_ASCII), "at 12:0x:00 ok".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aBuildFolderWrittenIntoAFileIsABuildPath() {
        byte[] a = "prefix='/tmp/nix-build-chrism-py311.drv-0/Python-3.11.2'\n".getBytes(StandardCharsets.UTF_8);
        byte[] b = "prefix='/tmp/nix-build-chrism-py311.drv-1/Python-3.11.2'\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(Set.of(DifferenceClass.BUILD_PATH), DifferenceClassifier.classify("lib/python3.11/_sysconfigdata.py", a, b));
    }

    @Test
    void aLinkersBuildIdAndWhatConfigureFoundOnTheHostHaveClassesOfTheirOwn(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("main.c"), "const char *built = __DATE__ \" \" __TIME__;\nint main(void) { return built[0] == 0; }\n");
        byte[] first = run(dir, dir.resolve("a"), "env", "SOURCE_DATE_EPOCH=1796602562", "gcc", "-Wl,--build-id", "main.c", "-o", "a");
        byte[] second = run(dir, dir.resolve("b"), "env", "SOURCE_DATE_EPOCH=1796603448", "gcc", "-Wl,--build-id", "main.c", "-o", "b");
        assertEquals(Set.of(DifferenceClass.BUILD_TIME, DifferenceClass.BUILD_ID), DifferenceClassifier.classify("bin/python3.11", first, second));
        // the first build ran before libgdbm-dev was installed, the second after (Nix does not track /usr)
        assertEquals(Set.of(DifferenceClass.HOST_FOUND), DifferenceClassifier.classify("include/python3.11/pyconfig.h",
                "/* #undef HAVE_GDBM_H */\n".getBytes(StandardCharsets.UTF_8), "#define HAVE_GDBM_H 1\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Set.of(DifferenceClass.HOST_FOUND), DifferenceClassifier.classify("lib/python3.11/config-3.11-x86_64-linux-gnu/Setup.stdlib",
                "#_gdbm _gdbmmodule.c\n".getBytes(StandardCharsets.UTF_8), "_gdbm _gdbmmodule.c\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theSameEntriesInAnotherOrderAreAnEntryOrderAndNothingElseIs(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("Modules"));
        for (String f : new String[] {"Setup.local", "README", "_sqlite", "_ctypes", "zlibmodule.c"}) Files.writeString(dir.resolve("Modules").resolve(f), f);
        byte[] listed = run(dir, dir.resolve("listed"), "sh", "-c", "ls -f -1 Modules > listed");
        byte[] reversed = run(dir, dir.resolve("reversed"), "sh", "-c", "ls -f -1 Modules | tac > reversed");
        assertEquals(Set.of(DifferenceClass.ENTRY_ORDER), DifferenceClassifier.classify("share/listing", listed, reversed));
        // the wrong guesses: a line more, or a line written twice, is not an order
        assertEquals(Set.of(DifferenceClass.UNEXPLAINED), DifferenceClassifier.classify("share/listing", "a\nb\n".getBytes(StandardCharsets.UTF_8), "b\na\nc\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Set.of(DifferenceClass.UNEXPLAINED), DifferenceClassifier.classify("share/listing", "a\na\nb\n".getBytes(StandardCharsets.UTF_8), "a\nb\nb\n".getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] concat(byte[] x, byte[] y) {
        byte[] out = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return out;
    }
}
