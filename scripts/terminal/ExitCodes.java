package terminal;

import nixpylab.nix.NixExit;

/**
 * The exit codes the scripts return, as picocli's --help lists them ("code:meaning"). Where Nix
 * failed, a step returns Nix's own code ({@link NixExit}).
 */
public final class ExitCodes {
    private ExitCodes() {}

    public static final String OK = "0:The step did what it shows.";
    public static final String USER_ERROR = "1:Something to fix first: the step says what (error:) and what to do (next:).";
    public static final String USAGE = "2:The command line is wrong (an unknown option, a missing value).";
    public static final String BUILD_FAILED = NixExit.BUILD_FAILED + ":Nix: a build failed (the step shows the last lines of its log).";
    public static final String BUILD_TIMED_OUT = NixExit.TIMED_OUT + ":Nix: a build ran out of time (--build-timeout).";
    public static final String HASH_MISMATCH_NO_FIX = NixExit.HASH_MISMATCH + ":Nix: hash mismatch in a fixed-output derivation, with --no-fix (the fake hash left in the file).";
    public static final String NOT_DETERMINISTIC = NixExit.NOT_DETERMINISTIC + ":Nix: the second build differs from the first (nix-build --check).";
    /** A step by hand that the learner stopped before Nix found it done. */
    public static final int STOPPED_BY_HAND = 3;
    public static final String NOT_YET = STOPPED_BY_HAND + ":By hand (--by-hand): the learner stopped before Nix found the step done; the file keeps their edits, and the same command goes on from there.";
    public static final String KEPT = "1:A path was kept: another root outside this workspace still uses it.";
}
