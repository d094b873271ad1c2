package nixpylab.source;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import nixpylab.nix.NixHash;

/**
 * Nix's archive format (src/libutil/archive.cc): the bytes whose sha256 is a path's NAR hash.
 * Strings are a little-endian 64-bit length, the bytes, and zero padding to 8; a node is
 * "(" "type" … ")", with directory entries in unsigned byte order.
 */
public final class Nar {
    private final OutputStream out;
    private final SourceTree tree;
    private final byte[] eight = new byte[8];

    private Nar(OutputStream out, SourceTree tree) {
        this.out = out;
        this.tree = tree;
    }

    /** Writes the NAR of one node (the whole tree, or a top-level entry) to a stream. */
    public static void write(SourceTree tree, SourceTree.Node node, OutputStream out) {
        try {
            Nar n = new Nar(out, tree);
            n.str("nix-archive-1");
            n.node(node);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The NAR hash of a node, as Nix computes it for recursive fixed-output derivations. */
    public static NixHash hash(SourceTree tree, SourceTree.Node node) {
        // the same bytes as write(), into a digest
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (DigestOutputStream d = new DigestOutputStream(OutputStream.nullOutputStream(), md)) {
                write(tree, node, new BufferedOutputStream(d, 1 << 16));
            }
            return new NixHash(md.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void node(SourceTree.Node node) throws IOException {
        str("(");
        str("type");
        if (node instanceof SourceTree.File f) {
            str("regular");
            if (f.executable()) {
                str("executable");
                str("");
            }
            str("contents");
            num(f.size());
            tree.copyContents(f, out);
            pad(f.size());
        } else if (node instanceof SourceTree.Link l) {
            str("symlink");
            str("target");
            str(l.target());
        } else {
            str("directory");
            for (Map.Entry<byte[], SourceTree.Node> e : ((SourceTree.Dir) node).entries().entrySet()) {
                str("entry");
                str("(");
                str("name");
                bytes(e.getKey());
                str("node");
                node(e.getValue());
                str(")");
            }
        }
        str(")");
    }

    private void num(long n) throws IOException {
        for (int i = 0; i < 8; i++) eight[i] = (byte) (n >>> (8 * i));
        out.write(eight);
    }

    private void pad(long len) throws IOException {
        int p = (int) ((8 - len % 8) % 8);
        if (p > 0) out.write(new byte[p]);
    }

    private void bytes(byte[] b) throws IOException {
        num(b.length);
        out.write(b);
        pad(b.length);
    }

    private void str(String s) throws IOException {
        bytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
