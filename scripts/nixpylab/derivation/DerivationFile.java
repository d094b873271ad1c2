package nixpylab.derivation;

import java.util.List;
import java.util.Set;
import nixpylab.nix.NixHash;

/** A generated derivation file of either profile: its name, its text, and the two things the steps change in it. */
public sealed interface DerivationFile permits BareDerivation, NixpkgsDerivation {
    String name();

    /** The workspace's identity, written into the derivation so that its output path is its own. */
    String workspace();

    String pythonVersion();

    String fileName();

    String text();

    /** The hash written for the source (a fake one until FetchFakeHash writes the real one back). */
    NixHash hash();

    DerivationFile withHash(NixHash h);

    /** The Setup.local modules the postPatch writes, or null before PostPatch. */
    List<String> modules();

    DerivationFile withModules(List<String> m);

    /** The fixes Repeatable --fix wrote into it ({@link RepeatableBuild}), none before. */
    Set<RepeatableFix> fixes();

    DerivationFile withFixes(Set<RepeatableFix> f);
}
