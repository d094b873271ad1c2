package workshop;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nixpylab.UserError;

/** Fills {@code @name@} placeholders in starting files, solutions and commands with this machine's values. */
public final class Template {
    private static final Pattern PLACEHOLDER = Pattern.compile("@([A-Za-z][A-Za-z0-9]*(?::[A-Za-z0-9._/-]+)?)@");

    private Template() {}

    /** @param values returns the value of a placeholder, or null when there is none */
    public static String fill(String text, Function<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = values.apply(m.group(1));
            if (v == null) {
                throw new UserError("The exercise files use @" + m.group(1) + "@, which the workshop does not know.",
                        "Fix the exercise: the placeholders are @sourceUrl@, @sourceHash@, @pythonVersion@, @pythonMinor@, @nonce@ and @out:FILE@.");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
