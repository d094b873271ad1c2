package nixpylab.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import nixpylab.HostSetup;
import nixpylab.SearchPath;
import nixpylab.UserError;
import nixpylab.nix.StorePath;

/**
 * Chooses the CPython source tarball, in this order: a file or URL the user gave; upstream's
 * release tarball when the network reaches it (a short probe); the distribution's archived copy
 * of upstream's tarball (on Debian, {@code apt-get source --download-only}, with a private
 * deb-src list derived from the machine's own apt sources, never touching /etc/apt).
 */
public final class SourceLocator {
    private final Path cacheDir;
    private final Duration probeTimeout;

    public SourceLocator(Path cacheDir, Duration probeTimeout) {
        this.cacheDir = cacheDir;
        this.probeTimeout = probeTimeout;
    }

    static final Path SHARED = Path.of("/var/tmp/nixpylab-sources");

    /**
     * The build-user-readable place for this user's tarballs: $NIXPY_SOURCES, or
     * /var/tmp/nixpylab-sources for root, or /var/tmp/nixpylab-sources-USER for anyone else. Each
     * belongs to its user alone (rwxr-xr-x): Nix's build users read it, nobody else writes it.
     */
    public static Path defaultCacheDir() {
        String env = System.getenv("NIXPY_SOURCES");
        if (env != null && !env.isBlank()) return Path.of(env);
        return HostSetup.isRoot() ? SHARED : Path.of(SHARED + "-" + System.getProperty("user.name"));
    }

    public PythonSource locate(Path givenFile, String givenUrl, String wantedVersion) {
        if (givenFile != null) return fromFile(givenFile, wantedVersion);
        if (givenUrl != null) return fromUrl(givenUrl, wantedVersion);
        String upstream = PythonSource.upstreamUrl(wantedVersion);
        Optional<String> problem = probe(upstream);
        if (problem.isEmpty()) {
            return new PythonSource(PythonSource.Origin.UPSTREAM, upstream, wantedVersion, "upstream's release tarball answered at " + upstream);
        }
        PythonSource d = fromDistribution(wantedVersion);
        return new PythonSource(d.origin(), d.url(), d.version(), "upstream's tarball did not answer (" + problem.get() + "); " + d.reason());
    }

    private PythonSource fromFile(Path file, String wantedVersion) {
        if (!Files.isRegularFile(file)) {
            throw new UserError("The source file " + file + " does not exist (or is not a file).",
                    "Check the path given to --source, or leave --source out to let NixPy Lab find CPython's tarball itself.");
        }
        String version = PythonSource.versionInName(file.getFileName().toString()).orElse(wantedVersion);
        Path staged = stage(file);
        String why = staged.equals(file.toAbsolutePath().normalize()) ? "given with --source" : "given with --source, copied to " + staged + " where Nix's build users can read it";
        return new PythonSource(PythonSource.Origin.GIVEN_FILE, staged.toUri().toString(), version, why);
    }

