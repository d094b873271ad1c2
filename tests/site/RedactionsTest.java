package site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import testkit.ScriptRun;

/**
 * Each rule of scripts/site/redactions.tsv on a pair of real outputs (tests/captures/pairs/RULE.txt):
 * with every rule the two read the same, without this one they do not, so each rule is needed and
 * does its part. And the pairs that must stay different (stays-*.txt): behaviour the rules must not hide.
 */
class RedactionsTest {
    static final Path PAIRS = ScriptRun.REPO.resolve("tests/captures/pairs");

    record Pair(String a, String b) {}

    static Pair pair(Path file) throws IOException {
        String text = Files.readString(file);
        int a = text.indexOf("--- a\n"), b = text.indexOf("--- b\n");
        assertTrue(a >= 0 && b > a, file + " has --- a and --- b");
        return new Pair(text.substring(a + 6, b), text.substring(b + 6));
    }

    @Test
    void everyRuleIsNeededOnItsPairOfRealOutputs() throws IOException {
        Redactions all = Redactions.standard();
        for (Redactions.Rule rule : all.rules()) {
            Path file = PAIRS.resolve(rule.name() + ".txt");
            assertTrue(Files.exists(file), "rule " + rule.name() + " has a pair of real outputs in " + file);
            Pair p = pair(file);
            assertNotEquals(p.a(), p.b(), rule.name() + ": the pair differs before normalisation");
            assertEquals(all.apply(p.a()).text(), all.apply(p.b()).text(), rule.name() + ": with every rule the two read the same");
            Redactions less = all.without(rule.name());
            assertNotEquals(less.apply(p.a()).text(), less.apply(p.b()).text(), rule.name() + ": without it they differ (the rule is needed)");
            assertTrue(all.apply(p.a()).applied().contains(rule.name()), rule.name() + " is reported as applied");
        }
    }

    @Test
    void behaviourIsNeverRedactedAway() throws IOException {
        List<Path> stays;
        try (var s = Files.list(PAIRS)) {
            stays = s.filter(f -> f.getFileName().toString().startsWith("stays-")).sorted().toList();
        }
        assertTrue(stays.size() >= 3, "pairs that must stay different: " + stays);
        for (Path f : stays) {
            Pair p = pair(f);
            assertNotEquals(Redactions.standard().apply(p.a()).text(), Redactions.standard().apply(p.b()).text(), f.getFileName() + " must stay different");
            Drift d = Drift.between(p.a(), p.b(), Redactions.standard());
            assertTrue(d instanceof Drift.Changed, f.getFileName() + ": a check reports it changed, not " + d);
        }
    }

    @Test
    void aBlockThatDiffersOnlyInVolatilePartsNamesThem() throws IOException {
        Pair p = pair(PAIRS.resolve("store-hash.txt"));
        Drift d = Drift.between(p.a(), p.b(), Redactions.standard());
        assertEquals(new Drift.VolatileOnly(List.of("store-hash")), d);
    }
}
