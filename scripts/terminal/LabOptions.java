package terminal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nixpylab.derivation.Profile;
import nixpylab.source.PythonSource;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options every step takes, so that --from-start and the tutorial can run the other steps with the same choices. */
public class LabOptions {
    @Spec(Spec.Target.SELF)
    CommandSpec self;

    @Option(names = "--workdir", description = "Workspace directory (default: ${DEFAULT-VALUE}).", defaultValue = "lab")
    public Path workdir;

    @Option(names = "--profile", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).", defaultValue = "auto")
    public Profile.Choice profile;

    @Option(names = "--from-start", description = "Run the earlier steps first.")
    public boolean fromStart;

    @Mixin
    public SourceOptions sources = new SourceOptions();

    @Option(names = "--python-version", description = "CPython version to fetch upstream (default: " + PythonSource.DEFAULT_VERSION + "; a distribution's tarball decides its own).")
    public String pythonVersion;

    @Option(names = "--nixpkgs", paramLabel = "PATH", description = "nixpkgs to use (passed as -I nixpkgs=PATH); implies the nixpkgs profile under auto.")
    public Path nixpkgs;

    @Option(names = "--rev", description = "nixpkgs profile: the tag of python/cpython to fetch (default: v<python-version>).")
    public String rev;

    @Option(names = "--module", paramLabel = "NAME", description = "Add a module to Setup.local (repeatable).")
    public List<String> modules = new ArrayList<>();

    @Option(names = "--without", paramLabel = "NAME", description = "Leave a module out of Setup.local (repeatable).")
    public List<String> without = new ArrayList<>();

    @Option(names = "--build-timeout", paramLabel = "MINUTES", description = "Give up on a build after this long (default: ${DEFAULT-VALUE}).", defaultValue = "60")
    public int buildTimeoutMinutes;

    @Mixin
    public NixChoice nix = new NixChoice();

    /** Not an option: where the step writes and reads (the process's own, unless a test runs the step in its process). */
    public Streams streams = Streams.standard();

    public Duration buildTimeout() {
        return Duration.ofMinutes(buildTimeoutMinutes);
    }

    /**
     * The options given on this command line again, as picocli parsed them, for the other step
     * scripts this one runs (--from-start, the tutorial): all of this class's but --from-start itself
     * and --nix (those scripts run where this one already runs).
     */
    public List<String> asArgs() {
        List<String> a = new ArrayList<>();
        for (OptionSpec o : self.options()) {
            String name = o.longestName();
            if (name.equals("--from-start") || name.equals(NixChoice.NAME)) continue;
            for (String value : o.originalStringValues()) {
                a.add(name);
                if (o.arity().max() > 0) a.add(value);
            }
        }
        return a;
    }
}
