package nixpylab.derivation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What CPython's setup.py says at the end of a build about its optional modules (3.11 and older):
 * those it could not build ("The necessary bits to build these optional modules were not found:")
 * and those the Setup files built instead ("… have been built by the Makefile instead, as
 * configured by the Setup files:"). The last report in a log is the install's, the one that counts.
 */
public record ModuleReport(List<String> notFound, List<String> builtBySetup) {
    private static final String NOT_FOUND = "The necessary bits to build these optional modules were not found:";
    private static final String BY_SETUP = "built by the Makefile instead, as configured by the Setup files:";

    /** The last report in a build log; empty when the log has none (a newer CPython, or a build that stopped before it). */
    public static Optional<ModuleReport> lastIn(String log) {
        String[] lines = log.split("\n");
        ModuleReport last = null;
        List<String> notFound = null;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.equals(NOT_FOUND)) {
                notFound = names(lines, i + 1);
                last = new ModuleReport(notFound, List.of());
            } else if (l.endsWith(BY_SETUP)) {
                last = new ModuleReport(notFound == null ? List.of() : notFound, names(lines, i + 1));
                notFound = null;
            }
        }
        return Optional.ofNullable(last);
    }

    /** The module names in the columns that follow a heading, up to the first line that is blank or a sentence. */
    private static List<String> names(String[] lines, int from) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.isEmpty() || !l.matches("[A-Za-z0-9_. ]+") || l.endsWith(".")) break;
            out.addAll(Arrays.stream(l.split("\\s+")).filter(w -> !w.isEmpty()).toList());
        }
        return out;
    }
}
