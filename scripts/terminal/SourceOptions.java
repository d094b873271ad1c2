package terminal;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where CPython's source comes from, and whether a hash only the download vouches for is written: for the steps and the workshop alike. */
public class SourceOptions {
    @Option(names = "--source", paramLabel = "PATH", description = "A CPython source tarball on this machine.")
    public Path source;

    @Option(names = "--source-url", paramLabel = "URL", description = "A URL of a CPython source tarball.")
    public String sourceUrl;

    @Option(names = "--trust-first-use", description = "Write the source hash Nix computed even when nothing but the download vouches for it (fetchFromGitHub, an unknown tarball).")
    public boolean trustFirstUse;
}
