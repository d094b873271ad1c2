package terminal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import nixpylab.UserError;
import nixpylab.workspace.Workspace;
import nixpylab.nix.NixHash;
import nixpylab.source.Prefetcher;

/** Prints what Prefetcher found: the hashes (text or JSON) and, on request, what they cover. */
public final class PrefetchReport {
    private final String source;
    private final boolean unpack;

    public PrefetchReport(String source, boolean unpack) {
        this.source = source;
        this.unpack = unpack;
    }

    /** The source URL a workspace's FetchFakeHash step chose. */
    public static String workspaceSource(Path workdir) {
        try (Workspace ws = Workspace.open(workdir)) {
            return ws.state().source().map(s -> s.url()).orElseThrow(() -> new UserError("No SOURCE given, and the workspace " + ws.dir() + " has no source yet.",
                    "Give a tarball's path or URL, or run ./jbang scripts/FetchFakeHash.java first."));
        }
    }

    public int print(boolean json, boolean explain) {
        Prefetcher.Result r = source.matches("^[a-z]+://.*") ? Prefetcher.ofUrl(source, unpack, Duration.ofSeconds(30)) : Prefetcher.of(Path.of(source), unpack);
        if (json) {
            System.out.println(json(r));
            return 0;
        }
        System.out.println("flat      " + r.flat().sri() + "   " + r.flat().base32());
        System.err.println("          fetchurl / <nix/fetchurl.nix>: sha256 of the file itself (" + r.size() + " bytes)");
        if (r.unpacked() instanceof Prefetcher.Stripped s) {
            System.out.println("unpacked  " + s.hash().sri() + "   " + s.hash().base32());
            System.err.println("          fetchzip / nix-prefetch-url --unpack of this file: NAR hash of " + s.topLevel() + (s.topIsFile() ? "" : "/") + " (the single top-level entry, stripped);"
                    + " fetchFromGitHub hashes the same way, but GitHub's archive of a tag, a different file");
            if (!s.fetchzipHash().equals(s.hash())) {
                System.out.println("fetchzip  " + s.fetchzipHash().sri() + "   " + s.fetchzipHash().base32());
                System.err.println("          fetchzip runs chmod 755 on $out, which makes this lone file executable and changes its hash");
            }
            if (explain) explain(s.explanation());
        } else if (r.unpacked() instanceof Prefetcher.NotSingle n) {
            System.out.println("unpacked  (none: " + n.topLevel().size() + " top-level entries: " + String.join(", ", n.topLevel()) + ")");
            System.err.println("          fetchzip (and fetchFromGitHub) would stop with \"zip file must contain a single file or directory.\"");
            System.out.println("whole     " + n.wholeTreeHash().sri() + "   " + n.wholeTreeHash().base32());
            System.err.println("          the whole tree's NAR hash: what fetchzip with stripRoot = false and nix-prefetch-url --unpack give");
            if (explain) explain(n.explanation());
        }
        return 0;
    }

    private static void explain(Prefetcher.Explanation e) {
        System.out.println("what the unpacked hash covers (the NAR: names, contents, executable bits and symlink targets; no times, owners or other mode bits):");
        System.out.println(String.format("  %d directories, %d files (%d bytes), %d symlinks; NAR %d bytes", e.directories(), e.files(), e.contentBytes(), e.symlinks().size(), e.narBytes()));
        list("executable", e.executables());
        list("symlink", e.symlinks());
    }

    private static void list(String what, List<String> items) {
        int shown = Math.min(items.size(), 12);
        for (int i = 0; i < shown; i++) System.out.println("  " + what + ": " + items.get(i));
        if (items.size() > shown) System.out.println("  … and " + (items.size() - shown) + " more " + what + "s");
    }

    static String hashJson(NixHash h) {
        return "{\"sri\":\"" + h.sri() + "\",\"base32\":\"" + h.base32() + "\",\"base16\":\"" + h.base16() + "\"}";
    }

    static String json(Prefetcher.Result r) {
        StringBuilder sb = new StringBuilder("{\"source\":").append(Json.str(r.source())).append(",\"size\":").append(r.size()).append(",\"flat\":").append(hashJson(r.flat()));
        if (r.unpacked() instanceof Prefetcher.Stripped s) {
            sb.append(",\"unpacked\":").append(hashJson(s.hash())).append(",\"fetchzip\":").append(hashJson(s.fetchzipHash())).append(",\"topLevel\":").append(Json.str(s.topLevel()));
        } else if (r.unpacked() instanceof Prefetcher.NotSingle n) {
            sb.append(",\"unpacked\":null,\"topLevel\":[");
            for (int i = 0; i < n.topLevel().size(); i++) sb.append(i > 0 ? "," : "").append(Json.str(n.topLevel().get(i)));
            sb.append("],\"wholeTree\":").append(hashJson(n.wholeTreeHash()));
        }
        return sb.append("}").toString();
    }
}
