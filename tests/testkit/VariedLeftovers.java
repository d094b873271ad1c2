package testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What Repeatable --vary makes for a second build (a folder /var/lib/nixpylab/varied-…, disorderfs's mount on it): none of it left behind. */
public final class VariedLeftovers {
    private VariedLeftovers() {}

    public static void assertNone() throws IOException {
        assertFalse(Files.readString(Path.of("/proc/self/mounts")).contains("/varied-"), "no disorderfs mount is left");
        Path dir = Path.of("/var/lib/nixpylab");
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("varied-")).toList(), "no varied build folder is left");
        }
    }
}
