package nixpylab.nix;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code nix-build --check -K} found that a second build differs: where the second result and the
 * kept build folder are. Nix 2.8 quotes paths with single quotes; 2.34 quotes the output and the
 * build folder with double quotes (and keeps build folders under /nix/var/nix/builds).
 */
public record CheckMismatch(StorePath out, Path checkCopy, Optional<Path> keptBuildDir) {
    private static final Pattern DIFFERS = Pattern.compile("output ['\"](/nix/store/[^'\"]+)['\"] differs(?: from ['\"]([^'\"]+)['\"])?");
    private static final Pattern KEPT = Pattern.compile("keeping build directory ['\"]([^'\"]+)['\"]");

    /** The build folder nix-build -K says it keeps (after a difference, a failure or an interruption). */
    public static Optional<Path> keptBuildDir(String stderr) {
        Matcher k = KEPT.matcher(stderr);
        return k.find() ? Optional.of(Path.of(k.group(1))) : Optional.empty();
    }

    public static Optional<CheckMismatch> parse(String stderr) {
        Matcher d = DIFFERS.matcher(stderr);
        if (!d.find()) return Optional.empty();
        String out = d.group(1);
        return Optional.of(new CheckMismatch(new StorePath(out), Path.of(d.group(2) != null ? d.group(2) : out + ".check"), keptBuildDir(stderr)));
    }
}
