package site;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nixpylab.Proc;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.BlockMacroProcessor;
import org.asciidoctor.extension.Name;

/**
 * {@code run::Script[args="…", expect=fail, exit=102]}: runs scripts/Script.java against the
 * chapter's workspace (or re-uses its transcript) and shows the command and its real output.
 * A step expected to fail that succeeds, or one expected to succeed that fails, fails the render.
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
        Path ws = session.workspace(parent.getDocument().getAttribute("nixpylab-workspace"));
        Object a = attributes.get("args");
        List<String> args = a == null || a.toString().isBlank() ? List.of() : Arrays.asList(a.toString().trim().split("\\s+"));
        String expect = String.valueOf(attributes.getOrDefault("expect", "ok"));
        Integer exit = attributes.containsKey("exit") ? Integer.valueOf(attributes.get("exit").toString()) : null;
        StepRecorder.Recorded rec;
        try {
            rec = session.recorder().record(ws, target, args);
        } catch (nixpylab.UserError e) {
            session.error(parent.getDocument().getAttribute("docname") + ": " + e.getMessage());
            return createBlock(parent, "pass", "<div class=\"run-error\">" + AnsiHtml.escape(e.getMessage()) + "</div>");
        }
        Transcript t = rec.transcript();
        session.remember(ws, t);
        boolean expectFail = expect.equals("fail");
        String problem = null;
        if (exit != null && t.exitCode() != exit) problem = "expected exit code " + exit + ", got " + t.exitCode();
        else if (expectFail && t.exitCode() == 0) problem = "expected this step to fail, but it succeeded";
        else if (!expectFail && t.exitCode() != 0) problem = "this step must succeed, but it exited with " + t.exitCode();
        if (problem != null) session.error(parent.getDocument().getAttribute("docname") + ": " + String.join(" ", t.command()) + ": " + problem);
        return createBlock(parent, "pass", notes(session.unsaidNotes(parent.getDocument().getAttribute("docname"), t)) + html(t, expectFail, problem, rec.ranNow()));
    }

    /** How the steps ran (the binary cache), said once per page above the first block it concerns. */
    static String notes(List<String> notes) {
        StringBuilder sb = new StringBuilder();
        for (String n : notes) sb.append("<div class=\"run-note\">Nix on the machine these pages were made on: ").append(AnsiHtml.escape(n)).append(".</div>\n");
        return sb.toString();
    }

    static String html(Transcript t, boolean expectFail, String problem, boolean ranNow) {
        StringBuilder sb = new StringBuilder();
        String cmd = String.join(" ", t.command());
        sb.append("<div class=\"listingblock run").append(expectFail ? " expected-failure" : "").append(problem != null ? " run-broken" : "").append("\">\n");
        if (expectFail) sb.append("<div class=\"title\">Expected to fail: this is the error the tutorial is about</div>\n");
        sb.append("<div class=\"content\"><pre class=\"console\"><span class=\"prompt\">$ </span><span class=\"cmd\">").append(AnsiHtml.escape(cmd))
                .append("</span><button class=\"copy\" type=\"button\" data-copy=\"").append(AnsiHtml.escape(cmd)).append("\">copy</button>\n");
        for (Proc.Line l : t.lines()) {
            sb.append("<span class=\"").append(l.stderr() ? "err" : "out").append("\">").append(AnsiHtml.toHtml(l.text())).append("</span>\n");
        }
        sb.append("</pre></div>\n");
        sb.append("<div class=\"provenance\">exit code <span class=\"exit\">").append(t.exitCode()).append("</span>")
                .append(expectFail ? " (expected failure)" : "")
                .append(" · ").append(String.format("%.1f s", t.wallMillis() / 1000.0))
                .append(" · profile ").append(AnsiHtml.escape(t.profile()))
                .append(" · Nix ").append(AnsiHtml.escape(t.nixVersion()))
                .append(" · ").append(AnsiHtml.escape(t.system()))
                .append(" · ").append(AnsiHtml.escape(t.date()))
                .append(ranNow ? "" : " · from transcript").append("</div>\n");
        if (problem != null) sb.append("<div class=\"run-error\">").append(AnsiHtml.escape(problem)).append("</div>\n");
        sb.append("</div>\n");
        return sb.toString();
    }
}
