package ui;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import nixpylab.UserError;
import picocli.CommandLine;

/** Runs a step command: user errors become two lines (what, next) and exit 1; bugs keep their stack trace. */
public final class Cli {
    public static final String VERSION = "NixPy Lab 0.1";

    private Cli() {}

    public static int execute(Object command, String[] args) {
        CommandLine cl = new CommandLine(command);
        cl.setExecutionExceptionHandler((ex, c, parse) -> {
            PrintStream err = c.getErr() == null ? System.err : new PrintStream(System.err);
            if (ex instanceof UserError u) {
                err.println("error: " + u.getMessage());
                err.println("next: " + u.next());
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

    /** A command as a learner would type it in a POSIX shell. */
    public static String shown(List<String> cmd) {
        StringBuilder sb = new StringBuilder();
        for (String a : cmd) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(a.isEmpty() ? "''" : a.matches("[A-Za-z0-9_./:=@%+,-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return sb.toString();
    }
}
