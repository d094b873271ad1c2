package nixpylab.source;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nixpylab.UserError;
import nixpylab.nix.NixHash;

/**
 * Answers "which hash will Nix want?" for a source tarball, before Nix is asked: the flat hash
 * (fetchurl, {@code <nix/fetchurl.nix>}) and the unpacked hash (fetchzip, fetchFromGitHub: the NAR
 * hash of the tree after unpacking and stripping the single top-level directory).
 */
public final class Prefetcher {
    /** What the unpacked hash covers, for a human. */
    public record Explanation(int directories, int files, List<String> executables, List<String> symlinks, long contentBytes, long narBytes) {}

    public sealed interface Unpacked permits Stripped, NotSingle {}

    /** One top-level entry: its NAR hash is what fetchzip and nix-prefetch-url --unpack give. */
    public record Stripped(String topLevel, boolean topIsFile, NixHash hash, NixHash fetchzipHash, Explanation explanation) implements Unpacked {}

    /** Several (or no) top-level entries: fetchzip refuses unless stripRoot = false, whose hash is given. */
    public record NotSingle(List<String> topLevel, NixHash wholeTreeHash, Explanation explanation) implements Unpacked {}

    public record Result(String source, long size, NixHash flat, Unpacked unpacked) {}

    private Prefetcher() {}

    public static NixHash flat(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return new NixHash(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Result of(Path file, boolean unpack) {
        if (!Files.isRegularFile(file)) {
            throw new UserError("The source file " + file + " does not exist (or is not a file).", "Check the path, or give a URL.");
        }
        NixHash flat = flat(file);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!unpack) return new Result(file.toString(), size, flat, null);
        try (SourceTree tree = SourceTree.read(file)) {
            Map<byte[], SourceTree.Node> top = tree.topLevel();
            if (top.size() == 1) {
                var e = top.entrySet().iterator().next();
                SourceTree.Node node = e.getValue();
                Counted c = hashCounted(tree, node);
                NixHash fetchzip = c.hash;
                boolean isFile = node instanceof SourceTree.File;
                if (node instanceof SourceTree.File f && !f.executable()) {
                    // fetchzip runs chmod 755 on $out, which makes a lone file executable
                    fetchzip = hashCounted(tree, new SourceTree.File(true, f.offset(), f.size())).hash;
                }
                return new Result(file.toString(), size, flat, new Stripped(new String(e.getKey(), StandardCharsets.UTF_8), isFile, c.hash, fetchzip, explain(node, c.narBytes)));
            }
            List<String> names = new ArrayList<>();
            for (byte[] n : top.keySet()) names.add(new String(n, StandardCharsets.UTF_8));
            Counted whole = hashCounted(tree, tree.root());
            return new Result(file.toString(), size, flat, new NotSingle(names, whole.hash, explain(tree.root(), whole.narBytes)));
        }
    }

    /** Downloads a URL to a temporary file (file:// is read in place) and prefetches it. */
    public static Result ofUrl(String url, boolean unpack, Duration timeout) {
        URI uri = URI.create(url);
        if ("file".equals(uri.getScheme())) return of(Path.of(uri), unpack);
        Path tmp = null;
        try {
            tmp = Files.createTempFile("nixpylab-prefetch", ".download");
            HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(uri).timeout(timeout).build(), HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() >= 400) throw new UserError("The URL " + url + " answered HTTP " + r.statusCode() + ".", "Check the URL.");
            try (InputStream in = r.body()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            Result res = of(tmp, unpack);
            return new Result(url, res.size(), res.flat(), res.unpacked());
        } catch (IOException e) {
            throw new UserError("The URL " + url + " could not be downloaded: " + (e.getMessage() == null ? "the connection failed" : e.getMessage()) + ".",
                    "Check the URL and the network, or download the file and give its path.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("Interrupted while downloading " + url + ".", "Run it again.");
        } finally {
            if (tmp != null) tmp.toFile().delete();
        }
    }

    private record Counted(NixHash hash, long narBytes) {}

    private static Counted hashCounted(SourceTree tree, SourceTree.Node node) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            long[] count = {0};
            OutputStream sink = new OutputStream() {
                @Override
                public void write(int b) {
                    md.update((byte) b);
                    count[0]++;
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    md.update(b, off, len);
                    count[0] += len;
                }
            };
            Nar.write(tree, node, new BufferedOutputStream(sink, 1 << 16));
            return new Counted(new NixHash(md.digest()), count[0]);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Explanation explain(SourceTree.Node node, long narBytes) {
        int[] dirs = {0}, files = {0};
        long[] bytes = {0};
        List<String> exec = new ArrayList<>(), links = new ArrayList<>();
        walk(node, "", dirs, files, bytes, exec, links);
        return new Explanation(dirs[0], files[0], exec, links, bytes[0], narBytes);
    }

    private static void walk(SourceTree.Node n, String path, int[] dirs, int[] files, long[] bytes, List<String> exec, List<String> links) {
        if (n instanceof SourceTree.Dir d) {
            dirs[0]++;
            for (var e : d.entries().entrySet()) {
                String name = new String(e.getKey(), StandardCharsets.UTF_8);
                walk(e.getValue(), path.isEmpty() ? name : path + "/" + name, dirs, files, bytes, exec, links);
            }
        } else if (n instanceof SourceTree.File f) {
            files[0]++;
            bytes[0] += f.size();
            if (f.executable()) exec.add(path.isEmpty() ? "." : path);
        } else if (n instanceof SourceTree.Link l) {
            links.add(path + " -> " + l.target());
        }
    }
}
