package site;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.asciidoctor.ast.PhraseNode;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.InlineMacroProcessor;

/**
 * {@code how:block[…]}, {@code how:capture[…]}, {@code how:source[…]}: a sentence's evidence as a
 * small link after it, one click to what shows it (the recorded block on the same page, or the
 * capture or source excerpt on the evidence page); {@code how:toolkit[]} and {@code how:video[]}
 * show nothing. What the marks must point at is {@link EvidenceCheck}'s to say; a mark the ledger
 * cannot read fails the render.
 */
public final class HowMacro extends InlineMacroProcessor {
    private final HowMarks marks;
    private final Consumer<String> errors;

    /** marks: the preprocessor that took the marks out of the page, leaving how:m[N]. */
    public HowMacro(HowMarks marks, Consumer<String> errors) {
        super("how", new HashMap<>(Map.of("content_model", ":text")));
        this.marks = marks;
        this.errors = errors;
    }

    @Override
    public PhraseNode process(StructuralNode parent, String target, Map<String, Object> attributes) {
        String inside = String.valueOf(attributes.getOrDefault("text", ""));
        Evidence e = target.equals("m") && inside.matches("\\d+") ? marks.mark(Integer.parseInt(inside))
                : new Evidence.Unreadable("it was not taken out before Asciidoctor read the page", "how:" + target + "[" + inside + "]");
        return createPhraseNode(parent, "quoted", html(e, page -> errors.accept(parent.getDocument().getAttribute("docname") + ": " + page)));
    }

    static String html(Evidence e, Consumer<String> errors) {
        if (e instanceof Evidence.Block b) return link("#run-" + b.id(), "run", "the run below or above shows: " + b.quote() + b.nix().map(v -> " (Nix " + v + ")").orElse(""));
        if (e instanceof Evidence.Capture c) return link(EvidencePage.NAME + ".html#" + EvidencePage.anchor("capture", c.path()), "capture", c.path() + ": " + c.quote());
        if (e instanceof Evidence.Source s) return link(EvidencePage.NAME + ".html#" + EvidencePage.anchor("source", s.ref()), "source", s.ref() + ": " + s.quote());
        if (e instanceof Evidence.Unreadable u) {
            errors.accept("a mark the ledger cannot read (" + u.why() + "): " + u.written());
            return "<sup class=\"how broken\">[?]</sup>";
        }
        return "";
    }

    private static String link(String href, String label, String title) {
        return "<sup class=\"how\"><a href=\"" + AnsiHtml.escape(href) + "\" title=\"" + AnsiHtml.escape(title) + "\">" + label + "</a></sup>";
    }
}
