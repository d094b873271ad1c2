///usr/bin/env jbang "$0" "$@" ; exit $?
//SOURCES nixpylab/Toolkit.java
//DEPS org.asciidoctor:asciidoctorj:3.0.1
//SOURCES site/*.java
//FILES site/redactions.tsv=site/redactions.tsv

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import java.util.List;
import java.util.Map;
import site.Chapters;
import site.ClaimsLedger;
import site.EvidenceCheck;
import site.Drift;
import site.Redactions;
import site.RenderSession;
import site.RunBlock;
import site.SiteRenderer;
import site.StepRecorder;
import site.TranscriptStore;
import terminal.Cli;
import terminal.NixChoice;

@Command(name = "Site", mixinStandardHelpOptions = true, version = Cli.VERSION,
        description = {"Renders the chapters into the tutorial site.",
                "Renders chapters/*.adoc into build/site/ from the transcripts recorded next to them (chapters/transcripts/), with no Nix needed;",
                "a block whose inputs changed, or that has no transcript, runs (with its workspace's chain) on this machine's Nix and is recorded.",
                "--check runs every block again and compares it with its transcript, telling drift from noise."},
        exitCodeList = {"0:Rendered (or, with --check, every block the same or different only in volatile parts).",
                "1:A chapter shows a broken tutorial, a transcript is missing or was edited by hand, or (--check) a block's output changed."})
public class Site implements Callable<Integer> {
    @Option(names = "--refresh", description = "Run every block again on this machine's Nix and record it.")
    boolean refresh;

    @Option(names = "--check", description = "Run every block again (of the chapters up to --through) and compare its output with the recorded transcript: same, different only in volatile parts, or changed.")
    boolean check;

    @Option(names = "--through", paramLabel = "CHAPTER", description = "With --check: only the chapters up to this one (e.g. 03-postpatch; each workspace's chain starts at its first block).")
    String through;

    @Option(names = "--chapters", description = "Chapter sources (default: ${DEFAULT-VALUE}).", defaultValue = "chapters")
    Path chapters;

    @Option(names = "--out", description = "Where the site goes (default: ${DEFAULT-VALUE}).", defaultValue = "build/site")
    Path out;

    @Option(names = "--transcripts", description = "Where transcripts are kept (default: CHAPTERS/transcripts).")
    Path transcripts;

    @Option(names = "--workdir", description = "Where the blocks' workspaces are made when they run, one folder per Nix version (default: ${DEFAULT-VALUE}).", defaultValue = "build/site-work")
    Path workdir;

    @Option(names = "--plain", description = "Convert without the run:: extension (a baseline for timing; the site shows no output).")
    boolean plain;

    @Option(names = "--claims", description = "Print the claims ledger (docs/claims.adoc): each file's factual sentences, how many carry evidence, and each sentence or mark that fails.")
    boolean claims;

    @Mixin
    NixChoice nix;

    public static void main(String[] args) {
        System.exit(Cli.execute(new Site(), args));
    }

    @Override
    public Integer call() {
        Path repo = Cli.repository(Path.of("").toAbsolutePath());
        if (claims) return claims(repo);
        Path chaptersDir = chapters.toAbsolutePath();
        TranscriptStore store = new TranscriptStore(transcripts == null ? chaptersDir.resolve("transcripts") : transcripts.toAbsolutePath());
        StepRecorder recorder = new StepRecorder(repo, store, workdir.toAbsolutePath(), refresh, line -> System.err.println("[site] " + line));
        Map<String, List<RunBlock>> chains = Chapters.chains(chaptersDir);
        if (check) return check(recorder, chains, repo);
        long t0 = System.nanoTime();
        RenderSession session = plain ? null : new RenderSession(recorder.prepare(chains), Redactions.standard());
        SiteRenderer.Result r = SiteRenderer.render(chaptersDir, out.toAbsolutePath(), session);
        System.err.printf("rendered %d pages into %s in %.1f s (Asciidoctor start %.1f s, the whole command %.1f s); blocks run %d, from transcripts %d%n",
                r.pages().size(), out, r.total().toMillis() / 1000.0, r.startup().toMillis() / 1000.0, (System.nanoTime() - t0) / 1e9, recorder.runs(), recorder.reused());
        for (String e : r.errors()) System.err.println("error: " + e);
        if (!r.errors().isEmpty()) {
            System.err.println("next: the site would show a broken tutorial; fix the chapter or the step, then render again.");
            return 1;
        }
        System.out.println(out.resolve("index.html"));
        return 0;
    }

    private int claims(Path repo) {
        Map<String, List<ClaimsLedger.Claim>> all = ClaimsLedger.of(repo).claims(repo);
        List<EvidenceCheck.Problem> problems = new EvidenceCheck(repo).check(all);
        long factual = 0, evidenced = 0;
        for (Map.Entry<String, List<ClaimsLedger.Claim>> f : all.entrySet()) {
            long fa = f.getValue().stream().filter(c -> c.kind() == ClaimsLedger.Kind.FACTUAL).count();
            long ev = f.getValue().stream().filter(c -> c.kind() == ClaimsLedger.Kind.FACTUAL && c.evidenced()).count();
            long tk = f.getValue().stream().filter(c -> c.kind() == ClaimsLedger.Kind.TOOLKIT).count();
            long vi = f.getValue().stream().filter(c -> c.kind() == ClaimsLedger.Kind.VIDEO).count();
            System.out.printf("%-36s %3d factual, %3d with evidence (%d sentences in all; %d the toolkit's, %d the video's)%n", f.getKey(), fa, ev, f.getValue().size(), tk, vi);
            factual += fa;
            evidenced += ev;
        }
        System.out.printf("%-36s %3d factual, %3d with evidence%n", "all", factual, evidenced);
        for (EvidenceCheck.Problem p : problems) System.out.println(p);
        if (problems.isEmpty()) return 0;
        System.err.println(problems.size() + " problem(s). next: give each factual sentence its evidence, or fix the mark; the rule is " + ClaimsLedger.RULES + ".");
        return 1;
    }

    private int check(StepRecorder recorder, Map<String, List<RunBlock>> chains, Path repo) {
        long t0 = System.nanoTime();
        TranscriptStore now = new TranscriptStore(repo.resolve("build/check-transcripts"));
        List<StepRecorder.Checked> results = recorder.check(chains, through, now, Redactions.standard());
        int bad = 0;
        for (StepRecorder.Checked c : results) {
            String verdict;
            if (c.drift() instanceof Drift.Same) verdict = "same";
            else if (c.drift() instanceof Drift.VolatileOnly v) verdict = "differs only in volatile parts (" + String.join(", ", v.parts()) + ")";
            else verdict = "CHANGED";
            if (c.problem().isPresent()) verdict += "; " + c.problem().get();
            System.out.println(c.block().label() + ": " + verdict);
            if (c.drift() instanceof Drift.Changed ch) for (String l : ch.diff().split("\n")) System.out.println("    " + l);
            if (c.drift() instanceof Drift.Changed || c.problem().isPresent()) bad++;
        }
        System.err.printf("checked %d blocks in %.0f s: %d changed or broken; this run's transcripts are in %s%n", results.size(), (System.nanoTime() - t0) / 1e9, bad,
                repo.relativize(now.dir()));
        if (bad > 0) {
            System.err.println("next: if the change is intended, record it with ./jbang scripts/Site.java --refresh (and --nix current for the current Nix); else fix the step.");
            return 1;
        }
        return 0;
    }
}
