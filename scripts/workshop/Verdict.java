package workshop;

import java.time.Duration;
import java.util.List;

/**
 * What a check found, in the learner's terms: passed or not, one sentence saying what is wrong
 * (or right), and the evidence (the commands it ran and what they showed).
 */
public record Verdict(boolean passed, String message, List<String> evidence, Duration took) {
    public static Verdict pass(String message, List<String> evidence) {
        return new Verdict(true, message, List.copyOf(evidence), Duration.ZERO);
    }

    public static Verdict fail(String message, List<String> evidence) {
        return new Verdict(false, message, List.copyOf(evidence), Duration.ZERO);
    }

    public Verdict took(Duration d) {
        return new Verdict(passed, message, evidence, d);
    }
}
