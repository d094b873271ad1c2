package nixpylab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import testkit.HostOnly;
import testkit.ScriptRun;

/**
 * ARCHITECTURE.adoc as a test: its "may import" table and the core's order, read from the page
 * itself, against every source file under scripts/; and the rules beside them (only terminal/ and
 * scripts print, only Proc starts processes, no cycle between packages, no java.… name in full).
 * Each rule is also tried on the wrong code people write, so that a rule that cannot fail is noticed.
 */
@HostOnly
class ArchitectureTest {
    static final Path SCRIPTS = ScriptRun.REPO.resolve("scripts");
    static final Path PAGE = ScriptRun.REPO.resolve("ARCHITECTURE.adoc");
    static final List<String> LAYERS_OF_OURS = List.of("nixpylab", "site", "workshop", "terminal");

    /** One source file as the rules see it: its path under scripts/, its package, its imports, and its code without comments and strings. */
    record Source(String path, String pkg, List<String> imports, String code) {
        static Source of(String path, String text) {
            Matcher p = Pattern.compile("(?m)^package\\s+([\\w.]+);").matcher(text);
            String pkg = p.find() ? p.group(1) : "";
            List<String> imports = new ArrayList<>();
            Matcher i = Pattern.compile("(?m)^import\\s+(?:static\\s+)?([\\w.]+)\\s*;").matcher(text);
            while (i.find()) imports.add(i.group(1));
            String code = text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("\"(?:[^\"\\\\\\n]|\\\\.)*\"", "\"\"").replaceAll("//[^\\n]*", "")
                    .replaceAll("(?m)^(import|package) [^\\n]*", "");
            return new Source(path, pkg, imports, code);
        }

        /** The packages of ours this file names: by import, or written in full in its code. */
        Set<String> packagesUsed() {
            Set<String> out = new TreeSet<>();
            List<String> names = new ArrayList<>(imports);
            Matcher m = Pattern.compile("(?<![\\w.])((?:nixpylab|site|workshop|terminal)(?:\\.[a-z]+)*\\.[A-Z]\\w*)").matcher(code);
            while (m.find()) names.add(m.group(1));
            for (String n : names) {
                String[] parts = n.split("\\.");
                if (!LAYERS_OF_OURS.contains(parts[0])) continue;
                List<String> p = new ArrayList<>();
                for (String part : parts) {
                    if (Character.isUpperCase(part.charAt(0))) break;
                    p.add(part);
                }
                String q = String.join(".", p);
                if (!q.equals(pkg)) out.add(q);
            }
            return out;
        }
    }

    /** The page's rules: each layer's folder and the layers it may import, and the core's packages in order. */
    record Rules(Map<String, Set<String>> mayImport, List<String> coreOrder) {
        static Rules of(String page) {
            Map<String, Set<String>> may = new LinkedHashMap<>();
            String table = page.substring(page.indexOf("|===") + 4);
            table = table.substring(table.indexOf("\n", table.indexOf("|folder")) + 1, table.indexOf("|==="));
            List<String> cells = new ArrayList<>();
            for (String line : table.split("\n")) if (line.startsWith("|")) cells.add(line.substring(1).strip());
            List<String> layers = new ArrayList<>();
            for (int i = 0; i + 2 < cells.size(); i += 3) layers.add(layer(cells.get(i)));
            for (int i = 0; i + 2 < cells.size(); i += 3) {
                String l = layer(cells.get(i)), said = cells.get(i + 2);
                Set<String> allowed = new LinkedHashSet<>();
                allowed.add(l);
                if (said.equals("everything below")) allowed.addAll(layers.subList(layers.indexOf(l), layers.size()));
                else if (!said.equals("itself only")) for (String w : said.split(",\\s*")) allowed.add(w.strip());
                may.put(l, allowed);
            }
            Matcher o = Pattern.compile("each package may import only the ones before it in this order: ([^\\n]*)").matcher(page);
            if (!o.find()) throw new AssertionError("ARCHITECTURE.adoc names the core's order (\"each package may import only the ones before it in this order: …\")");
            List<String> order = new ArrayList<>();
            Matcher b = Pattern.compile("`([a-z]+)`").matcher(o.group(1));
            while (b.find()) order.add(b.group(1).equals("nixpylab") ? "nixpylab" : "nixpylab." + b.group(1));
            return new Rules(may, order);
        }

