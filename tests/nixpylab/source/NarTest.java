package nixpylab.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import nixpylab.UserError;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testkit.Archives;

/** The NAR writer on its own, against the vector in docs/nix-facts.adoc and the format's framing rules. */
class NarTest {
    /** docs/nix-facts.adoc: a file containing "hello\n" has NAR hash sha256-HDfQGvQL4ugGkd48w99EN3ppmvuxfGjwgJZLL9Bx/BM=. */
    @Test
    void helloFileVector(@TempDir Path temp) throws Exception {
        Path a = Archives.tar(temp.resolve("hello.tar"), List.of(Archives.Member.file("hello", "hello\n", 0644)), "none", TarArchiveOutputStream.LONGFILE_POSIX);
        try (SourceTree t = SourceTree.read(a)) {
            SourceTree.Node n = t.topLevel().values().iterator().next();
            assertEquals("sha256-HDfQGvQL4ugGkd48w99EN3ppmvuxfGjwgJZLL9Bx/BM=", Nar.hash(t, n).sri());
            assertEquals("04zwf782yjwnh3q6hz5izfd6jyip8kgw6g6yj43fiqhbyhdd0dqw", Nar.hash(t, n).base32());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Nar.write(t, n, out);
            // 13 framed strings of 8+8 or 8+16 bytes and the 6 content bytes padded to 8
            assertEquals(0, out.size() % 8);
            assertEquals(13, out.toByteArray()[0]);
        }
    }

    @Test
    void directoryEntriesSortByUnsignedBytes(@TempDir Path temp) throws Exception {
        Path a = Archives.tar(temp.resolve("order.tar"), Archives.edgeCases(), "none", TarArchiveOutputStream.LONGFILE_POSIX);
        try (SourceTree t = SourceTree.read(a)) {
            SourceTree.Dir pkg = (SourceTree.Dir) t.topLevel().values().iterator().next();
            List<String> names = pkg.entries().keySet().stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
            assertEquals("B-upper", names.get(0));
            assertEquals("\uD83D\uDE00-emoji", names.get(names.size() - 1), names.toString());
            assertEquals("\uFF21-fullwidth", names.get(names.size() - 2), names.toString());
        }
    }

    @Test
    void pathsWithDotDotAreRefused(@TempDir Path temp) throws Exception {
        Path a = Archives.tar(temp.resolve("evil.tar"), List.of(Archives.Member.file("pkg/../../etc/x", "x", 0644)), "none", TarArchiveOutputStream.LONGFILE_POSIX);
        UserError e = org.junit.jupiter.api.Assertions.assertThrows(UserError.class, () -> SourceTree.read(a).close());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains(".."));
    }
}
