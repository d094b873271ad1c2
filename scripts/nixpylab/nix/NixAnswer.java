package nixpylab.nix;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import nixpylab.Proc;

/**
 * What Nix answered a command run in a folder: its lines, both streams through one pipe in the
 * order it wrote them, as a terminal shows them (two pipes read apart would race: "0 store paths
 * deleted" and the error before it swap places from run to run); {@code ok} false where it refused.
 */
public record NixAnswer(List<String> command, boolean ok, List<String> out, List<Proc.Line> lines) {
    public static NixAnswer ask(Path dir, List<String> cmd) {
        Proc.Result r = Proc.of(cmd).in(dir).oneStream().timeout(Duration.ofMinutes(5)).run();
        return new NixAnswer(cmd, r.ok(), r.stdout().lines().filter(l -> !l.isBlank()).toList(), r.lines().stream().filter(l -> !l.text().isBlank()).toList());
    }

    /** The last line that is a store path (what --add and --realise print), if any. */
    public Optional<String> lastStorePath() {
        return out.stream().filter(l -> l.matches("/nix/store/[0-9a-z]{32}-\\S+")).reduce((a, b) -> b);
    }

    /** Its lines, one string. */
    public String text() {
        return String.join("\n", out);
    }
}
