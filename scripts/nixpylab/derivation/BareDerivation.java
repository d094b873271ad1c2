package nixpylab.derivation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nixpylab.NixTemplate;
import nixpylab.nix.NixHash;
import nixpylab.source.PythonVersion;

/**
 * The bare profile's derivation file: Nix builtins only ({@code derivation} and
 * {@code <nix/fetchurl.nix>}), a {@code /bin/sh} builder that runs stdenv-like phases, and the
 * host's compiler and libraries. The Nix is bare.nix next to this class (and bare-postpatch.nix),
 * laid out as nixfmt lays out Nix.
 */
public record BareDerivation(String name, String workspace, String pythonVersion, String url, NixHash hash, List<String> modules, Set<RepeatableFix> fixes) implements DerivationFile {

    /** Before Repeatable --fix. */
    public BareDerivation(String name, String workspace, String pythonVersion, String url, NixHash hash, List<String> modules) {
        this(name, workspace, pythonVersion, url, hash, modules, Set.of());
    }

    public BareDerivation {
        fixes = RepeatableFix.copyOf(fixes);
    }

    @Override
    public BareDerivation withHash(NixHash h) {
        return new BareDerivation(name, workspace, pythonVersion, url, h, modules, fixes);
    }

    @Override
    public BareDerivation withModules(List<String> m) {
        return new BareDerivation(name, workspace, pythonVersion, url, hash, m == null ? null : List.copyOf(m), fixes);
    }

    @Override
    public BareDerivation withFixes(Set<RepeatableFix> f) {
        return new BareDerivation(name, workspace, pythonVersion, url, hash, modules, f);
    }

    /** "chrism-py311" for 3.11.x: the video's naming. */
    public static String nameFor(String pythonVersion) {
        return "chrism-py" + PythonVersion.of(pythonVersion).text().replace(".", "");
    }

    @Override
    public String fileName() {
        return name + ".nix";
    }

    @Override
    public String text() {
        Map<String, String> v = new HashMap<>();
        v.put("fileName", fileName());
        v.put("pythonVersion", pythonVersion);
        v.put("url", NixTemplate.quote(url));
        v.put("hash", NixTemplate.quote(hash.sri()));
        v.put("name", NixTemplate.quote(name));
        v.put("workspace", NixTemplate.quote(workspace));
        v.put("postPatch", modules == null ? "" : NixTemplate.fill(BareDerivation.class, "bare-postpatch.nix", Map.of("setupLocal", SetupLocal.text(modules, pythonVersion))));
        v.putAll(RepeatableBuild.bare(fixes));
        return NixTemplate.fill(BareDerivation.class, "bare.nix", v);
    }

}
