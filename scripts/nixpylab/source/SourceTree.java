package nixpylab.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nixpylab.UserError;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * The tree an archive unpacks to, as Nix would see it after unpacking: directories, regular
 * files (executable or not) and symlinks. File contents are not kept in memory: they are
 * spooled, in archive order, to one temporary file, and the tree keeps offsets into it, so
 * that the NAR can be written in Nix's sorted order with memory that stays flat.
 */
public final class SourceTree implements AutoCloseable {
    public sealed interface Node permits Dir, File, Link {}

    public record Dir(TreeMap<byte[], Node> entries) implements Node {}

    public record File(boolean executable, long offset, long size) implements Node {}

    public record Link(String target) implements Node {}

    /** Nix sorts directory entries by name as unsigned bytes. */
    static final Comparator<byte[]> BY_BYTES = Arrays::compareUnsigned;

    private final Dir root = new Dir(new TreeMap<>(BY_BYTES));
    private final Path spool;
    private final FileChannel spoolChannel;
    private long spoolSize;

    private SourceTree(Path spool) throws IOException {
        this.spool = spool;
        this.spoolChannel = FileChannel.open(spool, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
    }

    /** Reads a tarball (plain, gzip, xz, bzip2, zstd) or a zip file. */
    public static SourceTree read(Path archive) {
        try {
            SourceTree t = new SourceTree(Files.createTempFile("nixpylab-nar", ".spool"));
            if (isZip(archive)) {
                t.readZip(archive);
                return t;
            }
            try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive), 1 << 16)) {
                t.readAll(open(raw, archive));
            } catch (IOException | RuntimeException e) {
                t.close();
                throw e;
            }
            return t;
        } catch (IOException e) {
            throw new UserError("Could not read " + archive + " as an archive: " + e.getMessage(),
                    "Check that it is a complete .tar.gz, .tar.xz, .tar.bz2, .tar.zst, .tar or .zip file.");
        }
    }

    private static ArchiveInputStream<? extends ArchiveEntry> open(InputStream in, Path name) throws IOException {
        in.mark(8);
        byte[] magic = in.readNBytes(6);
        in.reset();
        InputStream body;
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) body = GzipCompressorInputStream.builder().setInputStream(in).setDecompressConcatenated(true).get();
        else if (magic.length >= 6 && (magic[0] & 0xff) == 0xfd && magic[1] == '7' && magic[2] == 'z' && magic[3] == 'X' && magic[4] == 'Z') body = XZCompressorInputStream.builder().setInputStream(in).setDecompressConcatenated(true).get();
        else if (magic.length >= 3 && magic[0] == 'B' && magic[1] == 'Z' && magic[2] == 'h') body = new BZip2CompressorInputStream(in, true);
        else if (magic.length >= 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5 && (magic[2] & 0xff) == 0x2f && (magic[3] & 0xff) == 0xfd) body = new ZstdCompressorInputStream(in);
        else body = in;
        return new TarArchiveInputStream(new BufferedInputStream(body, 1 << 16), "UTF-8");
    }

    private void readAll(ArchiveInputStream<? extends ArchiveEntry> in) throws IOException {
        ArchiveEntry e;
        byte[] buf = new byte[1 << 16];
        while ((e = in.getNextEntry()) != null) {
            List<byte[]> path = split(e.getName());
            if (e instanceof TarArchiveEntry t) {
                if (t.isGlobalPaxHeader() || t.isPaxHeader()) continue;
                if (path.isEmpty()) continue; // "./" itself
                if (t.isDirectory()) mkdirs(path);
                else if (t.isSymbolicLink()) put(path, new Link(t.getLinkName()));
                else if (t.isLink()) put(path, lookup(split(t.getLinkName()), e.getName()));
                else if (t.isFile()) put(path, spool(in, buf, (t.getMode() & 0100) != 0));
                // devices and fifos cannot be in a NAR; Nix refuses them too, and tarballs of sources never have them
            }
        }
    }

    private static boolean isZip(Path archive) throws IOException {
        try (InputStream in = Files.newInputStream(archive)) {
            byte[] m = in.readNBytes(4);
            return m.length == 4 && m[0] == 'P' && m[1] == 'K' && m[2] == 3 && m[3] == 4;
        }
    }

    /** Zip keeps Unix modes (executable bits, symlinks) only in its central directory: read it with ZipFile. */
    private void readZip(Path archive) throws IOException {
        byte[] buf = new byte[1 << 16];
        try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
            for (ZipArchiveEntry z : Collections.list(zip.getEntriesInPhysicalOrder())) {
                List<byte[]> path = split(z.getName());
                if (path.isEmpty()) continue;
                try (InputStream in = zip.getInputStream(z)) {
                    if (z.isDirectory()) mkdirs(path);
                    else if (z.isUnixSymlink()) put(path, new Link(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                    else put(path, spool(in, buf, (z.getUnixMode() & 0100) != 0));
                }
            }
        }
    }

    private File spool(InputStream in, byte[] buf, boolean executable) throws IOException {
        long start = spoolSize;
        int n;
        while ((n = in.read(buf)) > 0) {
            ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
            while (bb.hasRemaining()) spoolSize += spoolChannel.write(bb, spoolSize);
        }
        return new File(executable, start, spoolSize - start);
    }

    /** Splits an archive path into components, dropping "." and refusing ".." and absolute paths. */
    static List<byte[]> split(String name) {
        List<byte[]> out = new ArrayList<>();
        if (name.startsWith("/")) throw new UserError("The archive holds an absolute path: " + name, "Nix would not unpack it either; use another archive.");
        for (String c : name.split("/")) {
            if (c.isEmpty() || c.equals(".")) continue;
            if (c.equals("..")) throw new UserError("The archive holds a path with '..': " + name, "Nix would not unpack it either; use another archive.");
            out.add(c.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private Dir mkdirs(List<byte[]> path) {
        Dir d = root;
        for (byte[] c : path) {
            Node n = d.entries().get(c);
            if (!(n instanceof Dir)) {
                n = new Dir(new TreeMap<>(BY_BYTES));
                d.entries().put(c, n);
            }
            d = (Dir) n;
        }
        return d;
    }

    private void put(List<byte[]> path, Node node) {
        Dir parent = mkdirs(path.subList(0, path.size() - 1));
        parent.entries().put(path.get(path.size() - 1), node);
    }

    private Node lookup(List<byte[]> path, String forName) {
        Node n = root;
        for (byte[] c : path) {
            n = n instanceof Dir d ? d.entries().get(c) : null;
            if (n == null) break;
        }
        if (n == null) throw new UserError("The archive's hard link " + forName + " points to a file that comes later or is missing.", "Use another archive.");
        return n;
    }

    public Dir root() {
        return root;
    }

    /** The top-level entries after unpacking; fetchzip and nix-prefetch-url --unpack want exactly one. */
    public Map<byte[], Node> topLevel() {
        return root.entries();
    }

    /** Copies a regular file's bytes, from the spool, to a stream. */
    public void copyContents(File f, OutputStream out) throws IOException {
        long pos = f.offset();
        long end = f.offset() + f.size();
        ByteBuffer bb = ByteBuffer.allocate(1 << 16);
        while (pos < end) {
            bb.clear();
            bb.limit((int) Math.min(bb.capacity(), end - pos));
            int n = spoolChannel.read(bb, pos);
            if (n < 0) throw new IOException("spool ended early");
            out.write(bb.array(), 0, n);
            pos += n;
        }
    }

    @Override
    public void close() {
        try {
            spoolChannel.close();
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
