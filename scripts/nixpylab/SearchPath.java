package nixpylab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Programs as PATH finds them, the way a shell looks them up. */
public final class SearchPath {
    private SearchPath() {}

    /** True when the program can be found on PATH. */
    public static boolean onPath(String program) {
        return which(program).isPresent();
    }

    /** Where PATH finds the program, as a shell would: the first folder that holds it executable. */
    public static Optional<Path> which(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String d : path.split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) return Optional.of(Path.of(d, program));
        }
        return Optional.empty();
    }
}
