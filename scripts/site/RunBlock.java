package site;

import java.util.List;

/**
 * A {@code run::Script[args="…", expect=fail, exit=N, id=NAME]} block of a chapter: where it is (the
 * chapter and its place there, counted from 1), the workspace it works in, what it runs, and the id
 * the chapter's evidence marks ({@code how:block[NAME,…]}) and the page's anchor know it by (null
 * when it has none). The id is not part of what the block's output depends on.
 */
public record RunBlock(String chapter, int index, String workspace, String script, List<String> args, boolean expectFail, Integer exit, String id) {
    public RunBlock(String chapter, int index, String workspace, String script, List<String> args, boolean expectFail, Integer exit) {
        this(chapter, index, workspace, script, args, expectFail, exit, null);
    }

    /** The page's anchor of this block: its id, or run-N. */
    public String anchor() {
        return id != null ? "run-" + id : "run-" + index;
    }

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
