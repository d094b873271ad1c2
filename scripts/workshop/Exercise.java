package workshop;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import nixpylab.UserError;

/**
 * One workshop exercise, as it sits in the repository under {@code exercises/NN-name/}:
 * {@code exercise.properties} (title, chapter, check, the learner's files, setup commands),
 * {@code task.adoc}, {@code hints.adoc} (one {@code == Hint N} section per hint), the starting
 * files in {@code start/} and the reference solution apart in {@code solution/} (files that
 * replace the starting ones, and {@code commands.txt}: what a learner would type).
 */
public record Exercise(int number, String slug, Path source, Properties settings, List<String> hints) {
    public static Exercise load(Path dir) {
        String slug = dir.getFileName().toString();
        if (!slug.matches("[0-9]{2}-[a-z0-9-]+")) {
            throw new UserError("The folder " + dir + " is not named like an exercise (NN-name).", "Rename it, or move it out of exercises/.");
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(dir.resolve("exercise.properties"), StandardCharsets.UTF_8)));
            List<String> hints = parseHints(Files.exists(dir.resolve("hints.adoc")) ? Files.readString(dir.resolve("hints.adoc"), StandardCharsets.UTF_8) : "");
            return new Exercise(Integer.parseInt(slug.substring(0, 2)), slug, dir, p, hints);
        } catch (IOException e) {
            throw new UserError("Exercise " + slug + " cannot be read: " + e.getMessage(), "Check that " + dir + " has an exercise.properties file.");
        }
    }

    /** Hints are the bodies of the {@code == } sections, in order. */
    public static List<String> parseHints(String text) {
        List<String> hints = new ArrayList<>();
        StringBuilder cur = null;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("== ")) {
                if (cur != null) hints.add(cur.toString().strip());
                cur = new StringBuilder();
            } else if (cur != null) {
                cur.append(line).append('\n');
            }
        }
        if (cur != null) hints.add(cur.toString().strip());
        return hints;
    }

    public String title() {
        return settings.getProperty("title", slug);
    }

    public String chapter() {
        return settings.getProperty("chapter", "");
    }

    /** Chapters this exercise belongs to: its own, then any listed under "also". */
    public List<String> chapters() {
        List<String> l = new ArrayList<>(List.of(chapter()));
        l.addAll(words(settings.getProperty("also", "")));
        l.removeIf(String::isBlank);
        return l;
    }

    public String check() {
        return settings.getProperty("check", "");
    }

    public String setting(String key) {
        String v = settings.getProperty(key);
        if (v == null) throw new UserError("Exercise " + slug + " does not say its '" + key + "'.", "Add '" + key + " = …' to " + source.resolve("exercise.properties") + ".");
        return v.strip();
    }

    /** The files the learner edits; the first is the one to open. */
    public List<String> files() {
        return Arrays.stream(settings.getProperty("files", "").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public Path startDir() {
        return source.resolve("start");
    }

    public Path solutionDir() {
        return source.resolve("solution");
    }

    public String task() {
        try {
            return Files.readString(source.resolve("task.adoc"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The task without its "= Title" line. */
    public String taskBody() {
        String t = task();
        return (t.startsWith("= ") ? t.substring(t.indexOf('\n') + 1) : t).strip();
    }

    /** The task's first paragraph: what the chapters show before linking to the whole task. */
    public String taskSummary() {
        return taskBody().split("\n\\s*\n", 2)[0].strip();
    }

    /** Commands the workshop runs after copying the starting files (setup.1, setup.2, …). */
    public List<List<String>> setup() {
        List<List<String>> cmds = new ArrayList<>();
        for (int i = 1; settings.containsKey("setup." + i); i++) cmds.add(words(settings.getProperty("setup." + i)));
        return cmds;
    }

    /** The solution's commands: one per line, words split on spaces, '#' lines are comments. No shell. */
    public List<List<String>> solutionCommands() {
        Path f = solutionDir().resolve("commands.txt");
        if (!Files.exists(f)) return List.of();
        try {
            return parseCommands(Files.readString(f, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<List<String>> parseCommands(String text) {
        List<List<String>> cmds = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) continue;
            cmds.add(words(line));
        }
        return cmds;
    }

    static List<String> words(String line) {
        return Arrays.stream(line.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    /** Relative paths of the regular files under a folder (start/ or solution/), commands.txt excepted. */
    public static List<String> filesUnder(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).filter(n -> !n.equals("commands.txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