        /** "`scripts/site/`" is site; "`scripts/nixpylab/` (the core)" is core; "`scripts/*.java` …" is scripts. */
        static String layer(String folderCell) {
            Matcher m = Pattern.compile("`scripts/([a-z]+)/`").matcher(folderCell);
            if (m.find()) return m.group(1).equals("nixpylab") ? "core" : m.group(1);
            if (folderCell.startsWith("`scripts/*.java`")) return "scripts";
            throw new AssertionError("a row of ARCHITECTURE.adoc's table names no folder: " + folderCell);
        }

        static String layerOf(String pkg) {
            if (pkg.isEmpty()) return "scripts";
            String top = pkg.split("\\.")[0];
            return top.equals("nixpylab") ? "core" : top;
        }

        List<String> importProblems(List<Source> sources) {
            List<String> out = new ArrayList<>();
            for (Source s : sources) {
                String from = layerOf(s.pkg());
                for (String used : s.packagesUsed()) {
                    String to = layerOf(used);
                    if (!mayImport.getOrDefault(from, Set.of(from)).contains(to)) {
                        out.add(s.path() + " uses " + used + ": a class of " + to + ", which " + from + " may not import (ARCHITECTURE.adoc's table)");
                    } else if (from.equals("core") && (coreOrder.indexOf(s.pkg()) < 0 || coreOrder.indexOf(used) < 0)) {
                        out.add(s.path() + ": " + (coreOrder.indexOf(s.pkg()) < 0 ? s.pkg() : used) + " is not in the core's order on ARCHITECTURE.adoc");
                    } else if (from.equals("core") && coreOrder.indexOf(used) > coreOrder.indexOf(s.pkg())) {
                        out.add(s.path() + " (" + s.pkg() + ") uses " + used + ", which comes after it in the core's order");
                    }
                }
            }
            return out;
        }
    }

    static final Set<String> PROGRAMS = Set.of("nixpylab/currentnix/RootEntry.java");

    static List<String> printingProblems(List<Source> sources) {
        List<String> out = new ArrayList<>();
        for (Source s : sources) {
            String layer = Rules.layerOf(s.pkg());
            if (layer.equals("scripts") || layer.equals("terminal") || PROGRAMS.contains(s.path())) continue;
            if (Pattern.compile("System\\.(out|err)\\b|printStackTrace\\(").matcher(s.code()).find()) out.add(s.path() + " prints, and only terminal/ and the scripts print");
        }
        return out;
    }

    static List<String> processProblems(List<Source> sources) {
        List<String> out = new ArrayList<>();
        for (Source s : sources) {
            if (s.path().equals("nixpylab/Proc.java")) continue;
            if (Pattern.compile("\\bProcessBuilder\\b|Runtime\\.getRuntime\\(\\)\\.exec").matcher(s.code()).find()) out.add(s.path() + " starts a process itself; Proc alone does");
        }
        return out;
    }

    static List<String> inlineNameProblems(List<Source> sources) {
        List<String> out = new ArrayList<>();
        Pattern inline = Pattern.compile("(?<![\\w.])javax?\\.[a-z]+(?:\\.[a-z]+)*\\.[A-Z]\\w*");
        for (Source s : sources) {
            Matcher m = inline.matcher(s.code());
            Set<String> names = new TreeSet<>();
            while (m.find()) names.add(m.group());
            if (!names.isEmpty()) out.add(s.path() + " writes " + String.join(", ", names) + " in full; import it");
        }
        return out;
    }

