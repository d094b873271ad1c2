package nixpylab.derivation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a {@code /bin/sh -c} builder ends. bash (the current Nix's sandbox has it as /bin/sh) runs
 * the last simple command of a {@code -c} script in its own process, also after {@code &&} or
 * {@code ||}, unless a redirection, a pipeline or a builtin after it keeps the shell; Debian's dash
 * forks it. Nix takes the end of the builder's output as the builder's end and kills what is left
 * of it (Nix 2.8.0 derivation-goal.cc, buildDone: "the builder could also have simply have closed
 * its end of the pipe, so just to be sure, kill it"; NixOS/nix#2176). coreutils (cp, mv, chmod,
 * rm, …) close their output before they exit, so a builder whose last command is one of them is
 * sometimes reported "failed due to signal 9 (Killed)": measured on Nix 2.34.8 with the sandbox
 * on, 44 of 100 such builds, and none of 100 ending on a builtin
 * (docs/research/builder-killed-2026-12-07.md). The rule is bash's, for every shell: a builder
 * may be run by either.
 */
public final class BuilderEnd {
    /** Builtins of sh that a builder ends on; the shell runs them itself. */
    static final Set<String> BUILTINS = Set.of("exit", "echo", "printf", ":", "true", "false", "read", "cd", "set", "export", "eval", "return", "wait", "[", "test");
    /** GNU make closes its standard output but not its standard error (strace), so Nix sees no end until it exits. */
    static final Set<String> KEEPS_ITS_ERROR_OUTPUT = Set.of("make");
    /** CPython opens its standard streams with closefd=False (Python/pylifecycle.c, create_stdio) and never closes them (strace): they close as it exits. */
    private static final Pattern KEEPS_ITS_OUTPUT = Pattern.compile("[\"']?(?:\\S*/)?python3(?:\\.\\d+)?[\"']?");

    private static final Pattern DASH_C = Pattern.compile("\"-c\"\\s*(?:''(.*?)''(?!')|\"((?:[^\"\\\\]|\\\\.)*)\")", Pattern.DOTALL);
    private static final Pattern BUILDER = Pattern.compile("builder\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern SHELL = Pattern.compile(".*/(?:ba|da)?sh");
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=\\S*");

    private BuilderEnd() {}

    /** The script of each shell builder's {@code "-c"} in a Nix file, in order (a python3 -c builder is not a shell's). */
    public static List<String> scripts(String nixText) {
        List<String> out = new ArrayList<>();
        Matcher m = DASH_C.matcher(nixText);
        while (m.find()) {
            Matcher b = BUILDER.matcher(nixText.substring(0, m.start()));
            String builder = null;
            while (b.find()) builder = b.group(1);
            if (builder != null && SHELL.matcher(builder).matches()) out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out;
    }

    /** The program (or builtin) a script's last command runs: its first word after any assignments. */
    public static Optional<String> lastCommand(String script) {
        for (String word : lastSimpleCommand(script).strip().split("\\s+")) {
            if (!word.isEmpty() && !ASSIGNMENT.matcher(word).matches()) return Optional.of(word);
        }
        return Optional.empty();
    }

    /** A redirection or a pipeline on the last command: bash then forks it and keeps the output open itself. */
    private static boolean keepsTheShell(String script) {
        return lastSimpleCommand(script).matches(".*(?:[<>]|(?<!\\|)\\|(?!\\|)).*");
    }

    /** The last command of the last line that is not a comment, after any ; && or ||. */
    private static String lastSimpleCommand(String script) {
        String last = "";
        for (String line : script.split("\n")) {
            String code = line.strip();
            if (!code.isEmpty() && !code.startsWith("#")) last = code;
        }
        String[] parts = last.split(";|&&|\\|\\|");
        return parts.length == 0 ? "" : parts[parts.length - 1];
    }

    /** Why this script's builder may be killed as it ends, or empty when its last command keeps the output open. */
    public static Optional<String> whyKilled(String script) {
        Optional<String> last = lastCommand(script);
        if (last.isEmpty() || BUILTINS.contains(last.get()) || KEEPS_ITS_ERROR_OUTPUT.contains(last.get()) || KEEPS_ITS_OUTPUT.matcher(last.get()).matches() || keepsTheShell(script)) return Optional.empty();
        return Optional.of("the builder ends on '" + last.get() + "', which the shell runs in its own place; a program that closes its output before it exits "
                + "(as coreutils' do) is then killed by Nix (signal 9). End the script on a shell builtin such as 'exit 0'.");
    }
}
