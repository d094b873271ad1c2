package nixpylab.derivation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nixpylab.NixTemplate;
import nixpylab.nix.NixHash;

/**
 * The nixpkgs profile's file: the video's {@code newchrism-py310.nix}, made correct.
 * {@code import <nixpkgs> {}}, {@code fetchFromGitHub} for python/cpython at a tag, the video's
 * buildInputs, and a postPatch that writes Modules/Setup.local. The Nix is nixpkgs.nix next to
 * this class (and nixpkgs-postpatch.nix), laid out as nixfmt lays out Nix (one list element per
 * line, two-space indents, {@code { }} for an empty set).
 */
public record NixpkgsDerivation(String name, String workspace, String pythonVersion, String rev, NixHash hash, List<String> modules, List<String> buildInputs, Set<RepeatableFix> fixes) implements DerivationFile {
    /** The video's inputs, in its order; the closing chapter discusses which are needed. */
    public static final List<String> BUILD_INPUTS = List.of(
            "tzdata", "zlib", "zlib.dev", "readline", "readline.dev", "bzip2", "bzip2.dev", "ncurses", "ncurses.dev",
            "sqlite", "sqlite.dev", "openssl", "openssl.dev", "libuuid", "libuuid.dev", "gdbm", "lzlib", "tk", "tk.dev",
            "libffi", "libffi.dev", "expat", "expat.dev", "mailcap", "xz", "xz.dev");

    /** Before Repeatable --fix. */
    public NixpkgsDerivation(String name, String workspace, String pythonVersion, String rev, NixHash hash, List<String> modules, List<String> buildInputs) {
        this(name, workspace, pythonVersion, rev, hash, modules, buildInputs, Set.of());
    }

    public NixpkgsDerivation {
        fixes = RepeatableFix.copyOf(fixes);
    }

    public static NixpkgsDerivation of(String workspace, String pythonVersion, String rev) {
        return new NixpkgsDerivation(BareDerivation.nameFor(pythonVersion), workspace, pythonVersion, rev == null ? "v" + pythonVersion : rev, NixHash.fake(), null, BUILD_INPUTS);
    }

    @Override
    public NixpkgsDerivation withHash(NixHash h) {
        return new NixpkgsDerivation(name, workspace, pythonVersion, rev, h, modules, buildInputs, fixes);
    }

    @Override
    public NixpkgsDerivation withModules(List<String> m) {
        return new NixpkgsDerivation(name, workspace, pythonVersion, rev, hash, m == null ? null : List.copyOf(m), buildInputs, fixes);
    }

    @Override
    public NixpkgsDerivation withFixes(Set<RepeatableFix> f) {
        return new NixpkgsDerivation(name, workspace, pythonVersion, rev, hash, modules, buildInputs, f);
    }

    /** The same derivation with another input list (the input audit's smaller one). */
    public NixpkgsDerivation withBuildInputs(List<String> inputs) {
        return new NixpkgsDerivation(name, workspace, pythonVersion, rev, hash, modules, List.copyOf(inputs), fixes);
    }

    /** newchrism-py310.nix, as the video names it. */
    @Override
    public String fileName() {
        return "new" + name + ".nix";
    }

    @Override
    public String text() {
        Map<String, String> v = new HashMap<>();
        v.put("fileName", fileName());
        v.put("pythonVersion", pythonVersion);
        v.put("name", NixTemplate.quote(name));
        v.put("workspace", NixTemplate.quote(workspace));
        v.put("rev", NixTemplate.quote(rev));
        v.put("sha256", hash.isFake() ? "pkgs.lib.fakeSha256" : NixTemplate.quote(hash.sri()));
        v.put("buildInputs", String.join("\n", buildInputs.stream().map(i -> "pkgs." + i).toList()));
        v.put("postPatch", modules == null ? "" : NixTemplate.fill(NixpkgsDerivation.class, "nixpkgs-postpatch.nix", Map.of("setupLocal", SetupLocal.text(modules, pythonVersion))));
        v.putAll(RepeatableBuild.nixpkgs(fixes));
        return NixTemplate.fill(NixpkgsDerivation.class, "nixpkgs.nix", v);
    }
}
