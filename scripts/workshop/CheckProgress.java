package workshop;

import nixpylab.nix.BuildWatch;

/** What a check tells while it runs: the commands it runs, and where a build it started is. */
public interface CheckProgress {
    /** A line: a command about to run, a note. */
    void progress(String line);

    /** Where a nix-build is now (from Nix's structured log). */
    default void building(BuildWatch.Progress p) {}

    /** The nix-build ended (its verdict comes next). */
    default void buildEnded() {}
}
