package nixpylab.steps;

import java.util.List;

/**
 * A step the learner does with their own hands: what to write and type, and what Nix's own records
 * (the store derivation, the store, the roots) say about it once they have. A check only reads:
 * a learner's wrong change is reported, never repaired or overwritten.
 */
public final class ByHand {
    private ByHand() {}

    /** The goal in a line, the Nix text to write into the file (empty when there is none), and the commands to type in the file's folder. */
    public record Task(String goal, String file, List<String> write, List<String> type) {}

    /** What Nix says about the learner's work. */
    public sealed interface Verdict permits Done, NotYet {}

    /** The step's goal is met; said: what Nix's records show. */
    public record Done(String said) implements Verdict {}

    /** Not yet: what is still wrong, and the next thing to do. */
    public record NotYet(String wrong, String next) implements Verdict {}
}
