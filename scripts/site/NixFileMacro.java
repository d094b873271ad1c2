package site;

import java.util.Map;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.BlockMacroProcessor;
import org.asciidoctor.extension.Name;

/** {@code nixfile::[]}: the workspace's derivation file as the last run:: block before it left it, highlighted as Nix. */
@Name("nixfile")
public final class NixFileMacro extends BlockMacroProcessor {
    private final RenderSession session;

    public NixFileMacro(RenderSession session) {
        super("nixfile");
        this.session = session;
    }

    @Override
    public StructuralNode process(StructuralNode parent, String target, Map<String, Object> attributes) {
        Object ws = parent.getDocument().getAttribute("nixpylab-workspace");
        Transcript t = session.last(ws == null ? Chapters.DEFAULT_WORKSPACE : ws.toString());
        if (t == null || t.nixText().isEmpty()) {
            session.error(parent.getDocument().getAttribute("docname") + ": nixfile:: comes before any run:: that writes a derivation file");
            return createBlock(parent, "paragraph", "(no derivation file yet)");
        }
        return createBlock(parent, "listing", t.nixText().stripTrailing(),
                Map.of("style", "source", "language", "nix", "title", t.nixFileName() + ", as " + t.command().get(1).replace("scripts/", "").replace(".java", "") + " left it"));
    }
}
