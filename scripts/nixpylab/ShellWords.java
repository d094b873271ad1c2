package nixpylab;

import java.util.List;

/** A command as a learner would type it in a POSIX shell: words that need it single-quoted, '' for an empty one. */
public final class ShellWords {
    private ShellWords() {}

    public static String shown(List<String> cmd) {
        StringBuilder sb = new StringBuilder();
        for (String a : cmd) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(a.isEmpty() ? "''" : a.matches("[A-Za-z0-9_./:=@%+,-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return sb.toString();
    }
}
