package site;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code run::Script[args="…", expect=fail, exit=N, id=NAME, nix=2.34, as=learner]} block of a
 * chapter: where it is (the chapter and its place there, counted from 1), the workspace it works in,
 * what it runs, and the id the chapter's evidence marks ({@code how:block[NAME,…]}) and the page's
 * anchor know it by (null when it has none). The id is not part of what the block's output depends on.
 * {@code nix} names the one Nix version (a prefix: 2.34) the block is recorded on, where the other
 * has not what it shows; the page says so. {@code as} names who runs it: {@code learner}, an
 * ordinary user through the Nix daemon ({@link OrdinaryUser}); null, whoever records the site.
 * {@code serve} names a workshop room's folder (next to the workspace, published by a block before)
 * that is served on this machine's loopback while the block runs ({@link RoomServing}); its
 * {@value #URL} and {@value #KEY} in args are the URL and key the server prints for learners.
 */
public record RunBlock(String chapter, int index, String workspace, String script, List<String> args, boolean expectFail, Integer exit, String id,
                       String nix, String as, String serve) {
    /** Who an {@code as=learner} block runs as. */
    public static final String LEARNER = "learner";
    /** In the args of a {@code serve=} block: the room's URL, as its server prints it. */
    public static final String URL = "{url}";
    /** In the args of a {@code serve=} block: the room's public key, as its server prints it. */
    public static final String KEY = "{key}";

    public RunBlock(String chapter, int index, String workspace, String script, List<String> args, boolean expectFail, Integer exit, String id,
                    String nix, String as) {
        this(chapter, index, workspace, script, args, expectFail, exit, id, nix, as, null);
    }

    public RunBlock(String chapter, int index, String workspace, String script, List<String> args, boolean expectFail, Integer exit, String id) {
        this(chapter, index, workspace, script, args, expectFail, exit, id, null, null);
    }

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

    /** Whether this block is recorded on a Nix of this version (all are, unless it names one). */
    public boolean runsOn(String nixVersion) {
        return nix == null || nixVersion.equals(nix) || nixVersion.startsWith(nix + ".");
    }

    /**
     * What is wrong with the versions it was recorded on, against the site's: fewer than the site,
     * unless it names the one it is for ({@code nix=}), or one it does not name. Either way the page
     * would pass one version's output for all of them.
     */
    public Optional<String> versionProblem(List<String> recordedOn, Set<String> siteVersions) {
        if (nix == null) {
            List<String> missing = siteVersions.stream().filter(v -> !recordedOn.contains(v)).toList();
            if (missing.isEmpty()) return Optional.empty();
            return Optional.of(label() + " is recorded on Nix " + (recordedOn.isEmpty() ? "none" : String.join(" and ", recordedOn)) + " and not on Nix " + String.join(" and ", missing)
                    + ", as the rest of the site is: record it there (Site on that Nix), or, where that Nix has not what the block shows, mark it nix=VERSION with the one it is for");
        }
        List<String> wrong = recordedOn.stream().filter(v -> !runsOn(v)).toList();
        if (!wrong.isEmpty()) return Optional.of(label() + " is marked nix=" + nix + " and has a transcript of Nix " + String.join(" and ", wrong) + ": delete that transcript, or drop the mark");
        if (recordedOn.isEmpty()) return Optional.of(label() + " is marked nix=" + nix + " and has no transcript of that Nix: record it there (Site on that Nix)");
        return Optional.empty();
    }

    /** Whether an ordinary user runs it through the Nix daemon. */
    public boolean asLearner() {
        return LEARNER.equals(as);
    }

    /** Whether a room is served while it runs. */
    public boolean servesRoom() {
        return serve != null;
    }

    /** What is wrong with its {@code serve=} and the room's placeholders, if anything: a room served for nothing, or placeholders no room fills. */
    public Optional<String> serveProblem() {
        boolean placeholders = args.stream().anyMatch(a -> a.contains(URL) || a.contains(KEY));
        if (serve == null) return placeholders ? Optional.of(label() + " has " + URL + " or " + KEY + " in its args, and no room is served to fill them in: add serve=ROOM (the room's folder)") : Optional.empty();
        Path p = Path.of(serve).normalize();
        if (serve.isBlank() || p.isAbsolute() || p.startsWith("..")) return Optional.of(label() + " serves " + serve + ", which is not a folder next to its workspace: write the room's folder as its publish block named it (serve=room)");
        if (!args.contains(URL)) return Optional.of(label() + " serves room " + serve + " and does not use its URL: put " + URL + " where the room's URL goes");
        return Optional.empty();
    }

    /** The args with the served room's URL and key in place of their placeholders. */
    public List<String> argsFor(String roomUrl, String roomKey) {
        return args.stream().map(a -> a.replace(URL, roomUrl).replace(KEY, roomKey)).toList();
    }

    /** Whether an exit code is the one the chapter says this block ends with; empty when it is, else what is wrong. */
    public Optional<String> problemWith(int exitCode) {
        if (exit != null && exitCode != exit) return Optional.of("expected exit code " + exit + ", got " + exitCode);
        if (expectFail && exitCode == 0) return Optional.of("expected this step to fail, but it succeeded");
        if (!expectFail && exitCode != 0) return Optional.of("this step must succeed, but it exited with " + exitCode);
        return Optional.empty();
    }
}
