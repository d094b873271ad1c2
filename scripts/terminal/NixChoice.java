package terminal;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code --nix host|current}, the one option every command takes to choose its Nix: picocli parses
 * it, and {@link Cli#execute} runs the whole command line again inside the current Nix's root when
 * it says current (subcommands inherit it).
 */
public class NixChoice {
    /** This machine's Nix, or the current one (scripts/CurrentNix.java). */
    public enum Where { host, current }

    public static final String NAME = "--nix";

    @Option(names = NAME, paramLabel = "host|current", defaultValue = "host", scope = ScopeType.INHERIT,
            description = "The Nix to run on: this machine's (default) or the current one (scripts/CurrentNix.java).")
    public Where where = Where.host;
}
