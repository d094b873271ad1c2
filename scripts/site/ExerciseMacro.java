package site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import nixpylab.UserError;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.BlockMacroProcessor;
import workshop.Catalog;
import workshop.Exercise;

/**
 * Workshop exercises on the site, from the repository's exercises/ folder (never copied by hand):
 * {@code exercise::01-fake-hash[]} puts a box pointing to that exercise into a chapter;
 * {@code exercises::[]} lists every exercise with its task, for the workshop page.
 */
public final class ExerciseMacro extends BlockMacroProcessor {
    /** The page that lists the exercises; each exercise's anchor there is exercise-NN-name. */
    public static final String WORKSHOP_PAGE = "09-workshop";
    private static final String SCRIPT = "./jbang scripts/Workshop.java";
    private final Catalog catalog;
    private final Consumer<String> errors;

    public ExerciseMacro(String name, Catalog catalog, Consumer<String> errors) {
        super(name);
        this.catalog = catalog;
        this.errors = errors;
    }

    @Override
    public StructuralNode process(StructuralNode parent, String target, Map<String, Object> attributes) {
        String doc = String.valueOf(parent.getDocument().getAttribute("docname"));
        if (catalog == null) {
            errors.accept(doc + ": " + getName() + ":: needs the exercises folder next to the chapters");
            return createBlock(parent, "paragraph", "(no exercises folder)");
        }
        List<String> lines = new ArrayList<>();
        if (getName().equals("exercises")) {
            for (Exercise e : catalog.exercises()) listed(e, lines);
        } else {
            try {
                pointer(catalog.find(target), lines);
            } catch (UserError u) {
                errors.accept(doc + ": exercise::" + target + "[] names no exercise (" + u.getMessage() + ")");
                return createBlock(parent, "paragraph", "(unknown exercise " + target + ")");
            }
        }
        StructuralNode box = createBlock(parent, "open", List.of(), Map.of("role", getName()));
        parseContent(box, lines);
        return box;
    }

    static String anchor(Exercise e) {
        return "exercise-" + e.slug();
    }

    private static void pointer(Exercise e, List<String> lines) {
        lines.add("[TIP]");
        lines.add(".Workshop: exercise " + e.number() + ", " + e.title());
        lines.add("====");
        lines.add(e.taskSummary());
        lines.add("");
        lines.add("link:" + WORKSHOP_PAGE + ".html#" + anchor(e) + "[The whole task], then solve it in `workshop/" + e.slug() + "/` and check it with `"
                + SCRIPT + " check " + e.number() + "` (or `" + SCRIPT + " watch`).");
        lines.add("====");
    }

    private static void listed(Exercise e, List<String> lines) {
        lines.add("[discrete#" + anchor(e) + "]");
        lines.add("=== Exercise " + e.number() + ": " + e.title());
        lines.add("");
        lines.addAll(List.of(e.taskBody().split("\n")));
        lines.add("");
        String chapters = String.join(", ", e.chapters().stream().map(c -> "link:" + c + ".html[" + c + "]").toList());
        lines.add("Files: " + String.join(", ", e.files().stream().map(f -> "`" + f + "`").toList()) + " in `workshop/" + e.slug() + "/`. "
                + "Check: `" + SCRIPT + " check " + e.number() + "`. Hints, one at a time: `" + SCRIPT + " hint " + e.number() + "` ("
                + e.hints().size() + "). Chapter: " + chapters + ".");
        lines.add("");
    }
}
