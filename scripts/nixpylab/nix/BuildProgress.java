package nixpylab.nix;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads where a build is from its log lines: Nix's "building '…drv'" and stdenv's "Running phase: …". */
public final class BuildProgress {
    private static final Pattern BUILDING = Pattern.compile("^building '(/nix/store/[^']+\\.drv)'");

    /** What each phase prints as it starts, as nixpkgs' stdenv prints it (and the bare profile's builder, see bare.nix). */
    public static final String PHASE_MARK = "Running phase: ";

    private BuildProgress() {}

    public static Optional<String> phase(String line) {
        int i = line.indexOf(PHASE_MARK);
        return i < 0 ? Optional.empty() : Optional.of(line.substring(i + PHASE_MARK.length()).strip());
    }

    public static Optional<StorePath> building(String line) {
        Matcher m = BUILDING.matcher(line.strip());
        return m.find() ? Optional.of(new StorePath(m.group(1))) : Optional.empty();
    }
}
