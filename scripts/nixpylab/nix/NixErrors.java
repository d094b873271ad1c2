package nixpylab.nix;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nixpylab.Proc;
import nixpylab.UserError;

/** Nix's own words when a command fails: the cause of an evaluation error and where, the first error line that says something. */
public final class NixErrors {
    private NixErrors() {}

    /**
     * Nix's own words when a file does not evaluate: the cause and where. Nix 2.8 prints the cause
     * first; newer Nix prints a trace ("… while calling the 'derivationStrict' builtin") and the
     * cause last, so the last "error:" line with words is the cause in both.
     */
    public static UserError evaluationError(Path nixFile, Proc.Result r) {
        return new UserError("Nix could not evaluate " + nixFile + ": " + evaluationCause(r.stderr()),
                "Fix the file where Nix points, or let NixPy Lab write it afresh by running the FetchFakeHash step again.");
    }

    /** "syntax error, unexpected '{' … (at /path/file.nix:1:13)": the cause of an evaluation error and its place. */
    public static String evaluationCause(String stderr) {
        String[] lines = stderr.split("\n");
        int cause = -1;
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].strip();
            if (t.startsWith("error:") && t.length() > "error:".length()) cause = i;
        }
        if (cause < 0) return firstError(stderr).orElse(stderr.strip().isEmpty() ? "no message" : lines[lines.length - 1].strip());
        String text = lines[cause].strip().substring("error:".length()).strip();
        for (int i = cause + 1; i < lines.length; i++) {
            Matcher m = Pattern.compile("^\\s*at (/[^:]+:\\d+:\\d+):?$").matcher(lines[i]);
            if (m.find()) return text + " (at " + m.group(1) + ")";
            if (lines[i].strip().startsWith("error:")) break;
        }
        return text;
    }

    /**
     * The first 'error:' line of a failed command that says something, for messages. Nix 2.8 puts
     * the reason on that line; newer Nix may open with a bare "error:" and a trace ("… while setting
     * up the build environment") before the line with the reason.
     */
    public static Optional<String> firstError(String stderr) {
        for (String l : stderr.split("\n")) {
            String t = l.strip();
            if (t.startsWith("error:") && t.length() > "error:".length()) return Optional.of(t);
        }
        return Optional.empty();
    }
}
