package site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nixpylab.Proc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testkit.Captures;

/**
 * The claims ledger: every sentence of the chapters, README and docs/ that states a fact about Nix
 * carries evidence that resolves; and the ledger refuses what a writer would really get wrong (no
 * evidence, a block that does not exist or does not show it, a capture or excerpt that is gone or
 * does not hold the quote, a source newer than the Nix shown, a block cited outside its chapter).
 */
class ClaimsTest {
    @Test
    void everyFactualSentenceOfTheChaptersReadmeAndDocsCarriesEvidenceThatResolves() {
        Path repo = Captures.repo();
        Map<String, List<ClaimsLedger.Claim>> claims = ClaimsLedger.of(repo).claims(repo);
        assertTrue(claims.keySet().containsAll(List.of("chapters/01-derivations.adoc", "README.adoc", "docs/nix-facts.adoc", "docs/claims.adoc")), claims.keySet().toString());
        List<EvidenceCheck.Problem> problems = new EvidenceCheck(repo).check(claims);
        assertTrue(problems.isEmpty(), problems.size() + " problem(s):\n" + problems.stream().map(Object::toString).collect(Collectors.joining("\n")));
        assertEquals(List.of(), new EvidenceCheck(repo).orphans(claims), "excerpts no mark cites");
        long factual = claims.values().stream().flatMap(List::stream).filter(c -> c.kind() == ClaimsLedger.Kind.FACTUAL).count();
        assertTrue(factual > 100, "the ledger finds the chapters' factual sentences (" + factual + ")");
    }

    @Test
    void proseIsReadSentenceBySentenceWithoutListingsHeadingsOrMacros() {
        List<Prose.Sentence> s = Prose.sentences(List.of(
                "= Title", ":description: not prose.", "", "Nix builds in a sandbox. It sees no `/usr`.how:capture[x,\"y. Z\"] Nor does e.g. this split.", "",
                "[source,console]", "----", "nix-build. Not prose.", "----", "", "run::Build[]", "", "* A list item.", "* Another: it holds", "two lines.", "",
                "[.toolkit]", "The toolkit's paragraph.", "", "term:: Its text.", "", "[cols=\"1,2\"]", "|===", "|a |b", "", "|one", "|row.", "|===", "",
                "Ends with a colon:", "Next line."));
        assertEquals(List.of("Nix builds in a sandbox.", "It sees no `/usr`.how:capture[x,\"y. Z\"]", "Nor does e.g. this split.", "A list item.", "Another: it holds two lines.",
                "The toolkit's paragraph.", "Its text.", "one row.", "Ends with a colon:", "Next line."), s.stream().map(Prose.Sentence::text).toList());
        assertEquals(List.of(4, 4, 4, 13, 14, 18, 20, 26, 30, 31), s.stream().map(Prose.Sentence::line).toList());
        assertTrue(s.get(5).toolkitBlock() && !s.get(6).toolkitBlock(), "the role covers its own block only");
    }

    @Test
    void aSentenceIsFactualByItsWordsUnlessItsSubjectIsTheToolkitOrTheVideo() {
        ClaimsLedger l = ClaimsLedger.of(Captures.repo());
        Map<String, ClaimsLedger.Kind> kinds = l.claims("x.adoc", List.of(
                "Nix refuses to delete a live path.",
                "The step deletes the store path.",
                "`Build` prints the store path.",
                "The video deletes the store path with sudo.",
                "Then we go on.",
                "It removes every root.how:toolkit[]",
                "`nix-build` prints the store path.")).stream().collect(Collectors.toMap(ClaimsLedger.Claim::text, ClaimsLedger.Claim::kind));
        assertEquals(ClaimsLedger.Kind.FACTUAL, kinds.get("Nix refuses to delete a live path."));
        assertEquals(ClaimsLedger.Kind.TOOLKIT, kinds.get("The step deletes the store path."));
        assertEquals(ClaimsLedger.Kind.TOOLKIT, kinds.get("`Build` prints the store path."));
        assertEquals(ClaimsLedger.Kind.VIDEO, kinds.get("The video deletes the store path with sudo."));
        assertEquals(ClaimsLedger.Kind.PLAIN, kinds.get("Then we go on."));
        assertEquals(ClaimsLedger.Kind.TOOLKIT, kinds.get("It removes every root.how:toolkit[]"));
        assertEquals(ClaimsLedger.Kind.FACTUAL, kinds.get("`nix-build` prints the store path."), "a Nix command in code is not a toolkit's script");
    }

