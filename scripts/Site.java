///usr/bin/env jbang "$0" "$@" ; exit $?
//SOURCES nixpylab/Toolkit.java
//DEPS org.asciidoctor:asciidoctorj:3.0.1
//SOURCES site/*.java

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import site.RenderSession;
import site.SiteRenderer;
import site.StepRecorder;
import terminal.Cli;

@Command(name = "Site", mixinStandardHelpOptions = true, version = Cli.VERSION,
        description = "Renders chapters/*.adoc into build/site/, running the step scripts the chapters name (or re-using their transcripts).")
public class Site implements Callable<Integer> {
    @Option(names = "--refresh", description = "Run every step again instead of re-using transcripts.")
    boolean refresh;

    @Option(names = "--chapters", description = "Chapter sources (default: ${DEFAULT-VALUE}).", defaultValue = "chapters")
    Path chapters;

    @Option(names = "--out", description = "Where the site goes (default: ${DEFAULT-VALUE}).", defaultValue = "build/site")
    Path out;

    @Option(names = "--transcripts", description = "Where transcripts are kept (default: ${DEFAULT-VALUE}).", defaultValue = "build/transcripts")
    Path transcripts;

    @Option(names = "--workdir", description = "The chapters' workspace, relative to the repository (default: ${DEFAULT-VALUE}).", defaultValue = "build/lab")
    String workdir;

    @Option(names = "--plain", description = "Convert without the run:: extension (a baseline for timing; the site shows no output).")
    boolean plain;

    public static void main(String[] args) {
        System.exit(Cli.execute(new Site(), args));
    }

    @Override
    public Integer call() {
        Path repo = Path.of("").toAbsolutePath();
        RenderSession session = plain ? null : new RenderSession(new StepRecorder(repo, transcripts.toAbsolutePath(), refresh, line -> System.err.println("[site] " + line)), repo, workdir);
        SiteRenderer.Result r = SiteRenderer.render(chapters.toAbsolutePath(), out.toAbsolutePath(), session);
        System.err.printf("rendered %d pages into %s in %.1f s (Asciidoctor start %.1f s); steps run %d, from transcripts %d%n",
                r.pages().size(), out, r.total().toMillis() / 1000.0, r.startup().toMillis() / 1000.0, r.runs(), r.reused());
        for (String e : r.errors()) System.err.println("error: " + e);
        if (!r.errors().isEmpty()) {
            System.err.println("next: the site would show a broken tutorial; fix the chapter or the step, then render again.");
            return 1;
        }
        System.out.println(out.resolve("index.html"));
        return 0;
    }
}