    /** The cycles between packages (each a list of the packages in it), found from what each file uses. */
    static List<List<String>> cycles(List<Source> sources) {
        Map<String, Set<String>> edges = new TreeMap<>();
        for (Source s : sources) {
            String from = s.pkg().isEmpty() ? "(scripts)" : s.pkg();
            edges.computeIfAbsent(from, k -> new TreeSet<>()).addAll(s.packagesUsed());
        }
        // Tarjan's strongly connected components
        Map<String, Integer> index = new HashMap<>(), low = new HashMap<>();
        List<String> stack = new ArrayList<>();
        List<List<String>> out = new ArrayList<>();
        int[] next = {0};
        for (String v : new ArrayList<>(edges.keySet())) if (!index.containsKey(v)) connect(v, edges, index, low, stack, out, next);
        return out;
    }

    private static void connect(String v, Map<String, Set<String>> edges, Map<String, Integer> index, Map<String, Integer> low, List<String> stack, List<List<String>> out, int[] next) {
        index.put(v, next[0]);
        low.put(v, next[0]++);
        stack.add(v);
        for (String w : edges.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, edges, index, low, stack, out, next);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (stack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> comp = new ArrayList<>();
            String w;
            do {
                w = stack.remove(stack.size() - 1);
                comp.add(w);
            } while (!w.equals(v));
            if (comp.size() > 1) out.add(comp.stream().sorted().toList());
        }
    }

