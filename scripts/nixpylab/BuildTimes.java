package nixpylab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How long the last build of each derivation took, by the derivation's name (chrism-py311: every
 * workspace's build of it counts), for the build view's estimate of the time left. Kept in
 * ~/.cache/nixpylab/build-times.tsv (or $XDG_CACHE_HOME/nixpylab/), one "name<TAB>seconds" a line.
 */
public final class BuildTimes {
    private final Path file;

    public BuildTimes(Path file) {
        this.file = file;
    }

    public static BuildTimes standard() {
        return new BuildTimes(UserCache.file("build-times.tsv"));
    }

    public Optional<Duration> last(String derivation) {
        return Optional.ofNullable(read().get(derivation)).map(Duration::ofSeconds);
    }

    public void record(String derivation, Duration took) {
        Map<String, Long> all = read();
        all.put(derivation, took.toSeconds());
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Long> e : all.entrySet()) sb.append(e.getKey()).append('\t').append(e.getValue()).append('\n');
        try {
            AtomicFile.writePrivate(file, sb.toString());
        } catch (UncheckedIOException e) {
            // an estimate lost is not worth failing a build for (a read-only home, a full disk)
        }
    }

    private Map<String, Long> read() {
        Map<String, Long> m = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) return m;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                if (f.length == 2 && f[1].matches("\\d+")) m.put(f[0], Long.parseLong(f[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }
}
