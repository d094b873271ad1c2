package nixpylab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code @name@} placeholders in Nix templates: the derivation files the steps write
 * (resources next to the classes that fill them), and the workshop's starting files, solutions
 * and commands. A placeholder alone on its line is a block: each line of its value is indented as
 * the placeholder is, and an empty value takes the line away.
 */
public final class NixTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("@([A-Za-z][A-Za-z0-9]*(?::[A-Za-z0-9._/-]+)?)@");
    private static final Pattern BLOCK = Pattern.compile("(?m)^([ ]*)@([A-Za-z][A-Za-z0-9]*)@\\n");

    private NixTemplate() {}

    /**
     * @param values   the value of a placeholder, or null when there is none
     * @param unknown  the error for a placeholder without a value
     */
    public static String fill(String text, Function<String, String> values, Function<String, RuntimeException> unknown) {
        Matcher b = BLOCK.matcher(text);
        StringBuilder blocks = new StringBuilder();
        while (b.find()) {
            String v = values.apply(b.group(2));
            if (v == null) throw unknown.apply(b.group(2));
            StringBuilder block = new StringBuilder();
            String body = v.endsWith("\n") ? v.substring(0, v.length() - 1) : v;
            for (String line : body.isEmpty() ? new String[0] : body.split("\n", -1)) block.append(line.isEmpty() ? "" : b.group(1) + line).append('\n');
            b.appendReplacement(blocks, Matcher.quoteReplacement(block.toString()));
        }
        b.appendTail(blocks);
        Matcher m = PLACEHOLDER.matcher(blocks);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = values.apply(m.group(1));
            if (v == null) throw unknown.apply(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** A template shipped next to a class (a //FILES resource), filled with the given values; a missing one is a bug. */
    public static String fill(Class<?> owner, String resource, Map<String, String> values) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("the template " + resource + " is not packaged next to " + owner.getName());
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return fill(text, values::get, name -> new IllegalStateException(resource + " uses @" + name + "@, which " + owner.getSimpleName() + " does not fill"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A string as Nix writes it: double quotes, with \, " and ${ escaped so that Nix cannot interpolate. */
    public static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("${", "\\${") + "\"";
    }
}
