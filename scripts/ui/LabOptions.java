package ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every step takes, so that --from-start can run the earlier steps with the same choices. */
public class LabOptions {
    @Option(names = "--workdir", description = "Workspace directory (default: ${DEFAULT-VALUE}).", defaultValue = "lab")
    public Path workdir;

    @Option(names = "--profile", description = "auto, bare or nixpkgs (default: ${DEFAULT-VALUE}).", defaultValue = "auto")
    public String profile;

    @Option(names = "--from-start", description = "Run the earlier steps first.")
    public boolean fromStart;

    @Option(names = "--source", paramLabel = "PATH", description = "A CPython source tarball on this machine.")
    public Path source;

    @Option(names = "--source-url", paramLabel = "URL", description = "A URL of a CPython source tarball.")
    public String sourceUrl;

    @Option(names = "--python-version", description = "CPython version to fetch upstream (default: 3.10.5; a distribution's tarball decides its own).")
    public String pythonVersion;

    @Option(names = "--nixpkgs", paramLabel = "PATH", description = "nixpkgs to use (passed as -I nixpkgs=PATH); implies the nixpkgs profile under auto.")
    public Path nixpkgs;

    @Option(names = "--rev", description = "nixpkgs profile: the tag of python/cpython to fetch (default: v<python-version>).")
    public String rev;

    @Option(names = "--module", paramLabel = "NAME", description = "Add a module to Setup.local (repeatable).")
    public List<String> modules = new ArrayList<>();

    @Option(names = "--without", paramLabel = "NAME", description = "Leave a module out of Setup.local (repeatable).")
    public List<String> without = new ArrayList<>();

    @Option(names = "--predict", description = "FetchFakeHash: compute the hash Nix will want before asking it, and compare.")
    public boolean predict;

    @Option(names = "--no-fix", description = "FetchFakeHash: stop at Nix's error, as a learner first sees it, and exit with Nix's exit code.")
    public boolean noFix;

    @Option(names = "--build-timeout", paramLabel = "MINUTES", description = "Give up on a build after this long (default: ${DEFAULT-VALUE}).", defaultValue = "60")
    public int buildTimeoutMinutes;
}
