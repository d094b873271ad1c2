package site;

import java.util.List;
import java.util.Map;
import nixpylab.Proc;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.BlockMacroProcessor;
import org.asciidoctor.extension.Name;

/**
 * {@code run::Script[args="…", expect=fail, exit=102]}: shows the command and its real output from
 * the block's transcript (recorded before conversion), the newest Nix's, with the versions it was
 * verified on and, where another version's output differs in more than volatile parts, that one
 * too. A step expected to fail that succeeds, or one expected to succeed that fails, fails the render.
 */
@Name("run")
public final class RunMacro extends BlockMacroProcessor {
    private final RenderSession session;

    public RunMacro(RenderSession session) {
        super("run");
        this.session = session;
    }

    @Override
    public StructuralNode process(StructuralNode parent, String target, Map<String, Object> attributes) {
        String page = String.valueOf(parent.getDocument().getAttribute("docname"));
        RunBlock b = session.nextBlock(page);
        List<Transcript> ts = session.transcripts(b);
        if (ts.isEmpty()) {
            session.error(page + ": no transcript for " + b.label());
            return createBlock(parent, "pass", "<div class=\"run-error\">(no transcript for " + AnsiHtml.escape(b.label()) + ")</div>");
        }
        Transcript shown = ts.get(0);
        session.remember(b.workspace(), shown);
        String problem = null;
        for (Transcript t : ts) {
            java.util.Optional<String> p = b.problemWith(t.exitCode());
            if (p.isPresent()) {
                problem = p.get() + " (Nix " + t.nixVersion() + ")";
                session.error(page + ": " + String.join(" ", t.command()) + ": " + problem);
            }
        }
        return createBlock(parent, "pass", notes(session.unsaidNotes(page, shown)) + html(shown, b.expectFail(), problem, ts, session.redactions()).replaceFirst("<div ", "<div id=\"" + b.anchor() + "\" "));
    }

    /** How the steps ran (the binary cache, the sandbox), said once per page above the first block it concerns. */
    static String notes(List<String> notes) {
        StringBuilder sb = new StringBuilder();
        for (String n : notes) sb.append("<div class=\"run-note\">Nix on the machine these pages were made on: ").append(AnsiHtml.escape(n)).append(".</div>\n");
        return sb.toString();
    }

    /** The output of a transcript as terminal lines. */
    static String console(Transcript t) {
        StringBuilder sb = new StringBuilder();
        for (Proc.Line l : t.lines()) sb.append("<span class=\"").append(l.stderr() ? "err" : "out").append("\">").append(AnsiHtml.toHtml(l.text())).append("</span>\n");
        return sb.toString();
    }

    static String html(Transcript t, boolean expectFail, String problem, List<Transcript> all, Redactions redactions) {
        StringBuilder sb = new StringBuilder();
        String cmd = String.join(" ", t.command());
        sb.append("<div class=\"listingblock run").append(expectFail ? " expected-failure" : "").append(problem != null ? " run-broken" : "").append("\">\n");
        if (expectFail) sb.append("<div class=\"title\">Expected to fail: this is the error the tutorial is about</div>\n");
        sb.append("<div class=\"content\"><pre class=\"console\"><span class=\"prompt\">$ </span><span class=\"cmd\">").append(AnsiHtml.escape(cmd))
                .append("</span><button class=\"copy\" type=\"button\" data-copy=\"").append(AnsiHtml.escape(cmd)).append("\">copy</button>\n");
        sb.append(console(t));
        sb.append("</pre></div>\n");
        sb.append("<div class=\"provenance\">exit code <span class=\"exit\">").append(t.exitCode()).append("</span>")
                .append(expectFail ? " (expected failure)" : "")
                .append(" · ").append(String.format("%.1f s", t.wallMillis() / 1000.0))
                .append(" · profile ").append(AnsiHtml.escape(t.profile()))
                .append(" · Nix ").append(AnsiHtml.escape(t.nixVersion()))
                .append(" · ").append(AnsiHtml.escape(t.system()))
                .append(" · ").append(AnsiHtml.escape(t.date())).append("</div>\n");
        sb.append("<div class=\"verified\">verified on ").append(AnsiHtml.escape(String.join(" and ", all.stream().map(x -> "Nix " + x.nixVersion() + " (" + x.date().split(" ")[0] + ")").toList())))
                .append("</div>\n");
        String mine = redactions.apply(t.output()).text();
        for (Transcript other : all.subList(1, all.size())) {
            if (redactions.apply(other.output()).text().equals(mine)) continue;
            sb.append("<details class=\"other-nix\"><summary>On Nix ").append(AnsiHtml.escape(other.nixVersion())).append(" this reads</summary>")
                    .append("<pre class=\"console\">").append(console(other)).append("</pre></details>\n");
        }
        if (problem != null) sb.append("<div class=\"run-error\">").append(AnsiHtml.escape(problem)).append("</div>\n");
        sb.append("</div>\n");
        return sb.toString();
    }
}
