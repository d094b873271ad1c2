package nixpylab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Is the build repeatable? {@code nix-build --check -K} builds the derivation again and compares
 * with the output in the store; when they differ, the second result is kept as {@code <out>.check}
 * and the two trees are compared file by file.
 */
public final class RepeatStep {
    public sealed interface Outcome permits Repeatable, Differs {
        StorePath out();
        List<String> command();
        Duration elapsed();
    }

    public record Repeatable(StorePath out, List<String> command, Duration elapsed) implements Outcome {}

    public record Differs(StorePath out, Path checkCopy, TreeDiff.Result diff, String nixSays, List<String> command, Duration elapsed) implements Outcome {}

    private static final Pattern CHECK_PATH = Pattern.compile("differs from '([^']+)'");
    private static final Pattern KEPT_DIR = Pattern.compile("keeping build directory '([^']+)'");

    private RepeatStep() {}

    public static Outcome run(Workspace ws, Nix nix, Duration timeout, int limit) {
        Steps.require(ws, "lastOut", "Build");
        StorePath out = Steps.lastBuilt(ws).orElseThrow();
        if (!nix.isValid(out)) {
            throw new UserError(out + " is not in the store, so there is nothing to compare a second build with.", "Run ./jbang scripts/Build.java first.");
        }
        List<String> cmd = nix.command("nix-build", ws.nixFile().toString(), "--check", "-K", "--no-out-link");
        Proc.Result r = nix.run(timeout, l -> {}, cmd);
        ws.set("step.repeat", java.time.Instant.now().toString());
        ws.save();
        if (r.ok()) return new Repeatable(out, cmd, r.elapsed());
        Matcher m = CHECK_PATH.matcher(r.stderr());
        if (!m.find()) {
            throw new UserError("nix-build --check failed without comparing: " + Nix.firstError(r.stderr()).orElse("exit " + r.exitCode()),
                    "Build it first with ./jbang scripts/Build.java; if the build itself fails, its log says why.");
        }
        Path check = Path.of(m.group(1));
        TreeDiff.Result diff = TreeDiff.compare(Path.of(out.path()), check, limit);
        // the second result and its build directory are ours to clean: neither is a registered store path
        Proc.of("rm", "-rf", check.toString()).timeout(Duration.ofMinutes(2)).run();
        Matcher kept = KEPT_DIR.matcher(r.stderr());
        if (kept.find() && Files.isDirectory(Path.of(kept.group(1)))) Proc.of("rm", "-rf", kept.group(1)).timeout(Duration.ofMinutes(2)).run();
        return new Differs(out, check, diff, Nix.firstError(r.stderr()).orElse(""), cmd, r.elapsed());
    }
}
