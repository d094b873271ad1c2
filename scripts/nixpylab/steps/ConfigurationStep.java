package nixpylab.steps;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nixpylab.AtomicFile;
import nixpylab.Proc;
import nixpylab.workspace.Workspace;
import nixpylab.derivation.Profile;
import nixpylab.nix.Nix;
import nixpylab.nix.NixVersion;
import nixpylab.nix.StoreAccess;

/**
 * Who builds, and how something would depend on the build: the user and daemon situation of
 * this Nix, and two files in the workspace, a {@code shell.nix} (tried with nix-shell in the bare
 * profile) and a NixOS configuration snippet.
 */
public final class ConfigurationStep {
    /** access is what Nix itself said about this user and its store; group and sandbox are its settings. */
    public record Outcome(StoreAccess access, NixVersion version, String buildUsersGroup, String sandbox, Path shellNix, Path nixosSnippet,
                          List<String> shellCommand, Proc.Result shellRun, String shellNixText, String nixosSnippetText) {}

    private ConfigurationStep() {}

    public static Outcome run(Workspace ws, Nix nix) {
        Step.CONFIGURATION.requireDone(ws.state()::done, ws.dir());
        Profile profile = ws.state().profile().orElseThrow();
        String file = ws.nixFile().getFileName().toString();
        Path shell = ws.dir().resolve("shell.nix");
        Path nixos = ws.dir().resolve("configuration-snippet.nix");
        String shellText;
        if (profile == Profile.NIXPKGS) {
            shellText = ("# shell.nix: nix-shell builds the tutorial's python first and puts it on PATH.\n"
                    + "let\n  pkgs = import <nixpkgs> { };\nin\npkgs.mkShell {\n  packages = [ (import ./" + file + ") ];\n}\n");
        } else {
            shellText = ("# shell.nix: nix-shell builds the tutorial's python first and puts it on PATH.\n"
                    + "# Builtins only (bare profile): nix-shell takes PATH from this derivation; it is never built itself.\n"
                    + "let\n  python = import ./" + file + ";\nin\nderivation {\n  name = \"chrism-py-shell\";\n  system = builtins.currentSystem;\n"
                    + "  builder = \"/bin/sh\";\n  args = [\n    \"-c\"\n    \"echo 'this derivation is for nix-shell only'; exit 1\"\n  ];\n"
                    + "  PATH = \"${python}/bin:/usr/bin:/bin\";\n}\n");
        }
        AtomicFile.write(shell, shellText);
        // a path into the workspace would break the system's next rebuild once the workspace is rewritten or removed
        String snippet = "# For /etc/nixos/configuration.nix on NixOS, with " + file + " copied next to it\n"
                + "# (in this folder: sudo cp " + file + " /etc/nixos/): the system's profile then refers to the tutorial's\n"
                + "# python, so every system generation that has it keeps it alive (a GC root), and nixos-rebuild builds it.\n"
                + "{ ... }:\n{\n  environment.systemPackages = [ (import ./" + file + ") ];\n}\n";
        AtomicFile.write(nixos, snippet);
        List<String> cmd = null;
        Proc.Result r = null;
        if (profile == Profile.BARE) {
            cmd = nix.command("nix-shell", shell.toString(), "--run", "command -v python3 && python3 -c 'import ssl; print(\"import ssl: ok\")'");
            r = nix.run(Duration.ofMinutes(60), l -> {}, cmd);
        }
        ws.state().done(Step.CONFIGURATION, Instant.now());
        ws.save();
        return new Outcome(nix.access(), nix.version(), nix.config().get("build-users-group"), nix.config().sandbox(), shell, nixos, cmd, r, shellText, snippet);
    }
}
