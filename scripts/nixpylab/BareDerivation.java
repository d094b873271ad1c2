package nixpylab;

import java.util.List;

/**
 * The bare profile's derivation file: Nix builtins only ({@code derivation} and
 * {@code <nix/fetchurl.nix>}), a {@code /bin/sh} builder that runs stdenv-like phases, and the
 * host's compiler and libraries. Formatted the way nixfmt formats Nix.
 */
public record BareDerivation(String name, String workspace, String pythonVersion, String url, NixHash hash, List<String> modules) implements DerivationFile {
    /** The message each phase prints, as nixpkgs' stdenv prints it; BuildProgress reads it back. */
    public static final String PHASE_MARK = "Running phase: ";

    @Override
    public BareDerivation withHash(NixHash h) {
        return new BareDerivation(name, workspace, pythonVersion, url, h, modules);
    }

    @Override
    public BareDerivation withModules(List<String> m) {
        return new BareDerivation(name, workspace, pythonVersion, url, hash, m == null ? null : List.copyOf(m));
    }

    /** "chrism-py311" for 3.11.x: the video's naming. */
    public static String nameFor(String pythonVersion) {
        return "chrism-py" + SetupLocal.minor(pythonVersion).replace(".", "");
    }

    @Override
    public String fileName() {
        return name + ".nix";
    }

    @Override
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(fileName()).append(": CPython ").append(pythonVersion).append(", built by NixPy Lab's bare profile.\n");
        sb.append("# Impure on purpose: no nixpkgs here, only Nix builtins. The builder is the host's\n");
        sb.append("# /bin/sh and uses the host's compiler and -dev libraries from /usr, which Nix does\n");
        sb.append("# not track: the same file can build differently on another machine. In Nix's build\n");
        sb.append("# sandbox the steps open /usr, /lib and /lib64 for it (--option extra-sandbox-paths).\n");
        sb.append("let\n");
        sb.append("  src = import <nix/fetchurl.nix> {\n");
        sb.append("    url = ").append(quote(url)).append(";\n");
        sb.append("    hash = ").append(quote(hash.sri())).append(";\n");
        sb.append("  };\n");
        sb.append("in\n");
        sb.append("derivation {\n");
        sb.append("  name = ").append(quote(name)).append(";\n");
        DerivationFile.appendWorkspace(sb, workspace);
        sb.append("  system = builtins.currentSystem;\n");
        sb.append("  builder = \"/bin/sh\";\n");
        sb.append("  args = [\n");
        sb.append("    \"-c\"\n");
        sb.append("    ''\n");
        for (String l : builderLines()) sb.append(l.isEmpty() ? "" : "      " + l).append('\n');
        sb.append("    ''\n");
        sb.append("  ];\n");
        sb.append("  inherit src;\n");
        sb.append("  PATH = \"/usr/bin:/bin\";\n");
        if (modules != null) {
            sb.append("  postPatch = ''\n");
            sb.append("    cat > Modules/Setup.local <<'EOF'\n");
            for (String l : SetupLocal.text(modules, pythonVersion).split("\n")) sb.append("    ").append(l).append('\n');
            sb.append("    EOF\n");
            sb.append("  '';\n");
        }
        sb.append("}\n");
        return sb.toString();
    }

    private static List<String> builderLines() {
        return List.of(
                "set -e",
                "echo \"" + PHASE_MARK + "unpackPhase\"",
                "tar -xf \"$src\"",
                "set -- */",
                "cd \"$1\"",
                "echo \"" + PHASE_MARK + "patchPhase\"",
                "eval \"$postPatch\"",
                "echo \"" + PHASE_MARK + "configurePhase\"",
                "./configure --prefix=\"$out\" --without-ensurepip CPPFLAGS=\"$(pkg-config --cflags-only-I tk 2>/dev/null || true)\"",
                "echo \"" + PHASE_MARK + "buildPhase\"",
                "cores=$NIX_BUILD_CORES",
                "[ \"$cores\" -gt 0 ] 2>/dev/null || cores=$(nproc)",
                "make -j\"$cores\"",
                "echo \"" + PHASE_MARK + "installPhase\"",
                "make install");
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("${", "\\${") + "\"";
    }
}
