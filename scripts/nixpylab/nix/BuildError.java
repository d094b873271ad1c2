package nixpylab.nix;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why nix-build failed, per derivation, from its stderr. Nix 2.8 says it in one line
 * ({@code error: builder for '…drv' failed with exit code 2}, {@code error: 1 dependencies of
 * derivation '…drv' failed to build}); from 2.29 it says {@code error: Cannot build '…drv'.} and
 * gives the reason on the next line ({@code Reason: builder failed with exit code 2.},
 * {@code Reason: 1 dependency failed.}). Both shapes are in tests/captures.
 */
public record BuildError(StorePath drv, Reason reason) {
    public sealed interface Reason permits BuilderFailed, DependenciesFailed, Other {}

    public record BuilderFailed(int exitCode) implements Reason {}

    public record DependenciesFailed(int count) implements Reason {}

    public record Other(String text) implements Reason {}

    private static final Pattern OLD_BUILDER = Pattern.compile("error: builder for '([^']+\\.drv)' failed with exit code (\\d+)");
    private static final Pattern OLD_SIGNAL = Pattern.compile("error: builder for '([^']+\\.drv)' failed due to signal (\\d+) \\(([^)]*)\\)");
    private static final Pattern OLD_DEPS = Pattern.compile("error: (\\d+) dependencies of derivation '([^']+\\.drv)' failed to build");
    private static final Pattern NEW = Pattern.compile("error: Cannot build '([^']+\\.drv)'\\.\\s*\\n\\s*Reason: ([^\\n]*)");
    private static final Pattern NEW_BUILDER = Pattern.compile("builder failed with exit code (\\d+)\\.?");
    private static final Pattern NEW_DEPS = Pattern.compile("(\\d+) dependenc(?:y|ies) failed\\.?");

    public static List<BuildError> parseAll(String stderr) {
        List<BuildError> out = new ArrayList<>();
        Matcher m = OLD_BUILDER.matcher(stderr);
        while (m.find()) out.add(new BuildError(new StorePath(m.group(1)), new BuilderFailed(Integer.parseInt(m.group(2)))));
        m = OLD_SIGNAL.matcher(stderr);
        while (m.find()) out.add(new BuildError(new StorePath(m.group(1)), new Other("killed by signal " + m.group(2) + " (" + m.group(3) + ")")));
        m = OLD_DEPS.matcher(stderr);
        while (m.find()) out.add(new BuildError(new StorePath(m.group(2)), new DependenciesFailed(Integer.parseInt(m.group(1)))));
        m = NEW.matcher(stderr);
        while (m.find()) {
            String why = m.group(2).strip();
            Matcher b = NEW_BUILDER.matcher(why);
            Matcher d = NEW_DEPS.matcher(why);
            Reason r = b.matches() ? new BuilderFailed(Integer.parseInt(b.group(1))) : d.matches() ? new DependenciesFailed(Integer.parseInt(d.group(1))) : new Other(why.replaceFirst("\\.$", ""));
            out.add(new BuildError(new StorePath(m.group(1)), r));
        }
        return out;
    }

    /** One sentence, the same on every Nix version. */
    public String sentence() {
        String name = drv.name();
        if (reason instanceof BuilderFailed b) return "the builder of " + name + " failed with exit code " + b.exitCode();
        if (reason instanceof DependenciesFailed d) return name + " was not built because " + d.count() + (d.count() == 1 ? " dependency" : " dependencies") + " failed";
        return name + " failed: " + ((Other) reason).text();
    }
}
