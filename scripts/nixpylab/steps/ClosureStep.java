package nixpylab.steps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import nixpylab.AtomicFile;
import nixpylab.NixTemplate;
import nixpylab.Proc;
import nixpylab.UserError;
import nixpylab.workspace.Workspace;
import nixpylab.nix.BuildWatch;
import nixpylab.nix.Nix;
import nixpylab.nix.NixErrors;
import nixpylab.nix.StorePath;

/**
 * What a build needs against what its output needs at run time. Writes hello-py.nix, a small
 * program built by the tutorial's CPython (the interpreter is its builder) from a greeting in the
 * store, builds it, and asks Nix: the .drv's references (the build's inputs), the output's
 * (found by scanning the output for the hash parts of those inputs, which the step shows by
 * looking for each hash itself), both closures (the build's with the outputs of its .drv files) and
 * where the source tarball is in them, the tree,
 * and with the nix command, why-depends and path-info.
 */
public final class ClosureStep {
    public static final String FILE = "hello-py.nix";
    public static final String LINK = "result-hello";
    /** The program's name in the store (hello-py.nix's derivation name). */
    public static final String NAME = "hello-py";

    /** A query as the learner types it, and the lines Nix answered. */
    public record Query(List<String> command, List<String> lines) {}

    /** Where an input's hash part occurs in the output's files: file and line, or empty when nowhere. */
    public record Scan(StorePath input, Optional<String> foundAt) {}

    /** The inputs' hash parts in the output, the closures, and the source tarball's place in them. */
    public record Outcome(Path file, BuildStep.Outcome build, Query drvReferences, Query outReferences, List<Scan> scans, Query buildClosure,
                          Query runtimeClosure, Query pythonReferences, Optional<String> sourceTarball, Query tree, List<Query> nixCommand) {}

    private ClosureStep() {}

    public static Outcome run(Workspace ws, Nix nix, Duration timeout, boolean nixCommand, Consumer<BuildWatch.Progress> progress) {
        Step.CLOSURE.requireDone(ws.state()::done, ws.dir());
        StorePath python = ws.lastBuilt().orElseThrow();
        if (!nix.isValid(python)) throw new UserError(python + " is no longer in the store.", "Run ./jbang scripts/Build.java first.");
        Path file = ws.dir().resolve(FILE);
        AtomicFile.write(file, NixTemplate.fill(ClosureStep.class, FILE, Map.of("pythonFile", ws.state().nixFile().orElseThrow())));
        BuildStep.Outcome b = BuildStep.runFile(ws, nix, file, ws.dir().resolve(LINK), timeout, progress);
        if (!(b instanceof BuildStep.Built built)) return new Outcome(file, b, null, null, List.of(), null, null, null, Optional.empty(), null, List.of());
        String link = "./" + LINK;
        Query drvRefs = byName(query(nix, ws, nix.command("nix-store", "-q", "--references", built.drv().path())));
        Query outRefs = byName(query(nix, ws, nix.command("nix-store", "-q", "--references", link)));
        List<Scan> scans = new ArrayList<>();
        for (String input : inputsOutputs(nix, ws, drvRefs)) scans.add(new Scan(new StorePath(input), findHash(built.out(), new StorePath(input).hashPart())));
        Query buildClosure = byName(query(nix, ws, nix.command("nix-store", "-q", "--requisites", "--include-outputs", built.drv().path())));
        Query runtimeClosure = byName(query(nix, ws, nix.command("nix-store", "-q", "--requisites", link)));
        Query pythonRefs = byName(query(nix, ws, nix.command("nix-store", "-q", "--references", python.path())));
        String srcName = ws.state().sourcePath().map(StorePath::path).orElse("");
        Optional<String> source = buildClosure.lines().stream().filter(l -> l.equals(srcName)).findFirst();
        Query tree = query(nix, ws, nix.command("nix-store", "-q", "--tree", link));
        List<Query> nixCmd = new ArrayList<>();
        if (nixCommand) {
            nixCmd.add(query(nix, ws, List.of("nix", "--extra-experimental-features", "nix-command", "why-depends", "--precise", link, python.path())));
            nixCmd.add(byName(query(nix, ws, List.of("nix", "--extra-experimental-features", "nix-command", "path-info", "-rsSh", link))));
        }
        ws.state().done(Step.CLOSURE, Instant.now());
        ws.save();
        return new Outcome(file, b, drvRefs, outRefs, scans, buildClosure, runtimeClosure, pythonRefs, source, tree, nixCmd);
    }

    /** What the build's direct inputs are at run time: the outputs of its input .drv files, and its input sources as they are. */
    private static List<String> inputsOutputs(Nix nix, Workspace ws, Query drvRefs) {
        List<String> out = new ArrayList<>();
        for (String r : drvRefs.lines()) {
            if (!r.endsWith(".drv")) {
                out.add(r);
                continue;
            }
            out.addAll(query(nix, ws, nix.command("nix-store", "-q", "--outputs", r)).lines());
        }
        return out;
    }

    /**
     * A list of store paths in the order of their names. Nix lists them in the order of their hash
     * parts, which change with every build of a changed derivation, so the same closure would read
     * in another order from run to run.
     */
    static Query byName(Query q) {
        return new Query(q.command(), q.lines().stream().sorted(Comparator.comparing((String l) -> l.replaceFirst("^/nix/store/[0-9a-z]{32}-", "")).thenComparing(l -> l)).toList());
    }

    private static Query query(Nix nix, Workspace ws, List<String> cmd) {
        Proc.Result r = Proc.of(cmd).in(ws.dir()).timeout(Duration.ofMinutes(2)).run();
        if (!r.ok()) {
            throw new UserError("Nix could not answer " + String.join(" ", cmd) + ": " + NixErrors.firstError(r.stderr()).orElse("exit " + r.exitCode()) + ".",
                    "Run it yourself in " + ws.dir() + " to see the whole message; if the store is not yours, run the step as the store's owner or through the daemon.");
        }
        return new Query(cmd, r.stdout().lines().filter(l -> !l.isBlank()).toList());
    }

    /** The first file and line of an output holding a hash part: what Nix's reference scan looks for, byte for byte. */
    static Optional<String> findHash(StorePath out, String hashPart) {
        Path root = Path.of(out.path());
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> Files.isRegularFile(p) || Files.isSymbolicLink(p)).sorted().toList()) {
                String text = Files.isSymbolicLink(f) ? Files.readSymbolicLink(f).toString() : new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                int at = text.indexOf(hashPart);
                if (at < 0) continue;
                int line = 1 + (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
                return Optional.of(root.relativize(f) + (Files.isSymbolicLink(f) ? " (the link's target)" : ", line " + line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.empty();
    }
}