    private PythonSource fromUrl(String url, String wantedVersion) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new UserError("'" + url + "' is not a URL.", "Give --source-url a full URL such as https://…/Python-3.10.5.tar.xz or file:///var/tmp/Python-3.10.5.tar.xz.");
        }
        String version = PythonSource.versionInName(uri.getPath() == null ? url : uri.getPath()).orElse(wantedVersion);
        if ("file".equals(uri.getScheme())) {
            Path p = Path.of(uri);
            if (!Files.isRegularFile(p)) {
                throw new UserError("The source file " + p + " named by --source-url does not exist.", "Check the URL, or pass a local tarball with --source PATH.");
            }
            if (!BuildUsers.canRead(p)) throw BuildUsers.unreadable(p);
            return new PythonSource(PythonSource.Origin.GIVEN_URL, url, version, "given with --source-url");
        }
        probe(url).ifPresent(problem -> {
            throw new UserError("The source URL " + url + " does not answer (" + problem + ").",
                    "Check the URL and the network, or download the tarball some other way and pass it with --source PATH.");
        });
        return new PythonSource(PythonSource.Origin.GIVEN_URL, url, version, "given with --source-url");
    }

    /** Empty when the URL answers a HEAD request with 2xx/3xx within the probe timeout; else what went wrong. */
    public Optional<String> probe(String url) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(probeTimeout).followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpRequest req = HttpRequest.newBuilder(URI.create(url)).method("HEAD", HttpRequest.BodyPublishers.noBody()).timeout(probeTimeout).build();
            int code = client.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
            return code < 400 ? Optional.empty() : Optional.of("HTTP " + code);
        } catch (HttpTimeoutException e) {
            return Optional.of("no answer within " + probeTimeout.toSeconds() + " s");
        } catch (ConnectException e) {
            return Optional.of("connection refused or no route to the host");
        } catch (IOException e) {
            return Optional.of(e.getMessage() == null ? "the connection failed" : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        } catch (IllegalArgumentException e) {
            return Optional.of("not an http URL");
        }
    }

    private PythonSource fromDistribution(String wantedVersion) {
        Optional<Path> cached = cachedOrig(PythonVersion.of(wantedVersion).text());
        if (cached.isEmpty()) cached = cachedOrig(null);
        if (cached.isPresent()) {
            Path f = cached.get();
            String v = PythonSource.versionInName(f.getFileName().toString()).orElseThrow();
            return new PythonSource(PythonSource.Origin.DISTRIBUTION, f.toUri().toString(), v, "using the distribution's archived upstream tarball already in " + cacheDir);
        }
        if (!SearchPath.onPath("apt-get") || !Files.isDirectory(Path.of("/etc/apt"))) {
            throw noSource(wantedVersion, "this machine has no apt-get to fetch the distribution's copy");
        }
        AptSources apt = new AptSources(cacheDir.resolve("apt"));
        apt.update();
        List<String> candidates = new ArrayList<>();
        candidates.add(PythonVersion.of(wantedVersion).debianName());
        apt.defaultPythonSourcePackage().filter(p -> !candidates.contains(p)).ifPresent(candidates::add);
        for (String pkg : candidates) {
            Optional<Path> orig = apt.downloadOrig(pkg);
            if (orig.isPresent()) {
                Path f = stage(orig.get());
                String v = PythonSource.versionInName(f.getFileName().toString()).orElse(wantedVersion);
                String note = pkg.equals(candidates.get(0)) ? "" : " (" + PythonVersion.of(wantedVersion).debianName() + " is not in this distribution, so the version follows the source)";
                return new PythonSource(PythonSource.Origin.DISTRIBUTION, f.toUri().toString(), v,
                        "took the distribution's archived upstream tarball with 'apt-get source --download-only " + pkg + "'" + note);
            }
        }
        throw noSource(wantedVersion, "the distribution's archive has no source package " + String.join(" or ", candidates));
    }

    /** Where tarballs may be found: this user's folder, and root's (which only root can write); any other user's is not looked at. */
    public static List<Path> cacheDirs() {
        Path mine = defaultCacheDir();
        return mine.equals(SHARED) ? List.of(SHARED) : List.of(mine, SHARED);
    }

    /**
     * The folders a build of the source opens in Nix's sandbox: where tarballs may be found
     * ({@link #cacheDirs}), and the folder of each file: URL given (null where none is).
     */
    public static List<Path> sandboxDirs(String... urls) {
        List<Path> dirs = new ArrayList<>(cacheDirs());
        for (String url : urls) {
            if (url != null && url.startsWith("file:")) dirs.add(Path.of(URI.create(url)).getParent());
        }
        return dirs;
    }

    /** A distribution tarball already fetched, in this user's folder or root's, from a folder and a file only they can write. */
    Optional<Path> cachedOrig(String minor) {
        String prefix = minor == null ? "python3." : "python" + minor + "_";
        for (Path dir : cacheDir.equals(SHARED) ? List.of(cacheDir) : List.of(cacheDir, SHARED)) {
            if (!Files.isDirectory(dir) || SourceFolder.whyUntrusted(dir).isPresent()) continue;
            try (Stream<Path> s = Files.list(dir)) {
                Optional<Path> found = s.filter(p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().contains(".orig.tar."))
                        .filter(p -> SourceFolder.whyUntrusted(p).isEmpty()).filter(BuildUsers::canRead).sorted().reduce((a, b) -> b);
                if (found.isPresent()) return found;
            } catch (IOException e) {
                // an unreadable folder holds nothing for us
            }
        }
        return Optional.empty();
    }

    private UserError noSource(String version, String why) {
        return new UserError("No CPython source tarball could be found: upstream's is out of reach and " + why + ".",
                "Download Python-" + version + ".tar.xz on a machine with network and pass it with --source PATH (or --source-url URL).");
    }

    /** Makes this user's folder (rwxr-xr-x, readable by build users) or checks the one there is: its owner's alone. */
    static void prepareCacheDir(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        SourceFolder.claim(dir);
    }

    /** Copies a tarball into the cache directory (readable by build users) unless it is already there. */
    Path stage(Path file) {
        try {
            prepareCacheDir(cacheDir);
            Path source = file.toAbsolutePath().normalize();
            // a tarball from the store keeps its own name: <nix/fetchurl.nix> names the fixed output after the URL's last part
            String name = StorePath.find(source.toString()).filter(p -> p.path().equals(source.toString()))
                    .map(StorePath::name).orElse(file.getFileName().toString());
            Path target = cacheDir.resolve(name).toAbsolutePath().normalize();
            boolean ours = Files.exists(target, LinkOption.NOFOLLOW_LINKS) && SourceFolder.whyUntrusted(target).isEmpty();
            if (!source.equals(target) && !(ours && Files.mismatch(source, target) == -1)) {
                Path tmp = Files.createTempFile(cacheDir, ".stage", ".tmp");
                Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
            if (!BuildUsers.canRead(target)) throw BuildUsers.unreadable(target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
