package terminal;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import nixpylab.HostSetup;
import nixpylab.OutputMarks;
import nixpylab.ShellWords;
import nixpylab.UserError;
import nixpylab.currentnix.CurrentNixRoot;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Runs a step command: user errors become two lines (what, next) and exit 1; bugs keep their stack trace. */
public final class Cli {
    public static final String VERSION = "NixPy Lab 0.1";

    private Cli() {}


    public static int execute(Object command, String[] args) {
        return execute(command, "scripts/" + command.getClass().getSimpleName() + ".java", args);
    }

    /** Runs a command from this repository's file {@code script} (its path from the repository's folder, for --nix current). */
    public static int execute(Object command, String script, String[] args) {
        if (System.getenv(OutputMarks.TAG_STDERR) != null) System.setErr(new PrintStream(new MarkedLines(System.out), true, StandardCharsets.UTF_8));
        CommandLine cl = new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true);
        exitCodeHeadings(cl);
        if (command instanceof CommandGroups g) CommandGroups.apply(cl, g.commandGroups());
        cl.setExecutionStrategy(parsed -> onCurrentNix(script, parsed).orElseGet(() -> new CommandLine.RunLast().execute(parsed)));
        cl.setExecutionExceptionHandler((ex, c, parse) -> {
            PrintStream err = c.getErr() == null ? System.err : new PrintStream(System.err);
            if (ex instanceof UserError u) {
                printError(err, u);
                return 1;
            }
            if (ex instanceof UncheckedIOException io) {
                err.println("error: a file could not be read or written: " + io.getCause().getMessage());
                err.println("next: check that the workspace directory is writable and the disk is not full, then run the step again.");
                return 1;
            }
            throw ex;
        });
        return cl.execute(args);
    }

    /** The heading above each command's exit codes in --help (where it lists some), said once here for every command and subcommand. */
    static void exitCodeHeadings(CommandLine cl) {
        if (!cl.getCommandSpec().usageMessage().exitCodeList().isEmpty()) cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n");
        for (CommandLine sub : cl.getSubcommands().values()) exitCodeHeadings(sub);
    }

    /**
     * {@code --nix current} (parsed by picocli, on the command or a subcommand): runs the same script
     * with the same arguments inside the current Nix's root and returns its exit code. Empty on the
     * host's Nix (the default) and inside the root, where the option has nothing left to do.
     */
    private static Optional<Integer> onCurrentNix(String script, ParseResult parsed) {
        boolean current = false;
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            current |= p.matchedOptionValue(NixChoice.NAME, NixChoice.Where.host) == NixChoice.Where.current;
        }
        if (!current || CurrentNixRoot.inside()) return Optional.empty();
        List<String> rest = parsed.originalArgs();
        try {
            Path cwd = Path.of("").toAbsolutePath();
            Path repo = repository(cwd);
            if (!HostSetup.isRoot()) {
                throw new UserError("--nix current runs this step in a Debian sid root with chroot and mount, which needs root on this machine.",
                        "Run it as root, or leave out --nix current to use this machine's own Nix.");
            }
            List<String> cmd = new ArrayList<>(List.of(repo.resolve("jbang").toString(), repo.resolve(script).toString()));
            cmd.addAll(rest);
            Map<String, String> env = new LinkedHashMap<>();
            for (var e : System.getenv().entrySet()) {
                if (e.getKey().startsWith("NIXPY_") || List.of("NIX_REMOTE", "NO_COLOR", "TERM", "COLUMNS").contains(e.getKey())) env.put(e.getKey(), e.getValue());
            }
            return Optional.of(CurrentNixRoot.standard().runInside(repo, cwd, "root", env, cmd));
        } catch (UserError u) {
            printError(System.err, u);
            return Optional.of(1);
        }
    }

    /**
     * The exercises folder given with --exercises, or else the repository's: never one that merely
     * happens to sit in the current folder, whose set-up commands would then run.
     */
    public static Path exercises(Path given) {
        return given != null ? given : repository().resolve("exercises");
    }

    /** The repository a command runs in: the folder at or above the current one that holds ./jbang and scripts/. */
    public static Path repository(Path from) {
        for (Path p = from; p != null; p = p.getParent()) {
            if (isRepository(p)) return p;
        }
        throw new UserError("This needs NixPy Lab's repository, and " + from + " is not inside it.", "Run the step from the repository's folder (or one below it), with its ./jbang.");
    }

    /** The repository this script came from: the one whose ./jbang started it (it says so in NIXPY_REPO), else the one around the current folder. */
    public static Path repository() {
        String launcher = System.getenv("NIXPY_REPO");
        if (launcher != null && !launcher.isBlank() && isRepository(Path.of(launcher))) return Path.of(launcher);
        return repository(Path.of("").toAbsolutePath());
    }

    private static boolean isRepository(Path p) {
        return Files.isRegularFile(p.resolve("jbang")) && Files.isDirectory(p.resolve("scripts/nixpylab"));
    }

    /** A user's error as two lines, what went wrong and what to do next (paths as they are: a next step may be a line for a file). */
    public static void printError(PrintStream err, UserError u) {
        err.println("error: " + u.getMessage());
        err.println("next: " + u.next());
    }


    /** A note about how the step ran: indented on the terminal; marked for the site's recorder when it records. */
    public static void runNote(PrintStream err, String text) {
        if (System.getenv(OutputMarks.TAG_STDERR) != null) {
            synchronized (System.out) {
                System.out.println(OutputMarks.NOTE_MARK + text);
            }
        } else {
            err.println("   " + text);
        }
    }

    /** Writes each line to another stream with STDERR_MARK in front, under that stream's lock. */
    private static final class MarkedLines extends OutputStream {
        private final PrintStream target;
        private boolean atLineStart = true;

        MarkedLines(PrintStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            synchronized (target) {
                if (atLineStart) target.write(OutputMarks.STDERR_MARK);
                target.write(b);
                atLineStart = b == '\n';
                if (atLineStart) target.flush();
            }
        }

        @Override
        public void flush() {
            target.flush();
        }
    }

    /** A path as the learner would type it where the step runs: relative below the current directory (lab/result), else absolute. */
    public static String path(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = p.toAbsolutePath().normalize();
        if (abs.equals(cwd)) return ".";
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    /** Text with the paths below the current directory made relative, as {@link #path} shows them. */
    public static String relative(String text) {
        String cwd = Path.of("").toAbsolutePath().toString();
        if (cwd.equals("/")) return text;
        return text.replaceAll("(?<=^|[\\s='\"(])" + Pattern.quote(cwd) + "/", "");
    }

    /** A command as a learner would type it in a POSIX shell, run from the current directory. */
    public static String shown(List<String> cmd) {
        return ShellWords.shown(cmd.stream().map(Cli::relative).toList());
    }
}
