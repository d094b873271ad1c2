package site;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nixpylab.LineDiff;
import nixpylab.derivation.NixpkgsDerivation;
import nixpylab.derivation.SetupLocal;
import nixpylab.source.PythonSource;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.BlockMacroProcessor;
import org.asciidoctor.extension.Name;

/**
 * {@code videofile::first[]} and {@code videofile::postpatch[]}: the nixpkgs profile's file (the
 * video's own, made to parse) as the toolkit's code writes it at that step, for the CPython the video
 * builds and the workspace of the blocks before it: the whole file when it is first written, then
 * what PostPatch changes, as a diff. Not a recorded run: the file is written by the same code the
 * steps call, at render time, so it cannot drift from what a learner with nixpkgs gets.
 */
@Name("videofile")
public final class VideoFileMacro extends BlockMacroProcessor {
    private static final Pattern WORKSPACE = Pattern.compile("workspace = \"([0-9a-f]+)\";");
    private final RenderSession session;

    public VideoFileMacro(RenderSession session) {
        super("videofile");
        this.session = session;
    }

    @Override
    public StructuralNode process(StructuralNode parent, String target, Map<String, Object> attributes) {
        Object ws = parent.getDocument().getAttribute("nixpylab-workspace");
        Transcript t = session.last(ws == null ? Chapters.DEFAULT_WORKSPACE : ws.toString());
        Matcher m = WORKSPACE.matcher(t == null ? "" : t.nixText());
        String page = String.valueOf(parent.getDocument().getAttribute("docname"));
        if (!m.find()) {
            session.error(page + ": videofile:: comes before any run:: that writes a derivation file with its workspace");
            return createBlock(parent, "paragraph", "(no derivation file yet)");
        }
        NixpkgsDerivation first = NixpkgsDerivation.of(m.group(1), PythonSource.DEFAULT_VERSION, null);
        switch (target) {
            case "first":
                return createBlock(parent, "listing", first.text().stripTrailing(),
                        Map.of("style", "source", "language", "nix", "title", first.fileName() + ", as the nixpkgs profile writes it first (with the fake hash)"));
            case "postpatch":
                NixpkgsDerivation patched = first.withModules(SetupLocal.select(List.of(), List.of()));
                String diff = String.join("\n", LineDiff.unified(first.text(), patched.text(), 3));
                return createBlock(parent, "listing", diff,
                        Map.of("style", "source", "language", "diff", "title", first.fileName() + ": what PostPatch adds in the nixpkgs profile"));
            default:
                session.error(page + ": videofile::" + target + "[] is not a step: write first or postpatch");
                return createBlock(parent, "paragraph", "(unknown step " + target + ")");
        }
    }
}
