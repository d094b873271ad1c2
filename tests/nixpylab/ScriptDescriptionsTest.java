package nixpylab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import testkit.ScriptRun;

/**
 * Each script's one-line description has one home, {@code jbang-catalog.json} (what {@code jbang
 * alias list} shows); the first line of the script's {@code --help} ({@code @Command}'s first
 * description line) and README's table of scripts are held to the same words, and every script has
 * an alias.
 */
class ScriptDescriptionsTest {
    record Entry(String alias, String script, String description) {}

    static final Pattern CATALOG_ENTRY = Pattern.compile("\"([\\w-]+)\":\\s*\\{\\s*\"script-ref\":\\s*\"([^\"]+)\",\\s*\"description\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    static final Pattern README_ROW = Pattern.compile("(?m)^\\|`([\\w-]+)` \\|`([^`]+)` \\|(.*)$");

    static List<Entry> catalog(String json) {
        List<Entry> entries = new ArrayList<>();
        Matcher m = CATALOG_ENTRY.matcher(json);
        while (m.find()) entries.add(new Entry(m.group(1), m.group(2), m.group(3).replace("\\\"", "\"").replace("\\\\", "\\")));
        return entries;
    }

    /** The first description line of the @Command named after the file, as written in its source; empty when there is none. */
    static Optional<String> helpLine(String script, String source) {
        String name = Path.of(script).getFileName().toString().replaceFirst("\\.java$", "");
        Matcher m = Pattern.compile("@Command\\(name = \"" + Pattern.quote(name) + "\".*?description = \\{?\\s*\"((?:[^\"\\\\]|\\\\.)*)\"", Pattern.DOTALL).matcher(source);
        return m.find() ? Optional.of(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\")) : Optional.empty();
    }

    static List<Entry> readme(String text) {
        List<Entry> rows = new ArrayList<>();
        Matcher m = README_ROW.matcher(text);
        while (m.find()) rows.add(new Entry(m.group(1), m.group(2), m.group(3).replace("\\|", "|")));
        return rows;
    }

    /** What disagrees: a script without --help line or alias, a line that differs, a README row missing or different. */
    static List<String> problems(List<Entry> catalog, Map<String, String> sources, List<Entry> readme) {
        List<String> problems = new ArrayList<>();
        for (Entry e : catalog) {
            String source = sources.get(e.script());
            if (source == null) {
                problems.add(e.alias() + ": " + e.script() + " does not exist");
                continue;
            }
            Optional<String> help = helpLine(e.script(), source);
            if (help.isEmpty()) problems.add(e.script() + ": no @Command description");
            else if (!help.get().equals(e.description())) problems.add(e.script() + ": --help opens with \"" + help.get() + "\", the catalog says \"" + e.description() + "\"");
        }
        for (String script : sources.keySet()) {
            if (script.startsWith("scripts/") && catalog.stream().noneMatch(e -> e.script().equals(script))) problems.add(script + ": no alias in jbang-catalog.json");
        }
        if (!readme.equals(catalog)) problems.add("README's table of scripts differs from jbang-catalog.json: " + readme + " against " + catalog);
        return problems;
    }

    static Map<String, String> sources(List<Entry> catalog) throws IOException {
        Map<String, String> sources = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(ScriptRun.REPO.resolve("scripts"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".java")).sorted().toList()) sources.put("scripts/" + p.getFileName(), Files.readString(p));
        }
        for (Entry e : catalog) {
            Path p = ScriptRun.REPO.resolve(e.script());
            if (!sources.containsKey(e.script()) && Files.isRegularFile(p)) sources.put(e.script(), Files.readString(p));
        }
        return sources;
    }

    @Test
    void theCatalogHelpAndReadmeSayTheSame() throws IOException {
        List<Entry> catalog = catalog(Files.readString(ScriptRun.REPO.resolve("jbang-catalog.json")));
        assertTrue(catalog.size() >= 20, "the catalog as read: " + catalog);
        assertEquals(List.of(), problems(catalog, sources(catalog), readme(Files.readString(ScriptRun.REPO.resolve("README.adoc")))));
    }

    @Test
    void eachDisagreementIsFound() {
        List<Entry> catalog = List.of(new Entry("roots", "scripts/Roots.java", "Step 4: the roots."));
        String roots = "@Command(name = \"Roots\", mixinStandardHelpOptions = true,\n        description = \"Step 4: the roots.\")";
        List<Entry> readme = List.of(new Entry("roots", "scripts/Roots.java", "Step 4: the roots."));
        assertEquals(List.of(), problems(catalog, Map.of("scripts/Roots.java", roots), readme));
        // --help worded apart from the catalog
        assertEquals(1, problems(catalog, Map.of("scripts/Roots.java", roots.replace("the roots", "GC roots")), readme).size());
        // the array form's first line counts
        assertEquals(List.of(), problems(catalog, Map.of("scripts/Roots.java", roots.replace("description = \"Step 4: the roots.\"", "description = {\"Step 4: the roots.\",\n \"More.\"}")), readme));
        // a new script nobody added to the catalog
        assertEquals(1, problems(catalog, Map.of("scripts/Roots.java", roots, "scripts/Pin.java", "@Command(name = \"Pin\", description = \"x\")"), readme).size());
        // README's row edited on its own, or missing
        assertEquals(1, problems(catalog, Map.of("scripts/Roots.java", roots), List.of(new Entry("roots", "scripts/Roots.java", "Step 4: roots."))).size());
        assertEquals(1, problems(catalog, Map.of("scripts/Roots.java", roots), List.of()).size());
        // an alias whose script is gone
        assertEquals(1, problems(catalog, Map.of(), readme).size());
    }

    @Test
    void readsTheFormatsAsWritten() {
        assertEquals(List.of(new Entry("a-b", "scripts/A.java", "Say \"x\".")),
                catalog("{ \"aliases\": { \"a-b\": {\n \"script-ref\": \"scripts/A.java\",\n \"description\": \"Say \\\"x\\\".\"\n } } }"));
        assertEquals(List.of(new Entry("a", "scripts/A.java", "x | y")), readme("|`a` |`scripts/A.java` |x \\| y\n"));
    }
}
