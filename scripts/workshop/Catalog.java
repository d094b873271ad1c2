package workshop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nixpylab.UserError;

/** The exercises in the repository's exercises/ folder, in number order. */
public record Catalog(Path dir, List<Exercise> exercises) {
    public static Catalog load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserError("There is no exercises folder at " + dir + ".", "Run the workshop from the NixPy Lab repository, or pass --exercises DIR.");
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Exercise> l = s.filter(p -> Files.isDirectory(p) && p.getFileName().toString().matches("[0-9]{2}-.*")).sorted().map(Exercise::load).toList();
            return new Catalog(dir.toAbsolutePath().normalize(), l);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The exercise with this number ("3"), or with this folder name ("03-two-builds"). */
    public Exercise find(String which) {
        for (Exercise e : exercises) {
            if (e.slug().equals(which) || which.matches("[0-9]+") && e.number() == Integer.parseInt(which)) return e;
        }
        throw new UserError("There is no exercise '" + which + "': the exercises are numbered 1 to " + exercises.size() + ".",
                "Run ./jbang scripts/Workshop.java list to see them.");
    }
}
