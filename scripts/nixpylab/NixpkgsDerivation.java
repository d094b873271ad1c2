package nixpylab;

import java.util.List;

/**
 * The nixpkgs profile's file: the video's {@code newchrism-py310.nix}, made correct.
 * {@code import <nixpkgs> {}}, {@code fetchFromGitHub} for python/cpython at a tag, the video's
 * buildInputs, and a postPatch that writes Modules/Setup.local. Formatted the way nixfmt
 * formats Nix (one list element per line, two-space indents, {@code { }} for an empty set).
 */
public record NixpkgsDerivation(String name, String workspace, String pythonVersion, String rev, NixHash hash, List<String> modules, List<String> buildInputs) implements DerivationFile {
    /** The video's inputs, in its order; the closing chapter discusses which are needed. */
    public static final List<String> BUILD_INPUTS = List.of(
            "tzdata", "zlib", "zlib.dev", "readline", "readline.dev", "bzip2", "bzip2.dev", "ncurses", "ncurses.dev",
            "sqlite", "sqlite.dev", "openssl", "openssl.dev", "libuuid", "libuuid.dev", "gdbm", "lzlib", "tk", "tk.dev",
            "libffi", "libffi.dev", "expat", "expat.dev", "mailcap", "xz", "xz.dev");

    public static NixpkgsDerivation of(String workspace, String pythonVersion, String rev) {
        return new NixpkgsDerivation(BareDerivation.nameFor(pythonVersion), workspace, pythonVersion, rev == null ? "v" + pythonVersion : rev, NixHash.fake(), null, BUILD_INPUTS);
    }

    @Override
    public NixpkgsDerivation withHash(NixHash h) {
        return new NixpkgsDerivation(name, workspace, pythonVersion, rev, h, modules, buildInputs);
    }

    @Override
    public NixpkgsDerivation withModules(List<String> m) {
        return new NixpkgsDerivation(name, workspace, pythonVersion, rev, hash, m == null ? null : List.copyOf(m), buildInputs);
    }

    /** The same derivation with another input list (the input audit's smaller one). */
    public NixpkgsDerivation withBuildInputs(List<String> inputs) {
        return new NixpkgsDerivation(name, workspace, pythonVersion, rev, hash, modules, List.copyOf(inputs));
    }

    /** newchrism-py310.nix, as the video names it. */
    @Override
    public String fileName() {
        return "new" + name + ".nix";
    }

    @Override
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(fileName()).append(": CPython ").append(pythonVersion).append(" with nixpkgs' stdenv, as in the video (made to parse).\n");
        sb.append("let\n");
        sb.append("  pkgs = import <nixpkgs> { };\n");
        sb.append("in\n");
        sb.append("pkgs.stdenv.mkDerivation {\n");
        sb.append("  name = ").append(BareDerivation.quote(name)).append(";\n");
        DerivationFile.appendWorkspace(sb, workspace);
        sb.append("  src = pkgs.fetchFromGitHub {\n");
        sb.append("    owner = \"python\";\n");
        sb.append("    repo = \"cpython\";\n");
        sb.append("    rev = ").append(BareDerivation.quote(rev)).append("; # tag\n");
        sb.append("    sha256 = ").append(hash.isFake() ? "pkgs.lib.fakeSha256" : BareDerivation.quote(hash.sri())).append(";\n");
        sb.append("  };\n");
        sb.append("  buildInputs = [\n");
        for (String i : buildInputs) sb.append("    pkgs.").append(i).append('\n');
        sb.append("  ];\n");
        if (modules != null) {
            sb.append("  postPatch = pkgs.lib.concatStringsSep \"\\n\" [\n");
            sb.append("    ''\n");
            sb.append("      cat << EOF > Modules/Setup.local\n");
            for (String l : SetupLocal.text(modules, pythonVersion).split("\n")) sb.append("      ").append(l).append('\n');
            sb.append("      EOF\n");
            sb.append("    ''\n");
            sb.append("  ];\n");
        }
        sb.append("}\n");
        return sb.toString();
    }
}
