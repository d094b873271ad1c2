package nixpylab.nix;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nixpylab.Proc;
import nixpylab.UserError;

/** The installed Nix's version, from {@code nix-build --version} ("nix-build (Nix) 2.34.8"). */
public record NixVersion(String text, int major, int minor) {
    private static final Pattern NUMBERS = Pattern.compile("(\\d+)\\.(\\d+)");

    public static NixVersion parse(String versionLine) {
        String t = versionLine.strip().replaceFirst("^nix-build \\(Nix\\) ", "");
        Matcher m = NUMBERS.matcher(t);
        if (!m.find()) throw new UserError("Nix printed no version number ('" + versionLine.strip() + "').", "Check the installation: nix-build --version.");
        return new NixVersion(t, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public static NixVersion installed() {
        Proc.Result r = KeptAnswers.ask(List.of("nix-build", "--version"), Duration.ofSeconds(10));
        return parse(r.stdout());
    }

    public boolean atLeast(int maj, int min) {
        return major > maj || (major == maj && minor >= min);
    }

    @Override
    public String toString() {
        return text;
    }
}
