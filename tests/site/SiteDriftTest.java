package site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import nixpylab.Proc;
import nixpylab.nix.NixVersion;
import org.junit.jupiter.api.Test;
import testkit.OnNix;
import testkit.ScriptRun;

/**
 * The drift check on the chapters that build no CPython (the fake hash and the postPatch): every
 * block run again on this Nix and compared with its committed transcript must be the same, or
 * differ only in volatile parts. (The whole check, CPython builds included, is
 * {@code ./jbang scripts/Site.java --check}; README says how long it takes.)
 */
@OnNix
class SiteDriftTest {
    @Test
    void theFirstChaptersOutputHasNotDrifted() {
        // as a writer runs it: with this machine's own source folder, as the transcripts were recorded (not the tests' own, which
        // the steps would name in their sandbox openings)
        Proc.Result r = ScriptRun.run("Site", Duration.ofMinutes(20), List.<String[]>of(new String[] {"NIXPY_SOURCES", ""}),
                "--check", "--through", "03-postpatch", "--workdir", ScriptRun.REPO.resolve("tests/work/site-drift").toString());
        assertEquals(0, r.exitCode(), ScriptRun.describe(r));
        String v = NixVersion.installed().text();
        assertTrue(r.stderr().contains("on Nix " + v), r.stderr());
        for (String block : new String[] {"02-fake-hash #1 FetchFakeHash --no-fix", "02-fake-hash #2 FetchFakeHash --predict", "02-fake-hash #3 Prefetch --explain", "03-postpatch #1 PostPatch"}) {
            assertTrue(r.stdout().contains(block + ": same") || r.stdout().contains(block + ": differs only in volatile parts"), block + ":\n" + r.stdout());
        }
    }
}
