package nixpylab.steps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nixpylab.Proc;
import nixpylab.UserError;
import nixpylab.workspace.Workspace;
import nixpylab.nix.Nix;
import nixpylab.nix.NixAnswer;
import nixpylab.nix.StorePath;

/**
 * Each step's work again with the nix command, beside the classic command the video types: the
 * source and the build (nix build), the .drv's postPatch (nix derivation show), the roots (no
 * counterpart: nix-store's query stays), a delete (nix store delete, on Closure's small program, so
 * that the tutorial's CPython stays), building a live path again without deleting it (nix build
 * --rebuild, and nix-build --check), and the build's log (nix log, and nix-store --read-log).
 */
public final class NixCommandStep {
    /** What the step did for one pair, in order: asked Nix, or removed a link (a root) of the workspace's. */
    public sealed interface Move permits Asked, Removed {}

    public record Asked(NixAnswer answer) implements Move {}

    public record Removed(String link) implements Move {}

    /** A step, the classic command it types, and what the nix command answered for the same work. */
    public record Pair(String step, String classic, List<Move> moves, String finding) {}

    public record Outcome(List<Pair> pairs, boolean rebuildSame) {}

    private static final Pattern POST_PATCH = Pattern.compile("\"postPatch\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern DRV = Pattern.compile("\"((?:/nix/store/)?[0-9a-z]{32}-[^\"/]+\\.drv)\"");

    private NixCommandStep() {}

