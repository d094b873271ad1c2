package nixpylab;

import java.util.List;

/** A generated derivation file of either profile: its name, its text, and the two things the steps change in it. */
public sealed interface DerivationFile permits BareDerivation, NixpkgsDerivation {
    String name();

    String pythonVersion();

    String fileName();

    String text();

    /** The hash written for the source (a fake one until FetchFakeHash writes the real one back). */
    NixHash hash();

    DerivationFile withHash(NixHash h);

    /** The Setup.local modules the postPatch writes, or null before PostPatch. */
    List<String> modules();

    DerivationFile withModules(List<String> m);
}
