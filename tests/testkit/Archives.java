package testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;

/** Builds test archives with the awkward things real tarballs contain. */
public final class Archives {
    /** One archive member: a directory (content null, no link), file, symlink or hard link. */
    public record Member(String name, String content, int mode, String symlink, String hardlink) {
        public static Member dir(String n) { return new Member(n, null, 0755, null, null); }
        public static Member file(String n, String c, int mode) { return new Member(n, c, mode, null, null); }
        public static Member symlink(String n, String target) { return new Member(n, null, 0777, target, null); }
        public static Member hardlink(String n, String target) { return new Member(n, null, 0644, null, target); }
    }

    public static final String LONG = "pkg/" + "a-rather-long-directory-name-that-goes-on/".repeat(3) + "and-a-file-name-past-one-hundred-bytes.txt";

    /** Every edge case under one top-level directory, deliberately out of order. */
    public static List<Member> edgeCases() {
        return List.of(
                Member.file("pkg/z-last.txt", "zzz\n", 0644),
                Member.dir("pkg/"),
                Member.file("pkg/a-first.txt", "hello\n", 0644),
                Member.file("pkg/run.sh", "#!/bin/sh\necho hi\n", 0755),
                Member.file("pkg/group-x-only", "not executable for Nix\n", 0614),
                Member.symlink("pkg/link-to-a", "a-first.txt"),
                Member.symlink("pkg/dangling", "no/such/file"),
                Member.dir("pkg/empty/"),
                Member.hardlink("pkg/hard-a", "pkg/a-first.txt"),
                Member.file(LONG, "long\n", 0644),
                Member.file("pkg/naïve-日本.txt", "unicode\n", 0644),
                Member.file("pkg/\uD83D\uDE00-emoji", "4-byte UTF-8 sorts after U+FF21\n", 0644),
                Member.file("pkg/\uFF21-fullwidth", "3-byte UTF-8\n", 0644),
                Member.file("pkg/B-upper", "upper case sorts before lower\n", 0644),
                Member.file("pkg/implicit/dirs/deep.txt", "no directory entries above me\n", 0644),
                Member.file("pkg/empty-file", "", 0644));
    }

    public static Path tar(Path out, List<Member> members, String compression, int longFileMode) throws IOException {
        try (OutputStream raw = Files.newOutputStream(out);
             OutputStream c = compress(raw, compression);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(c, "UTF-8")) {
            tar.setLongFileMode(longFileMode);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Member m : members) {
                TarArchiveEntry e;
                if (m.symlink() != null) {
                    e = new TarArchiveEntry(m.name(), TarConstants.LF_SYMLINK);
                    e.setLinkName(m.symlink());
                } else if (m.hardlink() != null) {
                    e = new TarArchiveEntry(m.name(), TarConstants.LF_LINK);
                    e.setLinkName(m.hardlink());
                } else {
                    e = new TarArchiveEntry(m.name());
                }
                e.setMode((m.content() == null && m.symlink() == null && m.hardlink() == null ? 040000 : m.symlink() != null ? 0120000 : 0100000) | m.mode());
                byte[] data = m.content() == null ? new byte[0] : m.content().getBytes(StandardCharsets.UTF_8);
                if (m.content() != null) e.setSize(data.length);
                e.setModTime(0);
                tar.putArchiveEntry(e);
                if (m.content() != null) tar.write(data);
                tar.closeArchiveEntry();
            }
        }
        return out;
    }

    public static Path zip(Path out, List<Member> members) throws IOException {
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(Files.newOutputStream(out))) {
            for (Member m : members) {
                if (m.hardlink() != null) continue; // zip has no hard links
                ZipArchiveEntry e = new ZipArchiveEntry(m.name());
                byte[] data;
                if (m.symlink() != null) {
                    e.setUnixMode(0120777);
                    data = m.symlink().getBytes(StandardCharsets.UTF_8);
                } else if (m.content() == null) {
                    e.setUnixMode(040755);
                    data = new byte[0];
                } else {
                    e.setUnixMode(0100000 | m.mode());
                    data = m.content().getBytes(StandardCharsets.UTF_8);
                }
                zip.putArchiveEntry(e);
                zip.write(data);
                zip.closeArchiveEntry();
            }
        }
        return out;
    }

    private static OutputStream compress(OutputStream raw, String compression) throws IOException {
        return switch (compression) {
            case "gz" -> new GzipCompressorOutputStream(raw);
            case "xz" -> new XZCompressorOutputStream(raw);
            case "bz2" -> new BZip2CompressorOutputStream(raw);
            case "zst" -> new ZstdCompressorOutputStream(raw);
            default -> raw;
        };
    }

    private Archives() {}
}
