package terminal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether one of this process's streams is a terminal, read from /proc/self/fd (System.console()
 * tests stdin and stdout together, not the stream a step writes to, and on JDK 22+ is there even
 * when both are redirected), and whether colour is wanted (NO_COLOR says no).
 */
public final class Terminal {
    private Terminal() {}

    /** fd 0 stdin, 1 stdout, 2 stderr. */
    public static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    public static boolean colour() {
        String no = System.getenv("NO_COLOR");
        return (no == null || no.isEmpty()) && isTerminal(2) && !"dumb".equals(System.getenv("TERM"));
    }
}
