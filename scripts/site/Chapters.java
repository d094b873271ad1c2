package site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nixpylab.UserError;

/**
 * The chapters' sources and their run:: blocks, read before anything is converted: the blocks of
 * one workspace form a chain (each runs in the workspace the ones before it left), in the order of
 * the chapters (file names sort: 01-…, 02-…) and of the blocks in them.
 */
public final class Chapters {
    static final String DEFAULT_WORKSPACE = "lab";
    private static final Pattern RUN = Pattern.compile("^run::([A-Za-z0-9]+)\\[(.*)\\]\\s*$");
    private static final Pattern ATTR = Pattern.compile("(\\w+)\\s*=\\s*(?:\"([^\"]*)\"|([^,\\s\\]]+))");
    private static final Pattern WORKSPACE = Pattern.compile("^:nixpylab-workspace:\\s*(\\S+)\\s*$");

    private Chapters() {}

    /** Chapter sources in order; files starting with _ are partials. */
    public static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".adoc") && !p.getFileName().toString().startsWith("_")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String name(Path adoc) {
        String n = adoc.getFileName().toString();
        return n.substring(0, n.length() - ".adoc".length());
    }

    /** Every run:: block of every chapter, chained by workspace, in order. */
    public static Map<String, List<RunBlock>> chains(Path dir) {
        Map<String, List<RunBlock>> chains = new LinkedHashMap<>();
        for (Path c : list(dir)) for (RunBlock b : blocks(c)) chains.computeIfAbsent(b.workspace(), k -> new ArrayList<>()).add(b);
        for (List<RunBlock> chain : chains.values()) {
            for (RunBlock b : chain) {
                if (b.as() != null && !b.asLearner()) {
                    throw new UserError(b.label() + " says as=" + b.as() + ", and the only other user a block can run as is " + RunBlock.LEARNER + ".",
                            "Write as=" + RunBlock.LEARNER + " (an ordinary user through the Nix daemon), or leave it out.");
                }
                b.serveProblem().ifPresent(p -> {
                    throw new UserError(p + ".", "See chapters/09-workshop.adoc's join block: run::Workshop[args=\"join " + RunBlock.URL + " " + RunBlock.KEY + " …\", serve=room].");
                });
                if (b.asLearner() != chain.get(0).asLearner()) {
                    throw new UserError(b.label() + " runs as another user than the blocks before it in workspace " + b.workspace()
                            + ", and a workspace belongs to one user.", "Give the as=" + RunBlock.LEARNER + " blocks a workspace of their own (:nixpylab-workspace: NAME above them).");
                }
            }
        }
        return chains;
    }

    /** The run:: blocks of one chapter, skipping listings (----) and comment blocks (////), where a run:: line is only text. */
    static List<RunBlock> blocks(Path adoc) {
        List<RunBlock> out = new ArrayList<>();
        String workspace = DEFAULT_WORKSPACE;
        String delimiter = null;
        try {
            for (String line : Files.readAllLines(adoc)) {
                String t = line.strip();
                if (delimiter != null) {
                    if (t.equals(delimiter)) delimiter = null;
                    continue;
                }
                if (t.matches("-{4,}|/{4,}|\\.{4,}")) {
                    delimiter = t;
                    continue;
                }
                Matcher w = WORKSPACE.matcher(line);
                if (w.matches()) workspace = w.group(1);
                Matcher m = RUN.matcher(line);
                if (!m.matches()) continue;
                Map<String, String> attrs = new LinkedHashMap<>();
                Matcher a = ATTR.matcher(m.group(2));
                while (a.find()) attrs.put(a.group(1), a.group(2) != null ? a.group(2) : a.group(3));
                String args = attrs.getOrDefault("args", "").trim();
                out.add(new RunBlock(name(adoc), out.size() + 1, workspace, m.group(1), args.isEmpty() ? List.of() : Arrays.asList(args.split("\\s+")),
                        "fail".equals(attrs.get("expect")), attrs.containsKey("exit") ? Integer.valueOf(attrs.get("exit")) : null, attrs.get("id"),
                        attrs.get("nix"), attrs.get("as"), attrs.get("serve")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
