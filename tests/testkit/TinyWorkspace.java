package testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nixpylab.Proc;

/**
 * What most tests on real Nix start from: their own folder under tests/work (made afresh) with a
 * tiny source tarball in src/ (TinyPackage), of version 0.MINOR.PID. The minors are handed out here,
 * from {@link #MINORS}, the one table of them: a test's derivation (chrism-py0MINOR) then has a name
 * its neighbours' do not, except where a test shares one on purpose (the open lessons build on the
 * repeat test's package).
 */
public record TinyWorkspace(Path base, Path tarball, String version) {
    /** Each workspace's minor, by the workspace's name (a name ending in a test's own word, such as repeat-…, by its first word). */
    static final Map<String, Integer> MINORS = Map.ofEntries(
            Map.entry("six-steps", 1), Map.entry("by-hand", 1),
            Map.entry("bad-input", 2), Map.entry("by-hand-tutorial", 2),
            Map.entry("tamper", 3), Map.entry("site-transcripts", 3),
            Map.entry("repeat", 4), Map.entry("closure", 4), Map.entry("nix-command", 4),
            Map.entry("input-audit", 5), Map.entry("configuration", 6), Map.entry("two-workspaces", 7), Map.entry("daemon", 8),
            Map.entry("sandbox", 9), Map.entry("interrupt", 10), Map.entry("site-room", 11), Map.entry("learners-run", 12), Map.entry("room", 41));

    public static TinyWorkspace fresh(String name) {
        return fresh(name, "", false, 0);
    }

    /** versionSuffix tells two tarballs of one test apart; nondeterministic and sleepSeconds as in TinyPackage. */
    public static TinyWorkspace fresh(String name, String versionSuffix, boolean nondeterministic, int sleepSeconds) {
        return fresh(name, versionSuffix, nondeterministic, sleepSeconds, false);
    }

    /** telling: a package that writes where it was built and the order of its folder's entries (TinyPackage). */
    public static TinyWorkspace fresh(String name, String versionSuffix, boolean nondeterministic, int sleepSeconds, boolean telling) {
        Path base = ScriptRun.REPO.resolve("tests/work").resolve(name);
        Proc.of("rm", "-rf", base.toString()).run();
        String version = version(name) + versionSuffix;
        try {
            Path tarball = TinyPackage.create(Files.createDirectories(base.resolve("src")), version, nondeterministic, sleepSeconds, telling);
            return new TinyWorkspace(base, tarball, version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tiny package's version for a workspace of this name: 0.MINOR.PID. */
    public static String version(String name) {
        return "0." + minor(name) + "." + ProcessHandle.current().pid();
    }

    /** The minor of a workspace's name, from the one table; a name not in it is a test that has not said which it wants. */
    static int minor(String name) {
        Integer m = MINORS.get(name);
        if (m == null && name.contains("-")) m = MINORS.get(name.substring(0, name.indexOf('-')));
        if (m == null) throw new IllegalArgumentException("no minor for the tiny workspace " + name + ": add it to TinyWorkspace.MINORS");
        return m;
    }

    /** The workspace the steps work in (base/lab unless a test wants several). */
    public Path lab() {
        return base.resolve("lab");
    }

    /** A step in lab/ with --from-start from this tarball (trusted on first use: a test's own), as most tests begin. */
    public Proc.Result fromStart(String step) {
        return ScriptRun.run(step, ScriptRun.STEP, "--workdir", lab().toString(), "--from-start", "--source", tarball.toString(), "--trust-first-use");
    }

    /** The derivation file the bare profile writes for this version: chrism-py0MINOR.nix. */
    public String nixFileName() {
        return "chrism-py" + version.split("\\.")[0] + version.split("\\.")[1] + ".nix";
    }
}
