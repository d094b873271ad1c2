///usr/bin/env jbang "$0" "$@" ; exit $?
//SOURCES nixpylab/Toolkit.java
//JAVA_OPTIONS -Xmx64m -XX:+UseSerialGC

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import terminal.Cli;
import terminal.PrefetchReport;

@Command(name = "Prefetch", mixinStandardHelpOptions = true, version = Cli.VERSION,
        description = "Prints the hashes Nix will want for a source tarball, before asking Nix: flat (fetchurl) and unpacked (fetchzip, fetchFromGitHub).",
        exitCodeList = {"0:The hashes are printed.", "1:The source cannot be read or is not an archive (the step says which)."})
public class Prefetch implements Callable<Integer> {
    @Parameters(paramLabel = "SOURCE", arity = "0..1", description = "A tarball or zip: a path, or an http(s)/file URL (default: the source of the --workdir workspace).")
    String source;

    @Option(names = "--workdir", description = "A tutorial workspace whose source to hash when no SOURCE is given (default: ${DEFAULT-VALUE}).", defaultValue = "lab")
    Path workdir;

    @Option(names = "--json", description = "Print JSON for scripts.")
    boolean json;

    @Option(names = "--explain", description = "Say what the unpacked hash covers: entries, sizes, executables, symlinks.")
    boolean explain;

    @Option(names = "--flat", description = "Only the flat hash (no unpacking).")
    boolean flatOnly;

    public static void main(String[] args) {
        System.exit(Cli.execute(new Prefetch(), args));
    }

    @Override
    public Integer call() {
        String what = source != null ? source : PrefetchReport.workspaceSource(workdir);
        return new PrefetchReport(what, !flatOnly).print(json, explain);
    }
}
