package nixpylab.nix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import nixpylab.KeptFile;
import java.util.List;
import nixpylab.Proc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nix's answers about itself are kept for a minute, and only while nothing they depend on changed. */
class KeptAnswersTest {
    static final Duration T = Duration.ofSeconds(10);

    /** A command whose every run answers differently: a kept answer is the only way to see the same one twice. */
    static List<String> fresh(Path counter) {
        return List.of("sh", "-c", "echo x >> " + counter + "; wc -l < " + counter);
    }

    @Test
    void aSecondAskWithinAMinuteIsTheKeptAnswer(@TempDir Path dir) {
        Path counter = dir.resolve("counter");
        Proc.Result first = KeptAnswers.ask(fresh(counter), T, dir.resolve("kept"));
        Proc.Result second = KeptAnswers.ask(fresh(counter), T, dir.resolve("kept"));
        assertEquals("1", first.stdout().strip());
        assertEquals(first.stdout(), second.stdout(), "kept, not asked again");
        assertEquals(0, second.exitCode());
    }

    @Test
    void anAnswerOlderThanAMinuteIsAskedAgain(@TempDir Path dir) throws Exception {
        Path counter = dir.resolve("counter");
        KeptAnswers.ask(fresh(counter), T, dir.resolve("kept"));
        Path kept = new KeptFile(dir.resolve("kept"), KeptAnswers.KEPT).fileFor(KeptAnswers.question(fresh(counter)));
        Files.setLastModifiedTime(kept, FileTime.fromMillis(System.currentTimeMillis() - KeptAnswers.KEPT.toMillis() - 1000));
        assertEquals("2", KeptAnswers.ask(fresh(counter), T, dir.resolve("kept")).stdout().strip());
    }

    @Test
    void aFailureIsNeverKept(@TempDir Path dir) {
        Path counter = dir.resolve("counter");
        List<String> failing = List.of("sh", "-c", "echo x >> " + counter + "; wc -l < " + counter + " >&2; exit 3");
        assertEquals(3, KeptAnswers.ask(failing, T, dir.resolve("kept")).exitCode());
        Proc.Result again = KeptAnswers.ask(failing, T, dir.resolve("kept"));
        assertEquals("2", again.stderr().strip(), "asked again");
    }

    @Test
    void theKeyFollowsTheCommandAndTheNixConfiguration(@TempDir Path dir) {
        assertEquals(KeptAnswers.question(List.of("nix-build", "--version")), KeptAnswers.question(List.of("nix-build", "--version")));
        assertNotEquals(KeptAnswers.question(List.of("nix-build", "--version")), KeptAnswers.question(List.of("nix", "show-config")));
        assertTrue(KeptAnswers.CONF_FILES.contains("/etc/nix/nix.conf") && KeptAnswers.CONF_FILES.contains("/nix/var/nix/daemon-socket/socket"),
                "a changed nix.conf or a restarted daemon is a new key");
    }

    /** A token set in nix.conf or NIX_CONFIG is in nix config show's answer; it is never kept, and NIX_* values are in the question only as a digest. */
    @org.junit.jupiter.api.Test
    void secretsAreNeverKept() {
        String shown = "access-tokens = github.com=ghp_secret\nbuild-users-group = nixbld\nnetrc-password = hunter2\nsecret-key-files = /k\n";
        String kept = KeptAnswers.withoutSecrets(shown);
        org.junit.jupiter.api.Assertions.assertFalse(kept.contains("ghp_secret") || kept.contains("hunter2"), kept);
        org.junit.jupiter.api.Assertions.assertTrue(kept.contains("build-users-group = nixbld\n") && kept.contains("access-tokens = «not kept»"), kept);
    }
}
