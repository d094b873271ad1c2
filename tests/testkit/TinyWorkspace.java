package testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nixpylab.Proc;

/**
 * What most tests on real Nix start from: their own folder under tests/work (made afresh) with a
 * tiny source tarball in src/ (TinyPackage), of version 0.MINOR.PID: each test class has its own
 * MINOR, so its derivation (chrism-py0MINOR) and store paths are its own.
 */
public record TinyWorkspace(Path base, Path tarball, String version) {
    public static TinyWorkspace fresh(String name, int minor) {
        return fresh(name, minor, "", false, 0);
    }

    /** versionSuffix tells two tarballs of one test apart; nondeterministic and sleepSeconds as in TinyPackage. */
    public static TinyWorkspace fresh(String name, int minor, String versionSuffix, boolean nondeterministic, int sleepSeconds) {
        Path base = ScriptRun.REPO.resolve("tests/work").resolve(name);
        Proc.of("rm", "-rf", base.toString()).run();
        String version = "0." + minor + "." + ProcessHandle.current().pid() + versionSuffix;
        try {
            Path tarball = TinyPackage.create(Files.createDirectories(base.resolve("src")), version, nondeterministic, sleepSeconds);
            return new TinyWorkspace(base, tarball, version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The workspace the steps work in (base/lab unless a test wants several). */
    public Path lab() {
        return base.resolve("lab");
    }

    /** The derivation file the bare profile writes for this version: chrism-py0MINOR.nix. */
    public String nixFileName() {
        return "chrism-py" + version.split("\\.")[0] + version.split("\\.")[1] + ".nix";
    }
}
