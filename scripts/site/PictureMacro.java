package site;

import java.util.Map;
import java.util.Optional;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.BlockMacroProcessor;
import org.asciidoctor.extension.Name;

/**
 * {@code picture::build-phases[]}, {@code picture::derivation-chain[]}, {@code picture::roots[]},
 * {@code picture::roots-broken[]}: a picture drawn from the last run of the step it is about
 * (Build, or Roots) in the page's workspace, so far in the site. See {@link Pictures}.
 */
@Name("picture")
public final class PictureMacro extends BlockMacroProcessor {
    private final RenderSession session;

    public PictureMacro(RenderSession session) {
        super("picture");
        this.session = session;
    }

    @Override
    public StructuralNode process(StructuralNode parent, String target, Map<String, Object> attributes) {
        Object ws = parent.getDocument().getAttribute("nixpylab-workspace");
        String workspace = ws == null ? Chapters.DEFAULT_WORKSPACE : ws.toString();
        String page = String.valueOf(parent.getDocument().getAttribute("docname"));
        Optional<String> svg = switch (target) {
            case "build-phases" -> session.lastBuilt(workspace).flatMap(Pictures::buildPhases);
            case "derivation-chain" -> session.lastBuilt(workspace).flatMap(Pictures::derivationChain);
            case "roots" -> session.lastOf(workspace, "Roots").flatMap(t -> Pictures.rootChain(t, false));
            case "roots-broken" -> session.lastOf(workspace, "Roots").flatMap(t -> Pictures.rootChain(t, true));
            default -> {
                session.error(page + ": picture::" + target + "[] is not a picture NixPy Lab draws (build-phases, derivation-chain, roots, roots-broken)");
                yield Optional.of("");
            }
        };
        if (svg.isEmpty()) {
            session.error(page + ": picture::" + target + "[] has no run to draw it from before it (a Build that built, or a Roots)");
            return createBlock(parent, "paragraph", "(no run to draw " + target + " from)");
        }
        return createBlock(parent, "pass", svg.get());
    }
}
