///usr/bin/env jbang "$0" "$@" ; exit $?
//SOURCES ../../scripts/nixpylab/Toolkit.java
//SOURCES ../../scripts/site/Prose.java
//SOURCES ../../scripts/site/Evidence.java
//SOURCES ../../scripts/site/ClaimsLedger.java
//SOURCES ../../scripts/site/EvidenceCheck.java
//SOURCES ../../scripts/site/Chapters.java
//SOURCES ../../scripts/site/RunBlock.java
//SOURCES ../../scripts/site/Transcript.java
//SOURCES ../../scripts/site/TranscriptStore.java

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import nixpylab.AtomicFile;
import nixpylab.Proc;
import nixpylab.UserError;
import nixpylab.source.AptSources;
import site.ClaimsLedger;
import site.Evidence;

/**
 * Writes the source excerpts the claims ledger's marks cite (docs/claims.adoc), from copies this
 * machine can check: Nix 2.8.0's and CPython 3.11.2's sources as Debian's archive has them
 * (apt-get source, which checks them against the signed Release file), and the manual pages of
 * the two Nix versions the pages show, as their nix-bin packages install them (this machine's, and
 * the current Nix's root). For each cited file it keeps the lines that hold the quotes, with a few
 * around them; an excerpt of a source it cannot reach here (nixpkgs at a commit) is left as it is.
 * Usage, from the repository's top: ./jbang docs/sources/Excerpts.java [--context N]
 */
public class Excerpts {
    static final Path SID_ROOT = Path.of("/var/lib/nixpylab/sid");
    static int context = 2;

