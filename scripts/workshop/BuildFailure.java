package workshop;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nixpylab.nix.Nix;
import nixpylab.nix.NixErrors;

/** Says, in a learner's terms, why a CPython build failed, from the compiler's and Nix's own lines. */
public final class BuildFailure {
    private static final Pattern UNDEFINED = Pattern.compile("undefined reference to [`']([A-Za-z0-9_]+)'");
    private static final Pattern MISSING_HEADER = Pattern.compile("fatal error: ([A-Za-z0-9_./-]+\\.h): No such file");

    private BuildFailure() {}

    /**
     * @param hostPackage the host's -dev package that provides the module's library in the bare profile
     * @param installed whether that package is installed here
     */
    public static String explain(String log, String file, String hostPackage, boolean installed) {
        Matcher undefined = UNDEFINED.matcher(log);
        if (undefined.find()) {
            return "The build failed when linking python: undefined reference to '" + undefined.group(1)
                    + "'. A module in Setup.local is compiled, but its line does not name the library that defines that function (-l…).";
        }
        Matcher header = MISSING_HEADER.matcher(log);
        if (header.find()) {
            String where = hostPackage.isEmpty() ? "" : " In this bare profile they come from the host package " + hostPackage
                    + (installed ? ", which is installed: check the header's name in the file." : ", which is not installed here: apt-get install " + hostPackage + ".");
            return "The build failed: the compiler cannot find " + header.group(1) + ". A module's library headers are an input of the build." + where
                    + " With nixpkgs you would add the library to buildInputs.";
        }
        if (log.contains("makesetup:")) {
            return "The build failed while reading Setup.local: each line is a module name, its C files, then flags.";
        }
        String last = NixErrors.firstError(log).orElse(lastLine(log)).replaceFirst("^error: ", "");
        return "The build failed: " + last + " The compiler's own message is a few lines above Nix's in the output of 'nix-build " + file + "'.";
    }

    private static String lastLine(String s) {
        String[] l = s.strip().split("\n");
        return l[l.length - 1];
    }
}
