package site;

import java.util.List;
import java.util.regex.Matcher;
import org.asciidoctor.ast.Document;
import org.asciidoctor.extension.Postprocessor;

/** Adds previous / contents / next links to each chapter page, and the copy-button script. */
public final class NavPostprocessor extends Postprocessor {
    /** A chapter: its page name (without .html) and its title. */
    public record Page(String name, String title) {}

    static final String COPY_SCRIPT = "<script>document.addEventListener('click',function(e){var b=e.target.closest&&e.target.closest('button.copy');"
            + "if(!b)return;var t=b.getAttribute('data-copy');var done=function(){b.textContent='copied';setTimeout(function(){b.textContent='copy';},1500);};"
            + "if(navigator.clipboard&&navigator.clipboard.writeText){navigator.clipboard.writeText(t).then(done,function(){});}"
            + "else{var a=document.createElement('textarea');a.value=t;document.body.appendChild(a);a.select();try{document.execCommand('copy');done();}catch(x){}a.remove();}});</script>";

    private final List<Page> pages;

    public NavPostprocessor(List<Page> pages) {
        this.pages = pages;
    }

    @Override
    public String process(Document document, String output) {
        Object docname = document.getAttribute("docname");
        int i = -1;
        for (int k = 0; k < pages.size(); k++) if (pages.get(k).name().equals(docname)) i = k;
        if (i < 0 && "index".equals(docname)) return output.replace("</body>", COPY_SCRIPT + "\n</body>");
        if (i < 0) {
            String home = "<nav class=\"chapter-nav\" aria-label=\"Contents\"><span class=\"prev\"></span><a class=\"home\" href=\"index.html\">Contents</a><span class=\"next\"></span></nav>";
            return output.replaceFirst("(<body[^>]*>)", "$1\n" + Matcher.quoteReplacement(home)).replace("</body>", COPY_SCRIPT + "\n</body>");
        }
        String skip = "<a class=\"skip\" href=\"#content\">Skip to the text</a>";
        String out = output.replaceFirst("(<body[^>]*>)", "$1\n" + Matcher.quoteReplacement(skip + "\n" + nav(i, "Chapters (top)")));
        return out.replace("</body>", nav(i, "Chapters (bottom)") + "\n" + COPY_SCRIPT + "\n</body>");
    }

    private String nav(int i, String label) {
        StringBuilder sb = new StringBuilder("<nav class=\"chapter-nav\" aria-label=\"" + label + "\">");
        sb.append(i > 0 ? link(pages.get(i - 1), "prev", "← " + AnsiHtml.escape(pages.get(i - 1).title())) : "<span class=\"prev\"></span>");
        sb.append("<a class=\"home\" href=\"index.html\">Contents</a>");
        sb.append(i + 1 < pages.size() ? link(pages.get(i + 1), "next", AnsiHtml.escape(pages.get(i + 1).title()) + " →") : "<span class=\"next\"></span>");
        return sb.append("</nav>").toString();
    }

    private static String link(Page p, String cls, String label) {
        return "<a class=\"" + cls + "\" href=\"" + p.name() + ".html\">" + label + "</a>";
    }
}
