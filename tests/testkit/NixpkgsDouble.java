package testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import nixpylab.nix.HostPaths;
import nixpylab.nix.NixConfig;
import nixpylab.nix.NixVersion;
import nixpylab.source.PythonSource;

/**
 * The environment for steps that use tests/nixpkgs-double: where its tarballs are, and, since its
 * stdenv stands in for nixpkgs' with the host's toolchain, that toolchain opened in the build
 * sandbox (through NIX_CONFIG, as a user's nix.conf would; a real nixpkgs needs none of it).
 */
public final class NixpkgsDouble {
    public static final Path DIR = ScriptRun.REPO.resolve("tests/nixpkgs-double");

    private NixpkgsDouble() {}

    /** The tutorial's CPython tarball where the double's fetchFromGitHub finds it, by its tag, and the environment that points the steps at it. */
    public record Staged(Path tarball, String rev, List<String[]> env) {}

    /** Copies this machine's CPython tarball (the one the host's tests use) into the double's folder. */
    public static Staged stage(Path cpythonTarball) throws IOException {
        Path sources = Files.createDirectories(Path.of("/var/tmp/nixpylab-test-double"));
        String rev = "v" + PythonSource.versionInName(cpythonTarball.getFileName().toString()).orElseThrow();
        Path copy = sources.resolve("python-cpython-" + rev + ".tar.gz");
        Files.copy(cpythonTarball, copy, StandardCopyOption.REPLACE_EXISTING);
        return new Staged(copy, rev, env(sources));
    }

    public static List<String[]> env(Path sources) {
        NixConfig config = NixConfig.read(NixVersion.installed());
        return List.of(new String[] {"NIXPY_DOUBLE_SOURCES", sources.toString()},
                new String[] {"NIX_CONFIG", "extra-sandbox-paths = " + String.join(" ", HostPaths.toolchain(config))});
    }
}
