package nixpylab.nix;

/**
 * The exit codes Nix gives a failed build (nix-store(1), "Special exit codes"; added together when
 * several apply, from 100): the steps return them as Nix did, and --help lists them from here.
 */
public final class NixExit {
    private NixExit() {}

    /** A build failed. */
    public static final int BUILD_FAILED = 100;
    /** A build ran out of time (a step's --build-timeout, or Nix's own timeout). */
    public static final int TIMED_OUT = 101;
    /** A fixed-output derivation's hash did not match. */
    public static final int HASH_MISMATCH = 102;
    /** A second build (--check) differs from the first. */
    public static final int NOT_DETERMINISTIC = 104;
}
