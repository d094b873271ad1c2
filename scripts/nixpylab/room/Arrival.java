package nixpylab.room;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import nixpylab.Proc;
import nixpylab.nix.StorePath;

/**
 * What a CPython copied from another machine's store finds on this one. The bare profile links the
 * host's libraries from /usr, which Nix does not track: its output names them only by soname, so
 * on a machine whose libraries differ, a module can fail to load. {@code ldd} on the interpreter
 * and on each extension module says which sonames this machine cannot give.
 */
public final class Arrival {
    /** A library this machine lacks, and the files (interpreter, extension modules) that need it. */
    public record Missing(String soname, List<String> neededBy) {
        /** The modules that will not import: lib-dynload/_lzma.cpython-311-….so is _lzma. */
        public List<String> modules() {
            return neededBy.stream().filter(f -> f.contains("lib-dynload/")).map(f -> f.substring(f.lastIndexOf('/') + 1).replaceFirst("\\..*$", "")).toList();
        }
    }

    private Arrival() {}

    public static List<Missing> check(StorePath python) {
        Path out = Path.of(python.path());
        List<Path> files = new ArrayList<>();
        try (Stream<Path> bin = Files.list(out.resolve("bin"))) {
            bin.filter(p -> p.getFileName().toString().matches("python3\\.\\d+")).forEach(files::add);
        } catch (IOException e) {
            return List.of();
        }
        try (Stream<Path> libs = Files.walk(out.resolve("lib"), 3)) {
            libs.filter(p -> p.toString().contains("/lib-dynload/") && p.toString().endsWith(".so")).sorted().forEach(files::add);
        } catch (IOException e) {
            // no extension modules: only the interpreter is checked
        }
        Map<String, List<String>> missing = new TreeMap<>();
        for (Path f : files) {
            Proc.Result r = Proc.of("ldd", f.toString()).timeout(Duration.ofSeconds(20)).run();
            for (String line : r.stdout().split("\n")) {
                String l = line.strip();
                if (l.endsWith("=> not found")) missing.computeIfAbsent(l.substring(0, l.indexOf(' ')), k -> new ArrayList<>()).add(out.relativize(f).toString());
            }
        }
        return missing.entrySet().stream().map(e -> new Missing(e.getKey(), List.copyOf(e.getValue()))).toList();
    }
}
