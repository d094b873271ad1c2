package site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nixpylab.AtomicFile;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.Placement;
import org.asciidoctor.SafeMode;

/**
 * Renders chapters/*.adoc into a static site with one Asciidoctor instance (JRuby starts once):
 * chapter pages with navigation, an index, one stylesheet, no remote assets.
 */
public final class SiteRenderer {
    public record Result(List<Path> pages, List<String> errors, Duration startup, Duration total) {}

    private SiteRenderer() {}

    static String title(Path adoc) {
        try (Stream<String> lines = Files.lines(adoc)) {
            return lines.filter(l -> l.startsWith("= ")).findFirst().map(l -> l.substring(2).strip()).orElse(adoc.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param session null for a plain conversion without the run:: extension (the benchmark's baseline);
     *                chapters then show the directives' fallback text.
     */
    public static Result render(Path chaptersDir, Path out, RenderSession session) {
        long t0 = System.nanoTime();
        List<Path> chapters = Chapters.list(chaptersDir);
        List<NavPostprocessor.Page> pages = new ArrayList<>();
        for (Path c : chapters) pages.add(new NavPostprocessor.Page(Chapters.name(c), title(c)));
        List<Path> written = new ArrayList<>();
        try (Asciidoctor asciidoctor = Asciidoctor.Factory.create()) {
            if (session != null) {
                asciidoctor.javaExtensionRegistry().blockMacro(new RunMacro(session));
                asciidoctor.javaExtensionRegistry().blockMacro(new NixFileMacro(session));
                asciidoctor.javaExtensionRegistry().blockMacro(new VideoFileMacro(session));
                asciidoctor.javaExtensionRegistry().blockMacro(new PictureMacro(session));
                Path exercisesDir = chaptersDir.getParent().resolve("exercises");
                workshop.Catalog catalog = Files.isDirectory(exercisesDir) ? workshop.Catalog.load(exercisesDir) : null;
                asciidoctor.javaExtensionRegistry().blockMacro(new ExerciseMacro("exercise", catalog, session::error));
                asciidoctor.javaExtensionRegistry().blockMacro(new ExerciseMacro("exercises", catalog, session::error));
            }
            List<String> errors = session == null ? new ArrayList<>() : session.errors();
            HowMarks marks = new HowMarks();
            asciidoctor.javaExtensionRegistry().preprocessor(marks);
            asciidoctor.javaExtensionRegistry().inlineMacro(new HowMacro(marks, errors::add));
            asciidoctor.javaExtensionRegistry().postprocessor(new NavPostprocessor(pages));
            Duration startup = Duration.ofNanos(System.nanoTime() - t0);
            Files.createDirectories(out);
            AtomicFile.write(out.resolve("site.css"), Stylesheet.CSS);
            for (Path c : chapters) {
                asciidoctor.convertFile(c.toFile(), options(out));
                written.add(out.resolve(Chapters.name(c) + ".html"));
            }
            Path repo = chaptersDir.getParent();
            List<NavPostprocessor.Page> reference = new ArrayList<>();
            for (Reference r : references(repo)) {
                asciidoctor.convert(Files.readString(r.source()) .replaceFirst("\n", "\n:docname: " + r.name() + "\n"), optionsFor(out, r.name() + ".html"));
                written.add(out.resolve(r.name() + ".html"));
                reference.add(new NavPostprocessor.Page(r.name(), title(r.source())));
            }
            if (Files.isRegularFile(repo.resolve(ClaimsLedger.RULES))) {
                ClaimsLedger ledger = ClaimsLedger.of(repo);
                asciidoctor.convert(EvidencePage.adoc(repo, ledger.claims(repo), new EvidenceCheck(repo)), optionsFor(out, EvidencePage.NAME + ".html"));
                written.add(out.resolve(EvidencePage.NAME + ".html"));
                reference.add(new NavPostprocessor.Page(EvidencePage.NAME, EvidencePage.TITLE));
            }
            asciidoctor.convert(indexAdoc(pages, reference), optionsFor(out, "index.html"));
            written.add(out.resolve("index.html"));
            for (Path p : written) {
                String html = Files.readString(p).replaceAll("(?s)<code>.*?</code>", "");
                Matcher m = UNRENDERED_MARK.matcher(html);
                if (m.find()) errors.add(p.getFileName() + ": a mark was not rendered (Asciidoctor's quotes or replacements reached into it): " + m.group());
            }
            return new Result(written, errors, startup, Duration.ofNanos(System.nanoTime() - t0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Attributes attributes() {
        return Attributes.builder()
                .sourceHighlighter("rouge")
                .attribute("rouge-css", "style")
                .attribute("rouge-style", "github")
                .linkCss(true)
                .styleSheetName("site.css")
                .copyCss(false)
                .attribute("webfonts!", "")
                .tableOfContents(Placement.LEFT)
                .sectionNumbers(false)
                .attribute("nofooter", "")
                .attribute("outfilesuffix", ".html")
                .build();
    }

    private static Options options(Path out) {
        return Options.builder().safe(SafeMode.UNSAFE).toDir(out.toFile()).mkDirs(true).standalone(true).attributes(attributes()).build();
    }

    private static Options optionsFor(Path out, String file) {
        return Options.builder().safe(SafeMode.UNSAFE).toFile(out.resolve(file).toFile()).mkDirs(true).standalone(true).attributes(attributes()).build();
    }

    /** A page of the site that is not a chapter: README and the documents under docs/, each as NAME.html. */
    record Reference(String name, Path source) {}

    private static final Pattern UNRENDERED_MARK = Pattern.compile("how:(?:block|capture|source|toolkit|video|m)\\[[^\\]]{0,60}");

    static List<Reference> references(Path repo) throws IOException {
        List<Reference> out = new ArrayList<>();
        if (Files.isRegularFile(repo.resolve("README.adoc"))) out.add(new Reference("readme", repo.resolve("README.adoc")));
        Path docs = repo.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> s = Files.list(docs)) {
                for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".adoc")).sorted().toList()) out.add(new Reference(Chapters.name(p), p));
            }
        }
        return out;
    }

    static String indexAdoc(List<NavPostprocessor.Page> pages, List<NavPostprocessor.Page> reference) {
        StringBuilder sb = new StringBuilder("= NixPy Lab: compiling CPython properly with a Nix derivation\n:docname: index\n\n");
        sb.append("A hands-on tutorial: every terminal block in these chapters is the real output of running the step scripts, ")
                .append("with the Nix version, profile and date under it.\n\n== Chapters\n\n");
        for (NavPostprocessor.Page p : pages) sb.append(". link:").append(p.name()).append(".html[").append(p.title().replace("]", "\\]")).append("]\n");
        if (!reference.isEmpty()) sb.append("\n== Reference\n\n");
        for (NavPostprocessor.Page p : reference) sb.append("* link:").append(p.name()).append(".html[").append(p.title().replace("]", "\\]")).append("]\n");
        return sb.toString();
    }
}
