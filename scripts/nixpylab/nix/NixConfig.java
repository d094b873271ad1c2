package nixpylab.nix;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nixpylab.Proc;

/**
 * The settings Nix runs with, as {@code nix config show} (2.20 and later) or {@code nix show-config}
 * (before) prints them: one {@code name = value} line each. Both versions print the same shape; the
 * JSON forms differ (sandbox-paths is a list in 2.8 and a map in 2.34), so the text is read.
 */
public record NixConfig(Map<String, String> settings) {
    public static NixConfig parse(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf(" = ");
            if (eq > 0 && !line.startsWith(" ")) m.put(line.substring(0, eq).strip(), line.substring(eq + 3).strip());
            else if (line.endsWith(" =")) m.put(line.substring(0, line.length() - 2).strip(), "");
        }
        return new NixConfig(m);
    }

    /** Asks the installed Nix; the command's name depends on its version. */
    public static NixConfig read(NixVersion version) {
        List<String> cmd = version.atLeast(2, 20)
                ? List.of("nix", "--extra-experimental-features", "nix-command", "config", "show")
                : List.of("nix", "--extra-experimental-features", "nix-command", "show-config");
        Proc.Result r = KeptAnswers.ask(cmd, Duration.ofSeconds(20));
        if (!r.ok()) throw StoreAccess.unreachable(r);
        return parse(r.stdout());
    }

    public String get(String name) {
        return settings.getOrDefault(name, "");
    }

    public List<String> list(String name) {
        String v = get(name);
        return v.isBlank() ? List.of() : Arrays.asList(v.split("\\s+"));
    }

    /** true, false or relaxed. */
    public String sandbox() {
        return get("sandbox");
    }

    public boolean sandboxed() {
        return sandbox().equals("true") || sandbox().equals("relaxed");
    }

    public List<String> substituters() {
        return list("substituters");
    }
}
