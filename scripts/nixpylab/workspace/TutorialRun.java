package nixpylab.workspace;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import nixpylab.AtomicFile;
import nixpylab.PropertiesText;

/**
 * What a whole tutorial run did in its workspace, kept there by the tutorial when it ends
 * ({@code .nixpylab/tutorial-run.properties}): on which Nix, each step's exit code, wall time and
 * what it said, and the store path it left built. The tests check this run, the one a learner just
 * made with README's first command, against Nix's own records (the path valid, lab/result on it),
 * instead of paying its CPython builds again.
 */
public record TutorialRun(String nixVersion, String nixStore, Instant finished, int exitCode, Optional<String> result, List<StepRun> steps) {
    static final String FILE = ".nixpylab/tutorial-run.properties";

    /** One step as the tutorial ran it: its name as the summary shows it ("Build (again)"), exit code, wall time, what it said. */
    public record StepRun(String name, int exitCode, long wallMillis, String said) {}

    public void write(Path workspaceDir) {
        Properties p = new Properties();
        p.setProperty("nix.version", nixVersion);
        p.setProperty("nix.store", nixStore);
        p.setProperty("finished", finished.toString());
        p.setProperty("exit", Integer.toString(exitCode));
        result.ifPresent(r -> p.setProperty("result", r));
        for (int i = 0; i < steps.size(); i++) {
            StepRun s = steps.get(i);
            String k = String.format("step.%02d.", i + 1);
            p.setProperty(k + "name", s.name());
            p.setProperty(k + "exit", Integer.toString(s.exitCode()));
            p.setProperty(k + "wall-ms", Long.toString(s.wallMillis()));
            p.setProperty(k + "said", s.said());
        }
        AtomicFile.write(workspaceDir.resolve(FILE), PropertiesText.of(p, "The last whole tutorial run in this workspace (./jbang scripts/Tutorial.java); the tests read it."));
    }

    /** The last run kept in a workspace; empty when there is none or it cannot be read as one. */
    public static Optional<TutorialRun> read(Path workspaceDir) {
        Path file = workspaceDir.resolve(FILE);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(file)));
            List<StepRun> steps = new ArrayList<>();
            for (int i = 1; p.containsKey(String.format("step.%02d.name", i)); i++) {
                String k = String.format("step.%02d.", i);
                steps.add(new StepRun(p.getProperty(k + "name"), Integer.parseInt(p.getProperty(k + "exit")), Long.parseLong(p.getProperty(k + "wall-ms")), p.getProperty(k + "said", "")));
            }
            return Optional.of(new TutorialRun(p.getProperty("nix.version"), p.getProperty("nix.store"), Instant.parse(p.getProperty("finished")),
                    Integer.parseInt(p.getProperty("exit")), Optional.ofNullable(p.getProperty("result")), steps));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The step of this name, as the run's summary names it. */
    public Optional<StepRun> step(String name) {
        return steps.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
