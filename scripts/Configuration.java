///usr/bin/env jbang "$0" "$@" ; exit $?
//SOURCES nixpylab/Toolkit.java

import java.util.concurrent.Callable;
import nixpylab.nix.Nix;
import nixpylab.nix.NixErrors;
import nixpylab.nix.StoreAccess;
import nixpylab.steps.ConfigurationStep;
import nixpylab.steps.Step;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import terminal.Cli;
import terminal.ExitCodes;
import terminal.Lab;
import terminal.LabOptions;

@Command(name = "Configuration", mixinStandardHelpOptions = true, version = Cli.VERSION,
        description = "Who builds (as Nix itself answers: user, daemon, trust, build users, sandbox), and how a shell.nix or a NixOS configuration would depend on the build.",
        exitCodeList = {ExitCodes.OK, "1:nix-shell could not enter the shell."})
public class Configuration implements Callable<Integer> {
    @Mixin
    LabOptions options;

    public static void main(String[] args) {
        System.exit(Cli.execute(new Configuration(), args));
    }

    @Override
    public Integer call() {
        try (Lab lab = Lab.open(options, Step.CONFIGURATION)) {
            ConfigurationStep.Outcome r = ConfigurationStep.run(lab.workspace(), lab.nix());
            StoreAccess a = r.access();
            lab.print("running as: " + a.user() + (a.root() ? " (root)" : " (not root)"));
            lab.print("Nix " + r.version() + ": " + (a.daemon() ? "builds go through the Nix daemon (store " + a.url() + "), which "
                    + (a.trusted() ? "trusts " : "does not trust ") + a.user() : "no daemon: the store is used directly (store " + a.url() + "), so only its owner can build"));
            lab.print("builders run as: members of '" + r.buildUsersGroup() + "' (never as the caller, root included); sandbox = " + r.sandbox());
            if (!a.daemon()) {
                lab.say("on a multi-user install an ordinary user's steps go through the daemon, which refuses --ignore-liveness to every client"
                        + " (\"you are not allowed to ignore liveness\"); root there opens the store itself, as here");
            }
            lab.print("wrote " + lab.path(r.shellNix()) + " and " + lab.path(r.nixosSnippet()));
            lab.say(lab.path(r.shellNix()) + ":");
            for (String l : r.shellNixText().strip().split("\n")) lab.say("  " + Cli.relative(l));
            lab.say(lab.path(r.nixosSnippet()) + ":");
            for (String l : r.nixosSnippetText().strip().split("\n")) lab.say("  " + Cli.relative(l));
            if (r.shellRun() != null) {
                lab.command(r.shellCommand());
                for (String l : r.shellRun().stdout().strip().split("\n")) lab.print("  " + l);
                if (!r.shellRun().ok()) {
                    lab.say("nix-shell failed: " + NixErrors.firstError(r.shellRun().stderr()).orElse("exit " + r.shellRun().exitCode()));
                    return lab.exit(1, "nix-shell failed");
                }
            }
            return lab.done(a.daemon() ? "through the daemon" : "single-user");
        }
    }
}