    static List<Source> sources() {
        try (Stream<Path> s = Files.walk(SCRIPTS)) {
            List<Source> out = new ArrayList<>();
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).sorted().toList()) out.add(Source.of(SCRIPTS.relativize(f).toString(), Files.readString(f)));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Rules rules() {
        try {
            return Rules.of(Files.readString(PAGE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void thePageSaysWhatEachLayerMayImport() {
        Rules r = rules();
        assertEquals(List.of("scripts", "terminal", "site", "workshop", "core"), List.copyOf(r.mayImport().keySet()));
        assertEquals(Set.of("core"), r.mayImport().get("core"), "the core imports itself only");
        assertEquals(Set.of("workshop", "core"), r.mayImport().get("workshop"));
        assertTrue(r.mayImport().get("scripts").containsAll(Set.of("terminal", "site", "workshop", "core")), "scripts may import everything below");
        assertEquals(List.of("nixpylab", "nixpylab.nix", "nixpylab.source", "nixpylab.derivation", "nixpylab.room", "nixpylab.currentnix", "nixpylab.workspace", "nixpylab.steps"),
                r.coreOrder());
    }

    @Test
    void everySourceKeepsToTheLayersAndTheCoresOrder() {
        List<Source> all = sources();
        assertTrue(all.size() > 100, "read the sources: " + all.size());
        assertEquals(List.of(), rules().importProblems(all));
    }

    @Test
    void onlyTerminalAndTheScriptsPrint() {
        assertEquals(List.of(), printingProblems(sources()));
    }

    @Test
    void onlyProcStartsProcesses() {
        assertEquals(List.of(), processProblems(sources()));
    }

    @Test
    void noCycleBetweenPackages() {
        assertEquals(List.of(), cycles(sources()));
    }

    /** The page's "No file under scripts/ passes N lines": the files that do, with their length. */
    static List<String> longFiles(String page, Map<String, Integer> lengths) {
        Matcher m = Pattern.compile("No file under `scripts/` passes (\\d+) lines").matcher(page);
        assertTrue(m.find(), "ARCHITECTURE.adoc says how long a file may be");
        int most = Integer.parseInt(m.group(1));
        List<String> out = new ArrayList<>();
        lengths.forEach((file, n) -> {
            if (n > most) out.add(file + ": " + n + " lines, more than " + most + ": split it where it holds two ideas");
        });
        return out;
    }

    @Test
    void noFileIsLongerThanThePageAllows() throws IOException {
        Map<String, Integer> lengths = new TreeMap<>();
        try (Stream<Path> s = Files.walk(SCRIPTS)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) lengths.put(SCRIPTS.relativize(f).toString(), Files.readAllLines(f).size());
        }
        String page = Files.readString(PAGE);
        assertEquals(List.of(), longFiles(page, lengths));
        assertEquals(1, longFiles(page, Map.of("workshop/WorkshopFolder.java", 331, "nixpylab/Proc.java", 120)).size(), "a file of 331 lines is caught");
    }

    @Test
    void noJavaNameWrittenInFull() {
        assertEquals(List.of(), inlineNameProblems(sources()));
    }

    /** The wrong code people write, one rule each: each must be caught, or the rule cannot fail. */
    @Test
    void eachRuleCatchesTheMistakeItIsFor() {
        Rules r = rules();
        Source coreUsesTerminal = Source.of("nixpylab/steps/BuildStep.java", "package nixpylab.steps;\nimport terminal.Lab;\nclass BuildStep { void f() { Lab.say(\"x\"); } }\n");
        Source workshopUsesSite = Source.of("workshop/Check.java", "package workshop;\nclass Check { site.Chapters c; }\n");
        Source basicsUseSteps = Source.of("nixpylab/Proc.java", "package nixpylab;\nimport nixpylab.steps.Step;\nclass Proc {}\n");
        Source nixUsesWorkspace = Source.of("nixpylab/nix/Nix.java", "package nixpylab.nix;\nclass Nix { nixpylab.workspace.Workspace w; }\n");
        assertEquals(4, r.importProblems(List.of(coreUsesTerminal, workshopUsesSite, basicsUseSteps, nixUsesWorkspace)).size(),
                r.importProblems(List.of(coreUsesTerminal, workshopUsesSite, basicsUseSteps, nixUsesWorkspace)).toString());
        Source fine = Source.of("nixpylab/steps/RootsStep.java", "package nixpylab.steps;\nimport nixpylab.nix.Nix;\nimport nixpylab.workspace.Workspace;\n// terminal.Lab in a comment\nclass RootsStep { String s = \"terminal.Lab\"; }\n");
        assertEquals(List.of(), r.importProblems(List.of(fine)), "comments and strings are not imports");

        Source sitePrints = Source.of("site/RunMacro.java", "package site;\nclass RunMacro { void f() { System.out.println(\"x\"); } }\n");
        Source corePrintsTrace = Source.of("nixpylab/nix/Nix.java", "package nixpylab.nix;\nclass Nix { void f(Exception e) { e.printStackTrace(); } }\n");
        Source terminalPrints = Source.of("terminal/Lab.java", "package terminal;\nclass Lab { void f() { System.err.println(\"x\"); } }\n");
        assertEquals(2, printingProblems(List.of(sitePrints, corePrintsTrace, terminalPrints)).size());

        Source ownProcess = Source.of("workshop/Watcher.java", "package workshop;\nclass Watcher { void f() throws Exception { new ProcessBuilder(\"nix-build\").start(); } }\n");
        Source exec = Source.of("site/Pictures.java", "package site;\nclass Pictures { void f() throws Exception { Runtime.getRuntime().exec(new String[] {\"chromium\"}); } }\n");
        assertEquals(2, processProblems(List.of(ownProcess, exec, Source.of("nixpylab/Proc.java", "package nixpylab;\nclass Proc { ProcessBuilder b; }\n"))).size());

        Source a = Source.of("nixpylab/a/A.java", "package nixpylab.a;\nimport nixpylab.b.B;\nclass A {}\n");
        Source b = Source.of("nixpylab/b/B.java", "package nixpylab.b;\nclass B { nixpylab.a.A a; }\n");
        assertEquals(List.of(List.of("nixpylab.a", "nixpylab.b")), cycles(List.of(a, b)), "a cycle through a name written in full counts too");

        Source inline = Source.of("site/Drift.java", "package site;\nclass Drift { java.util.Optional<String> o; String s = \"java.util.List\"; }\n");
        assertEquals(List.of("site/Drift.java writes java.util.Optional in full; import it"), inlineNameProblems(List.of(inline)));
    }
}
