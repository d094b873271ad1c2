package site;

import java.util.List;

/**
 * A {@code run::Script[args="…", expect=fail, exit=N]} block of a chapter: where it is (the
 * chapter and its place there, counted from 1), the workspace it works in, and what it runs.
 */
public record RunBlock(String chapter, int index, String workspace, String script, List<String> args, boolean expectFail, Integer exit) {
    /** "04-build #1 Build --no-fix": how reports name a block. */
    public String label() {
        return chapter + " #" + index + " " + script + (args.isEmpty() ? "" : " " + String.join(" ", args));
    }

    /** Whether an exit code is the one the chapter says this block ends with; empty when it is, else what is wrong. */
    public java.util.Optional<String> problemWith(int exitCode) {
        if (exit != null && exitCode != exit) return java.util.Optional.of("expected exit code " + exit + ", got " + exitCode);
        if (expectFail && exitCode == 0) return java.util.Optional.of("expected this step to fail, but it succeeded");
        if (!expectFail && exitCode != 0) return java.util.Optional.of("this step must succeed, but it exited with " + exitCode);
        return java.util.Optional.empty();
    }
}
