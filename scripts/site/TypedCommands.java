package site;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nixpylab.Proc;
import nixpylab.derivation.NixpkgsDerivation;
import nixpylab.source.PythonSource;
import nixpylab.steps.Step;

/**
 * The Nix commands a recorded block ran, as a learner types them on their own machine: the option
 * only this machine needed (--option substituters '', because no binary cache answers here) left
 * out, and paths in the block's workspace written from inside it. The bare profile's
 * extra-sandbox-paths stays: every sandboxed build of that file needs it. The recorded output keeps
 * both; the page says once why they are there.
 */
public final class TypedCommands {
    /** The option only the recording machine needed, with its value (one shell word). */
    static final Pattern MACHINE_OPTION = Pattern.compile(" --option substituters (?:'[^']*'|[^ ']+)");
    private static final Pattern NIX_COMMAND = Pattern.compile("^\\$ (nix|nix-build|nix-store|nix-instantiate|nix-shell|nix-prefetch-url|nix-hash|nix-env|nix-collect-garbage)( .*)?$");

    private TypedCommands() {}

    /** The commands of a transcript as a learner types them, in the order it ran them, each once. */
    public static List<String> of(Transcript t, String workspace) {
        List<String> out = new ArrayList<>();
        for (Proc.Line l : t.lines()) {
            if (!l.stderr()) continue;
            Matcher m = NIX_COMMAND.matcher(l.text());
            if (!m.matches()) continue;
            String typed = typed(l.text().substring(2), workspace);
            if (!out.contains(typed)) out.add(typed);
        }
        return out;
    }

    /** One recorded command line (without "$ "), as typed: machine options out, workspace paths relative to it. */
    static String typed(String recorded, String workspace) {
        String s = MACHINE_OPTION.matcher(recorded).replaceAll("");
        return s.replace(" " + workspace + "/", " ").replace("=" + workspace + "/", "=");
    }

    /** The file a learner with nixpkgs has: the nixpkgs profile's, for the CPython the video builds. */
    static String videoFileName() {
        return NixpkgsDerivation.of("", PythonSource.DEFAULT_VERSION, null).fileName();
    }

    /** The by-hand form of a recorded step's command (scripts/Build.java → ./jbang scripts/Build.java --by-hand), for the steps that have one. */
    static Optional<String> byHand(String script) {
        for (Step s : Step.values()) {
            if (s.byHand() && script.equals("scripts/" + s.script() + ".java")) return Optional.of("./jbang " + script + " --by-hand");
        }
        return Optional.empty();
    }

    /** Whether a recorded line carries an option only the recording machine needed. */
    static boolean hasMachineOption(String line) {
        return MACHINE_OPTION.matcher(line).find();
    }
}
