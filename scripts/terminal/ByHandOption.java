package terminal;

import picocli.CommandLine.Option;

/** --by-hand, for the steps a learner can do themselves with Nix checking: one declaration for all of them. */
public class ByHandOption {
    @Option(names = "--by-hand", description = "Do this step yourself: the step says what to write and type, waits for Enter, and asks Nix whether it is done (q stops; the same command goes on later).")
    public boolean byHand;
}