    @Test
    void theWrongAnswersWritersGiveAreEachAFailureNamingTheSentence(@TempDir Path repo) throws IOException {
        fakeRepository(repo);
        Files.writeString(repo.resolve("chapters/04-build.adoc"), String.join("\n",
                "= Build", "",
                "run::Build[id=first]", "",
                "An output path is named after the hash of its `.drv`.", // no evidence at all
                "Nix prints the store path.how:block[first,\"/nix/store/\"]", // fine
                "Nix prints the path.how:block[second,\"/nix/store/\"]", // no block with that id
                "Nix says it built it.how:block[first,\"built in 2:30\"]", // the block does not show it
                "Nix refuses the delete.how:capture[nix-2.8.0/delete-refused.stderr,\"still alive\"]", // fine
                "Nix refuses the delete.how:capture[nix-2.8.0/gone.stderr,\"still alive\"]", // the capture is gone
                "Nix refuses the delete.how:capture[nix-2.8.0/delete-refused.stderr,\"you are not allowed\"]", // the capture does not hold it
                "The store is read-only.how:source[nix-2.8.0/src/libstore/local-store.cc,\"makeStoreWritable\"]", // fine
                "The store is read-only.how:source[nix-2.40.0/src/libstore/local-store.cc,\"makeStoreWritable\"]", // newer than shown
                "The store is read-only.how:source[nix-2.8.0/src/libstore/gone.cc,\"makeStoreWritable\"]", // no excerpt
                "The store is read-only.how:source[nix-2.8.0/src/libstore/unsourced.cc,\"makeStoreWritable\"]", // excerpt without upstream
                "The store is read-only.how:source[nix-2.8.0/src/libstore/local-store.cc,\"makeStoreReadOnly\"]", // excerpt does not hold it
                "The store is read-only.how:source[nix-2.8.0/src/libstore/local-store.cc]", // no quote
                "The store is read-only.how:proof[x,\"y\"]", // not a kind
                ""));
        Files.writeString(repo.resolve("README.adoc"), "= R\n\nNix prints the store path.how:block[first,\"/nix/store/\"]\n");
        ClaimsLedger ledger = ClaimsLedger.of(repo);
        EvidenceCheck check = new EvidenceCheck(repo);
        List<EvidenceCheck.Problem> problems = check.check(ledger.claims(repo));
        List<String> seen = problems.stream().map(p -> p.where() + " " + p.what()).toList();
        assertEquals("2.34.8", check.newestNix());
        assertContains(seen, "chapters/04-build.adoc:5 a factual sentence with no evidence");
        assertContains(seen, "chapters/04-build.adoc:7 no run:: block of 04-build has id=second");
        assertContains(seen, "chapters/04-build.adoc:8 block first's output on Nix 2.34.8 does not hold «built in 2:30»");
        assertContains(seen, "chapters/04-build.adoc:10 no such capture");
        assertContains(seen, "chapters/04-build.adoc:11 the capture does not hold «you are not allowed»");
        assertContains(seen, "chapters/04-build.adoc:13 Nix 2.40.0 is newer than the newest Nix these pages show (2.34.8)");
        assertContains(seen, "chapters/04-build.adoc:14 no excerpt docs/sources/nix-2.8.0/src/libstore/gone.cc");
        assertContains(seen, "chapters/04-build.adoc:15 the excerpt nix-2.8.0/src/libstore/unsourced.cc does not say where it came from");
        assertContains(seen, "chapters/04-build.adoc:16 the excerpt nix-2.8.0/src/libstore/local-store.cc does not hold «makeStoreReadOnly»");
        assertContains(seen, "chapters/04-build.adoc:17 a mark the ledger cannot read (it quotes nothing");
        assertContains(seen, "chapters/04-build.adoc:18 a mark the ledger cannot read ('proof' is not a kind of evidence");
        assertContains(seen, "README.adoc:3 a recorded block is evidence only in its own chapter");
        assertTrue(seen.stream().noneMatch(p -> p.startsWith("chapters/04-build.adoc:6 ") || p.startsWith("chapters/04-build.adoc:9 ") || p.startsWith("chapters/04-build.adoc:12 ")),
                "the marks that resolve: " + seen);
        assertEquals(14, problems.size(), seen.toString());
        assertTrue(problems.get(0).toString().contains("«An output path is named after the hash of its `.drv`.»"), "the sentence is named: " + problems.get(0));
    }

