package nixpylab;

import java.util.List;

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

    /**
     * Two workspaces that wrote the same file would share one output path: the second would have
     * nothing to build, and its forced delete would take the first one's build. An attribute with
     * the workspace's identity makes the .drv, and so the output path, the workspace's own.
     */
    static void appendWorkspace(StringBuilder sb, String workspace) {
        sb.append("  # This workspace's own build: without this line, every workspace that wrote\n");
        sb.append("  # this file would share one output path (see the chapter on building).\n");
        sb.append("  workspace = ").append(BareDerivation.quote(workspace)).append(";\n");
    }
}