    public static void main(String[] args) {
        for (int i = 0; i < args.length; i++) if (args[i].equals("--context")) context = Integer.parseInt(args[++i]);
        Path repo = Path.of("").toAbsolutePath();
        try {
            Map<String, TreeSet<String>> quotes = new TreeMap<>();
            for (List<ClaimsLedger.Claim> file : ClaimsLedger.of(repo).claims(repo).values()) {
                for (ClaimsLedger.Claim c : file) for (Evidence e : c.marks()) if (e instanceof Evidence.Source s) quotes.computeIfAbsent(s.ref(), k -> new TreeSet<>()).add(s.quote());
            }
            Path work = Files.createTempDirectory(Path.of("/var/tmp"), "nixpylab-excerpts-");
            try {
                Origins origins = new Origins(work);
                int written = 0;
                for (Map.Entry<String, TreeSet<String>> q : quotes.entrySet()) {
                    Optional<Origin> o = origins.of(q.getKey());
                    if (o.isEmpty()) {
                        System.out.println("kept     " + q.getKey() + " (no copy of it here to check against)");
                        continue;
                    }
                    List<String> missing = write(repo, q.getKey(), o.get(), q.getValue());
                    System.out.println((missing.isEmpty() ? "wrote    " : "MISSING  ") + q.getKey() + (missing.isEmpty() ? "" : ": the source does not hold " + missing));
                    written++;
                }
                System.out.println(written + " excerpt(s) written from checked copies, " + (quotes.size() - written) + " kept");
                for (String orphan : new site.EvidenceCheck(repo).orphans(ClaimsLedger.of(repo).claims(repo))) {
                    Files.delete(repo.resolve("docs/sources").resolve(orphan));
                    System.out.println("removed  " + orphan + " (no mark cites it)");
                }
            } finally {
                Proc.of("rm", "-rf", work.toString()).timeout(Duration.ofMinutes(1)).run();
            }
        } catch (UserError e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("next: " + e.next());
            System.exit(1);
        } catch (IOException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    /** A source file's lines, where it is upstream, and the copy it was read from. */
    record Origin(List<String> lines, String what, String upstream, String takenFrom) {}

    /** The copies this machine can check, fetched and unpacked once per run. */
    static final class Origins {
        final Path work;
        Path nixTree;
        Path cpythonTree;

        Origins(Path work) {
            this.work = work;
        }

        Optional<Origin> of(String ref) throws IOException {
            String project = ref.substring(0, ref.indexOf('/'));
            String path = ref.substring(ref.indexOf('/') + 1);
            if (path.startsWith("man/") && (project.equals("nix-2.8.0") || project.equals("nix-2.34.8"))) return man(project.substring(4), path.substring(4));
            if (project.equals("nix-2.8.0")) {
                if (nixTree == null) nixTree = debianSource("nix", "nix_2.8.0.orig.tar.xz");
                return tree(nixTree, path, "Nix 2.8.0", "https://github.com/NixOS/nix/blob/2.8.0/" + path, "Debian bookworm's nix_2.8.0.orig.tar.xz, fetched with apt-get source, which checked it against the archive's signed Release file");
            }
            if (project.equals("cpython-3.11.2")) {
                if (cpythonTree == null) cpythonTree = debianSource("python3.11", "python3.11_3.11.2.orig.tar.gz");
                return tree(cpythonTree, path, "CPython 3.11.2", "https://github.com/python/cpython/blob/v3.11.2/" + path,
                        "Debian bookworm's python3.11_3.11.2.orig.tar.gz (python.org's Python-3.11.2.tgz, byte for byte), fetched with apt-get source, which checked it against the archive's signed Release file");
            }
            if (project.startsWith("debian-")) return installed(project.substring("debian-".length()), path);
            return Optional.empty();
        }

        /** A file as a Debian package of this machine installed it: debian-PACKAGE-VERSION/PATH. */
        private Optional<Origin> installed(String packageAndVersion, String path) throws IOException {
            String pkg = packageAndVersion.replaceFirst("-\\d.*$", "");
            String version = packageAndVersion.substring(pkg.length() + 1);
            Proc.Result r = Proc.of("dpkg-query", "-W", "-f=${Version}", pkg).timeout(Duration.ofSeconds(30)).run();
            if (!r.ok() || !r.stdout().strip().equals(version)) return Optional.empty();
            Path f = Path.of("/").resolve(path).normalize();
            if (!Files.isRegularFile(f)) throw new UserError("Debian's " + pkg + " " + version + " installed no file /" + path + " here.", "Fix the mark's reference (debian-PACKAGE-VERSION/PATH).");
            return Optional.of(new Origin(Files.readAllLines(f), "/" + path + " of Debian's " + pkg + " " + version, "https://packages.debian.org/" + pkg,
                    "the file as Debian's " + pkg + " " + version + " installed it on the machine that wrote this excerpt (dpkg-query checked the version)"));
        }

        private Optional<Origin> tree(Path top, String path, String what, String upstream, String takenFrom) throws IOException {
            Path f = top.resolve(path).normalize();
            if (!f.startsWith(top) || !Files.isRegularFile(f)) throw new UserError(what + " has no file " + path + ".", "Fix the mark's reference (PROJECT-VERSION/PATH).");
            return Optional.of(new Origin(Files.readAllLines(f), path + " of " + what, upstream, takenFrom));
        }

        /** A source package's upstream tarball from this machine's Debian archive, unpacked; its single top folder. */
        private Path debianSource(String pkg, String orig) throws IOException {
            Path apt = work.resolve("apt-" + pkg);
            AptSources sources = new AptSources(apt);
            sources.update();
            Path tarball = sources.downloadOrig(pkg).filter(p -> p.getFileName().toString().equals(orig))
                    .orElseThrow(() -> new UserError("This machine's Debian archive did not give " + orig + ".", "Run it on Debian bookworm, whose archive has that source package."));
            Path out = Files.createDirectories(work.resolve("src-" + pkg));
            Proc.Result r = Proc.of("tar", "-xf", tarball.toString(), "-C", out.toString()).timeout(Duration.ofMinutes(5)).run();
            if (!r.ok()) throw new UserError("Could not unpack " + tarball + ": " + r.lastErrorLine(), "Check the disk space in /var/tmp.");
            try (var s = Files.list(out)) {
                return s.filter(Files::isDirectory).findFirst().orElseThrow();
            }
        }

        /** A manual page as the nix-bin package of that Nix installed it, rendered as text. */
        private Optional<Origin> man(String version, String page) throws IOException {
            Path root = version.equals("2.8.0") ? Path.of("/") : SID_ROOT;
            Proc.Result pkg = Proc.of("dpkg-query", "--admindir=" + root.resolve("var/lib/dpkg"), "-W", "-f=${Version}", "nix-bin").timeout(Duration.ofSeconds(30)).run();
            if (!pkg.ok() || !pkg.stdout().startsWith(version)) return Optional.empty();
            String section = page.substring(page.lastIndexOf('.') + 1);
            Path file = root.resolve("usr/share/man/man" + section).resolve(page + ".gz");
            if (!Files.isRegularFile(file)) throw new UserError("Nix " + version + "'s nix-bin has no manual page " + page + ".", "Fix the mark's reference (nix-" + version + "/man/PAGE).");
            Proc.Result r = Proc.of("man", "--nj", "--nh", "-l", file.toString()).env("MANWIDTH", "100").env("LC_ALL", "C.UTF-8").timeout(Duration.ofMinutes(1)).run();
            if (!r.ok()) throw new UserError("man could not render " + file + ": " + r.lastErrorLine(), "Install man-db (apt-get install man-db).");
            String text = r.stdout().replaceAll(".\u0008", "").replaceAll("\u001B\\[[0-9;]*m", "");
            String name = page.substring(0, page.lastIndexOf('.'));
            String minor = version.substring(0, version.lastIndexOf('.'));
            String upstream = name.startsWith("nix3-") ? "https://nix.dev/manual/nix/" + minor + "/command-ref/new-cli/" + name
                    : name.equals("nix.conf") ? "https://nix.dev/manual/nix/" + minor + "/command-ref/conf-file"
                    : "https://nix.dev/manual/nix/" + minor + "/command-ref/" + name;
            return Optional.of(new Origin(List.of(text.split("\n", -1)), "the " + page + " manual page of Nix " + version, upstream,
                    "/usr/share/man/man" + section + "/" + page + ".gz of Debian's nix-bin " + pkg.stdout().strip() + " (the package of the Nix these pages were recorded on), rendered with man"));
        }
    }

    /** Keeps the lines that hold each quote (a quote may run over lines), with context around them; returns the quotes not found. */
    static List<String> write(Path repo, String ref, Origin o, TreeSet<String> quotes) {
        List<String> normal = new ArrayList<>();
        StringBuilder joined = new StringBuilder();
        List<Integer> lineAt = new ArrayList<>();
        for (int i = 0; i < o.lines().size(); i++) {
            String n = o.lines().get(i).replaceAll("\\s+", " ").strip();
            normal.add(n);
            for (int k = 0; k < n.length() + 1; k++) lineAt.add(i);
            joined.append(n).append(' ');
        }
        boolean[] keep = new boolean[o.lines().size()];
        List<String> missing = new ArrayList<>();
        for (String q : quotes) {
            String nq = q.replaceAll("\\s+", " ").strip();
            int at = joined.indexOf(nq);
            if (at < 0) {
                missing.add(q);
                continue;
            }
            int from = lineAt.get(at), to = lineAt.get(Math.min(at + nq.length() - 1, lineAt.size() - 1));
            for (int i = Math.max(0, from - context); i <= Math.min(o.lines().size() - 1, to + context); i++) keep[i] = true;
        }
        StringBuilder body = new StringBuilder();
        List<String> ranges = new ArrayList<>();
        for (int i = 0; i < keep.length; i++) {
            if (!keep[i]) continue;
            int j = i;
            while (j + 1 < keep.length && keep[j + 1]) j++;
            ranges.add((i + 1) + "-" + (j + 1));
            if (body.length() > 0) body.append("[…]\n");
            for (int k = i; k <= j; k++) body.append(o.lines().get(k).stripTrailing()).append('\n');
            i = j;
        }
        String anchor = o.upstream().startsWith("https://github.com/") && !ranges.isEmpty() ? "#L" + ranges.get(0).replace("-", "-L") : "";
        String text = "// source: " + o.what() + ", lines " + String.join(", ", ranges) + "\n// upstream: " + o.upstream() + anchor + "\n// taken from: " + o.takenFrom() + "\n\n" + body;
        AtomicFile.write(repo.resolve("docs/sources").resolve(ref), text);
        return missing;
    }
}