    @Test
    void aBlockMarkMayNameTheOneVersionThatShowsIt(@TempDir Path repo) throws IOException {
        fakeRepository(repo);
        Files.writeString(repo.resolve("chapters/04-build.adoc"), String.join("\n", "= Build", "", "run::Build[id=first]", "",
                "Nix 2.8 says so.how:block[first,\"only on 2.8\",nix=2.8]", "Nix 2.34 does not.how:block[first,\"only on 2.8\"]", ""));
        List<String> seen = new EvidenceCheck(repo).check(ClaimsLedger.of(repo).claims(repo)).stream().map(p -> p.where() + " " + p.what()).toList();
        assertEquals(1, seen.size(), seen.toString());
        assertContains(seen, "chapters/04-build.adoc:6 block first's output on Nix 2.34.8 does not hold «only on 2.8» (nix=VERSION names the one that does)");
    }

    @Test
    void aMarkShownAsTextIsNotEvidence() {
        assertEquals(List.of(), Evidence.in("Write `+how:block[ID,\"quote\"]+` after the sentence."));
        assertEquals(1, Evidence.in("Nix does.how:capture[a,\"b\"]").size());
    }

    private static void assertContains(List<String> seen, String prefix) {
        assertTrue(seen.stream().anyMatch(s -> s.startsWith(prefix)), "expected «" + prefix + "» among:\n" + String.join("\n", seen));
    }

    /** A repository with the ledger's rules, one chapter's recorded block on two Nix versions, a capture and source excerpts. */
    private static void fakeRepository(Path repo) throws IOException {
        Files.createDirectories(repo.resolve("docs/sources/nix-2.8.0/src/libstore"));
        Files.copy(Captures.repo().resolve(ClaimsLedger.RULES), repo.resolve(ClaimsLedger.RULES));
        Files.writeString(repo.resolve("docs/sources/nix-2.8.0/src/libstore/local-store.cc"),
                "// source: Nix 2.8.0, src/libstore/local-store.cc, lines 1-2\n// upstream: https://example.invalid/nix/2.8.0/local-store.cc\n\nvoid LocalStore::makeStoreWritable()\n{\n");
        Files.writeString(repo.resolve("docs/sources/nix-2.8.0/src/libstore/unsourced.cc"), "// source: somewhere\n\nmakeStoreWritable\n");
        Files.createDirectories(repo.resolve("tests/captures/nix-2.8.0"));
        Files.writeString(repo.resolve("tests/captures/nix-2.8.0/delete-refused.stderr"), "error: Cannot delete path '/nix/store/x' since it is still alive.\n");
        Files.createDirectories(repo.resolve("chapters"));
        Files.writeString(repo.resolve("README.adoc"), "= R\n");
        Files.writeString(repo.resolve("chapters/04-build.adoc"), "= Build\n\nrun::Build[id=first]\n");
        TranscriptStore store = new TranscriptStore(repo.resolve("chapters/transcripts"));
        RunBlock b = Chapters.blocks(repo.resolve("chapters/04-build.adoc")).get(0);
        for (String v : List.of("2.8.0", "2.34.8")) {
            store.save(b, new Transcript("04-build", 1, List.of("./jbang", "scripts/Build.java"), 0, "k", v, "x86_64-linux", "false", "bare", "2026-11-30 01:12 UTC", 1, "",
                    List.of(), List.of(new Proc.Line(false, "/nix/store/9rg0mpb1xiwddjc38c9hifwg3myni68l-chrism-py311"), new Proc.Line(true, v.equals("2.8.0") ? "only on 2.8" : "")),
                    "", ""));
        }
    }
}
