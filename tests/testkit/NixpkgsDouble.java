package testkit;

import java.nio.file.Path;
import java.util.List;
import nixpylab.nix.HostPaths;
import nixpylab.nix.NixConfig;
import nixpylab.nix.NixVersion;

/**
 * The environment for steps that use tests/nixpkgs-double: where its tarballs are, and, since its
 * stdenv stands in for nixpkgs' with the host's toolchain, that toolchain opened in the build
 * sandbox (through NIX_CONFIG, as a user's nix.conf would; a real nixpkgs needs none of it).
 */
public final class NixpkgsDouble {
    public static final Path DIR = ScriptRun.REPO.resolve("tests/nixpkgs-double");

    private NixpkgsDouble() {}

    public static List<String[]> env(Path sources) {
        NixConfig config = NixConfig.read(NixVersion.installed());
        return List.of(new String[] {"NIXPY_DOUBLE_SOURCES", sources.toString()},
                new String[] {"NIX_CONFIG", "extra-sandbox-paths = " + String.join(" ", HostPaths.toolchain(config))});
    }
}
