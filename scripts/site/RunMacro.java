package site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import nixpylab.Proc;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.BlockMacroProcessor;
import org.asciidoctor.extension.Name;

/**
 * {@code run::Script[args="…", expect=fail, exit=102, why="…"]}: shows the Nix commands the step ran as a
 * learner types them (first, copyable), then the step's command and its real output from
 * the block's transcript (recorded before conversion), the newest Nix's, with the versions it was
 * verified on and, where another version's output differs in more than volatile parts, that one
 * too. A step expected to fail that succeeds, or one expected to succeed that fails, fails the render;
 * {@code why} says under "Expected to fail" what the failure is.
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
            Optional<String> p = b.problemWith(t.exitCode());
            if (p.isPresent()) {
                problem = p.get() + " (Nix " + t.nixVersion() + ")";
                session.error(page + ": " + String.join(" ", t.command()) + ": " + problem);
            }
        }
        b.versionProblem(ts.stream().map(Transcript::nixVersion).toList(), session.versions()).ifPresent(p -> session.error(page + ": " + p));
        Object why = attributes.get("why");
        String html = html(shown, b.expectFail(), why == null ? null : String.valueOf(why), problem, ts, session.redactions(), TypedCommands.of(shown, b.workspace()), b.workspace());
        Object nixWhy = attributes.get("nixwhy");
        String who = who(b, ts, nixWhy == null ? null : String.valueOf(nixWhy));
        return createBlock(parent, "pass", notes(session.unsaidNotes(page, shown).stream().filter(n -> !(b.asLearner() && n.contains("through the Nix daemon as " + OrdinaryUser.NAME)))
                        .filter(n -> !n.startsWith(RoomServing.NOTE)).toList(), shown.nixVersion())
                + html.replaceFirst("<div ", "<div id=\"" + b.anchor() + "\" ").replaceFirst("(<div [^>]*class=\"listingblock[^>]*>\n)", "$1" + Matcher.quoteReplacement(who)));
    }

    /** What the page says above a block that ran on one Nix version only, or as an ordinary user through the daemon. */
    static String who(RunBlock b, List<Transcript> ts, String nixWhy) {
        StringBuilder sb = new StringBuilder();
        if (b.nix() != null) {
            sb.append("<div class=\"one-version\">Recorded on Nix ").append(AnsiHtml.escape(ts.isEmpty() ? b.nix() : ts.get(0).nixVersion())).append(" only")
                    .append(nixWhy == null ? ": the other Nix these pages show does not run it." : ": " + AnsiHtml.escape(nixWhy)).append("</div>\n");
        }
        if (b.asLearner()) {
            // this says what the step's own note would say (through the daemon, not trusted), so that note is not boxed again
            sb.append("<div class=\"as-user\">Run as ").append(OrdinaryUser.NAME)
                    .append(", an ordinary user (not root, not a trusted user), through the Nix daemon (NIX_REMOTE=daemon), as a learner on a multi-user install runs it.</div>\n");
        }
        if (b.servesRoom()) {
            // the room's server ran beside the block: which command, and what it served, from the transcript shown
            String served = ts.isEmpty() ? "" : ts.get(0).notes().stream().filter(n -> n.startsWith(RoomServing.NOTE)).findFirst().map(n -> n.substring(RoomServing.NOTE.length())).orElse("");
            sb.append("<div class=\"served-room\">While this ran, the workshop room ").append(AnsiHtml.escape(b.serve()))
                    .append("/ was served on this machine's loopback").append(served.isEmpty() ? "" : " by <code>" + AnsiHtml.escape(served.replaceFirst(" \\(served .*", "")) + "</code>")
                    .append(", as an instructor serves it; the URL and key typed here are the ones it printed")
                    .append(served.contains(" (served ") ? " (" + AnsiHtml.escape(served.substring(served.indexOf(" (served ") + 2)) : "").append(".</div>\n");
        }
        return sb.toString();
    }

    /** How the steps ran (the binary cache, the sandbox), said once per page, in one box, above the first block it concerns. */
    static String notes(List<String> notes, String nixVersion) {
        if (notes.isEmpty()) return "";
        StringBuilder sb = new StringBuilder("<div class=\"run-note\"><p>How Nix " + AnsiHtml.escape(nixVersion) + " ran for the recordings shown on this page:</p><ul>");
        for (String n : notes) sb.append("<li>").append(AnsiHtml.escape(n)).append(".</li>");
        sb.append("</ul><p>--option substituters '' is only for this machine, where no binary cache answers: it is greyed in the recorded commands and left out of what you type."
                + " --option extra-sandbox-paths is the bare profile's: every sandboxed build of that file needs the host's /usr and the source's folder, so it stays"
                + " (a user the Nix daemon does not trust has it put in /etc/nix/nix.conf instead). The video's nixpkgs file, which takes its compiler from the store and its source from GitHub, needs no such option.</p></div>\n");
        return sb.toString();
    }

    /** The output of a transcript as terminal lines; options only the recording machine needed are greyed. */
    static String console(Transcript t) {
        StringBuilder sb = new StringBuilder();
        for (Proc.Line l : t.lines()) sb.append("<span class=\"").append(l.stderr() ? "err" : "out").append("\">").append(line(l.text())).append("</span>\n");
        return sb.toString();
    }

    private static String line(String text) {
        if (!text.startsWith("$ ") || !TypedCommands.hasMachineOption(text)) return AnsiHtml.toHtml(text);
        StringBuilder sb = new StringBuilder();
        Matcher m = TypedCommands.MACHINE_OPTION.matcher(text);
        int at = 0;
        while (m.find()) {
            sb.append(AnsiHtml.escape(text.substring(at, m.start()))).append("<span class=\"machine-opt\" title=\"only this machine needed it: no binary cache answers here\">")
                    .append(AnsiHtml.escape(m.group())).append("</span>");
            at = m.end();
        }
        return sb.append(AnsiHtml.escape(text.substring(at))).toString();
    }

    /** What a learner types: the step's Nix commands, first and copyable (nothing when the step ran none that it shows). */
    static String typed(List<String> commands, String workspace, String nixFile, String script) {
        if (commands.isEmpty()) return "";
        String all = String.join("\n", commands);
        StringBuilder sb = new StringBuilder("<div class=\"typed\"><div class=\"typed-label\">Type it yourself, in the folder that holds the file (the toolkit's " + workspace + "/)</div><pre class=\"console\">");
        sb.append("<button class=\"copy\" type=\"button\" data-copy=\"").append(AnsiHtml.escape(all)).append("\">copy</button>");
        for (String c : commands) sb.append("<span class=\"prompt\">$ </span><span class=\"typed-cmd\">").append(AnsiHtml.escape(c)).append("</span>\n");
        sb.append("</pre>");
        List<String> hints = new ArrayList<>();
        if (nixFile != null && all.contains(nixFile)) {
            hints.add("With the video's file (the nixpkgs profile) the file is " + TypedCommands.videoFileName() + (all.contains("extra-sandbox-paths") ? ", and it needs no --option extra-sandbox-paths." : "."));
        }
        if (all.matches("(?s).*/nix/store/\\S+\\.drv.*")) hints.add("The .drv path is this recording's: nix-instantiate on your file prints yours.");
        else if (all.contains("/nix/store/")) hints.add("The store paths are this recording's: use the one your own nix-build printed (readlink result shows it).");
        if (all.contains("--ignore-liveness")) hints.add("The plain --delete is refused while the path is alive (reachable from a root); --ignore-liveness is the video's way, and works only where nix-store opens the store itself"
                + " (root with sudo on a multi-user install, or the owner of a single-user one): through the daemon it is refused to everyone. See the caution on this page.");
        TypedCommands.byHand(script).ifPresent(h -> hints.add("Or let the toolkit wait while you do it and ask Nix whether it is done: " + h + "."));
        if (!hints.isEmpty()) sb.append("<div class=\"typed-hint\">").append(AnsiHtml.escape(String.join(" ", hints))).append("</div>");
        sb.append("</div>\n");
        return sb.toString();
    }

    static String html(Transcript t, boolean expectFail, String why, String problem, List<Transcript> all, Redactions redactions, List<String> typed, String workspace) {
        StringBuilder sb = new StringBuilder();
        String cmd = String.join(" ", t.command());
        sb.append("<div class=\"listingblock run").append(expectFail ? " expected-failure" : "").append(problem != null ? " run-broken" : "").append("\">\n");
        if (expectFail) sb.append("<div class=\"title\">Expected to fail").append(why == null ? "" : ": " + AnsiHtml.escape(why)).append("</div>\n");
        sb.append(typed(typed, workspace, t.nixFileName(), t.command().size() > 1 ? t.command().get(1) : ""));
        sb.append("<div class=\"recorded-label\">").append(typed.isEmpty() ? "The toolkit's step" : "Recorded with the toolkit's step, which runs it and explains what Nix did").append("</div>\n");
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
