package nixpylab.nix;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code nix-store --delete} said: how many paths went and how much was freed (Nix 2.8 always
 * in MiB with two decimals, "0.00 MiB"; from 2.33 in a unit that fits, "0.0 KiB", "319.2 MiB"),
 * and whether it refused because the path is alive, or because a daemon does not let anybody
 * ignore liveness.
 */
public record DeleteReport(int deleted, long freedBytes, String freedText, Optional<StorePath> alive, boolean livenessRefused) {
    private static final Pattern DELETED = Pattern.compile("(\\d+) store paths deleted, ([0-9.]+) (B|bytes|KiB|MiB|GiB|TiB) freed");
    private static final Pattern ALIVE = Pattern.compile("Cannot delete path '([^']+)' since it is still alive");

    public static DeleteReport parse(String stdout, String stderr) {
        Matcher d = DELETED.matcher(stdout);
        int n = 0;
        long bytes = 0;
        String text = "";
        if (d.find()) {
            n = Integer.parseInt(d.group(1));
            bytes = bytes(Double.parseDouble(d.group(2)), d.group(3));
            text = d.group(2) + " " + d.group(3);
        }
        Matcher a = ALIVE.matcher(stderr);
        return new DeleteReport(n, bytes, text, a.find() ? Optional.of(new StorePath(a.group(1))) : Optional.empty(),
                stderr.contains("not allowed to ignore liveness"));
    }

    static long bytes(double amount, String unit) {
        int power = switch (unit) {
            case "KiB" -> 1;
            case "MiB" -> 2;
            case "GiB" -> 3;
            case "TiB" -> 4;
            default -> 0;
        };
        return Math.round(amount * Math.pow(1024, power));
    }
}