    public static Outcome run(Workspace ws, Nix nix) {
        Step.NIX_COMMAND.requireDone(ws.state()::done, ws.dir());
        StorePath python = ws.lastBuilt().orElseThrow();
        Path hello = ws.dir().resolve(ClosureStep.LINK);
        if (!nix.isValid(python) || !Files.isSymbolicLink(hello)) {
            throw new UserError("The tutorial's CPython or Closure's program is no longer in this workspace's store paths.", "Run ./jbang scripts/Build.java, then ./jbang scripts/Closure.java, then this step.");
        }
        String file = ws.state().nixFile().orElseThrow();
        List<Pair> pairs = new ArrayList<>();

        NixAnswer src = ask(ws, nix.nixCommand("build", "-f", file, "src", "--no-link", "--json"));
        pairs.add(new Pair("FetchFakeHash", "nix-build " + file + " -A src --no-out-link", List.of(new Asked(src)),
                out(src).map(p -> p.equals(ws.state().sourcePath().map(StorePath::path).orElse("")) ? "the same source, already in the store: " + p : "another source than the workspace's: " + p).orElse("no answer")));

        // nix show-derivation became nix derivation show in Nix 2.15
        NixAnswer show = ask(ws, nix.version().atLeast(2, 15) ? nix.nixCommand("derivation", "show", "-f", file) : nix.nixCommand("show-derivation", "-f", file));
        pairs.add(new Pair("PostPatch", "nix-store --query --binding postPatch $(nix-instantiate " + file + ")", List.of(new Asked(summarised(show))), postPatchFinding(show)));

        NixAnswer build = ask(ws, nix.nixCommand("build", "-f", file, "-o", "result", "--json"));
        boolean same = out(build).equals(Optional.of(python.path()));
        pairs.add(new Pair("Build", "nix-build " + file + " -o result", List.of(new Asked(build)),
                same ? "the same output, already valid: nothing was built" : "another output than the workspace's " + python));

        NixAnswer roots = ask(ws, nix.command("nix-store", "--query", "--roots", "./result"));
        pairs.add(new Pair("Roots", "nix-store --query --roots ./result", List.of(new Asked(roots)), "the nix command has no query for a path's roots: nix-store's is the one to use"));

        StorePath program = new StorePath(readLink(hello));
        NixAnswer alive = ask(ws, nix.nixCommand("store", "delete", "./" + ClosureStep.LINK));
        try {
            Files.delete(hello);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        NixAnswer deleted = ask(ws, nix.nixCommand("store", "delete", program.path()));
        pairs.add(new Pair("ForceDelete", "nix-store --delete --ignore-liveness PATH", List.of(new Asked(alive), new Removed(ClosureStep.LINK), new Asked(deleted)),
                (alive.ok() ? "deleted although alive" : "refused while " + ClosureStep.LINK + " kept it alive") + "; " + (deleted.ok() && !nix.isValid(program) ? "deleted once the link was removed" : "still there")));

        NixAnswer again = ask(ws, nix.nixCommand("build", "-f", ClosureStep.FILE, "-o", ClosureStep.LINK, "--json"));
        NixAnswer rebuild = ask(ws, nix.nixCommand("build", "-f", ClosureStep.FILE, "--rebuild", "--no-link"));
        NixAnswer check = ask(ws, nix.command("nix-build", ClosureStep.FILE, "--check", "--no-out-link"));
        ws.state().madeLink(hello);
        ws.save();
        pairs.add(new Pair("Repeatable", "nix-build " + ClosureStep.FILE + " --check", List.of(new Asked(again), new Asked(rebuild), new Asked(check)),
                out(again).equals(Optional.of(program.path())) ? "built again at the same path; the rebuild of the live path " + (rebuild.ok() && check.ok() ? "gave the same bytes, and nothing was deleted" : "differed") : "built at another path"));

        NixAnswer log = ask(ws, nix.nixCommand("log", "./result"));
        NixAnswer readLog = ask(ws, nix.command("nix-store", "--read-log", "./result"));
        pairs.add(new Pair("Build's log", "nix-store --read-log ./result", List.of(new Asked(tail(log)), new Asked(tail(readLog))),
                log.ok() && readLog.ok() && withoutWhere(log.out()).equals(readLog.out()) ? "the same log; nix log first says where it got it" : "two different logs"));

        ws.state().done(Step.NIX_COMMAND, Instant.now());
        ws.save();
        return new Outcome(pairs, rebuild.ok() && check.ok());
    }

    private static final Pattern OUT = Pattern.compile("\"out\"\\s*:\\s*\"([^\"]+)\"");

    /** The output path in nix build --json's answer. */
    static Optional<String> out(NixAnswer a) {
        Matcher m = OUT.matcher(a.text());
        return a.ok() && m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static NixAnswer ask(Workspace ws, List<String> cmd) {
        return NixAnswer.ask(ws.dir(), cmd);
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** nix log's own line above the log: "got build log for '…' from 'local'". */
    static List<String> withoutWhere(List<String> log) {
        return !log.isEmpty() && log.get(0).startsWith("got build log for ") ? log.subList(1, log.size()) : log;
    }

    /** A long answer as its first line when that is nix log's own, and its last three (how many lines a build logs is not the lesson). */
    static NixAnswer tail(NixAnswer a) {
        if (a.out().size() <= 4) return a;
        List<Proc.Line> lines = new ArrayList<>();
        if (withoutWhere(a.out()).size() < a.out().size()) lines.add(new Proc.Line(false, a.out().get(0)));
        lines.add(new Proc.Line(false, "(… the log, down to its last three lines:)"));
        for (String l : a.out().subList(a.out().size() - 3, a.out().size())) lines.add(new Proc.Line(false, l));
        return new NixAnswer(a.command(), a.ok(), a.out(), lines);
    }

    /** The .drv's JSON as the .drv's path and the first lines of its postPatch. */
    static NixAnswer summarised(NixAnswer a) {
        if (!a.ok()) return a;
        List<Proc.Line> lines = new ArrayList<>();
        Matcher d = DRV.matcher(a.text());
        lines.add(new Proc.Line(false, "(" + a.text().length() + " characters of JSON: the .drv " + (d.find() ? d.group(1) : "?") + "; its env.postPatch begins:)"));
        postPatch(a.text()).ifPresent(p -> p.lines().limit(2).forEach(l -> lines.add(new Proc.Line(false, "  " + l))));
        return new NixAnswer(a.command(), a.ok(), a.out(), lines);
    }

    private static String postPatchFinding(NixAnswer a) {
        return postPatch(a.text()).map(p -> p.contains("Modules/Setup.local") ? "the same postPatch, read from JSON: it writes Modules/Setup.local" : "a postPatch that does not write Modules/Setup.local")
                .orElse("no postPatch in the .drv");
    }

    /** The postPatch in the JSON of a .drv, its escapes decoded. */
    static Optional<String> postPatch(String json) {
        Matcher m = POST_PATCH.matcher(json);
        if (!m.find()) return Optional.empty();
        String s = m.group(1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(e);
            }
        }
        return Optional.of(out.toString());
    }
}
