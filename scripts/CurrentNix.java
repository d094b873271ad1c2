///usr/bin/env jbang "$0" "$@" ; exit $?
//SOURCES nixpylab/Toolkit.java

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import nixpylab.currentnix.CurrentNixRoot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import terminal.Cli;

@Command(name = "CurrentNix", mixinStandardHelpOptions = true, version = Cli.VERSION,
        description = {"A second, current Nix on this machine, as learners have it (Debian sid's nix-bin, sandbox on, no fallback), in a Debian sid root made only from Debian's packages.",
                "Every step, Tutorial, Workshop, Site and the tests run against it with --nix current."},
        subcommands = {CurrentNix.Setup.class, CurrentNix.Status.class, CurrentNix.Shell.class, CurrentNix.Remove.class})
public class CurrentNix implements Callable<Integer> {
    public static void main(String[] args) {
        System.exit(Cli.execute(new CurrentNix(), args));
    }

    @Override
    public Integer call() {
        return new Status().call();
    }

    @Command(name = "setup", mixinStandardHelpOptions = true, description = "Makes the root once (as root; about 3 minutes and 2.2 GB). An interrupted set-up is redone.")
    static class Setup implements Callable<Integer> {
        @Override
        public Integer call() {
            long t0 = System.nanoTime();
            CurrentNixRoot.Status s = CurrentNixRoot.standard().setup(line -> System.err.println("current Nix: " + line));
            System.err.printf("set up in %.0f s%n", (System.nanoTime() - t0) / 1e9);
            System.out.println("Nix " + s.nixVersion() + " in " + s.dir());
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Says whether the root is there, and which Nix and Java it holds.")
    static class Status implements Callable<Integer> {
        @Override
        public Integer call() {
            CurrentNixRoot.Status s = CurrentNixRoot.standard().require();
            System.out.println("Nix " + s.nixVersion() + " in " + s.dir());
            System.out.println("Java: " + s.javaVersion());
            System.out.println("made: " + s.madeAt() + "; build users' ids from " + (s.buildUidBase() + 1));
            return 0;
        }
    }

    @Command(name = "shell", mixinStandardHelpOptions = true, description = "A shell inside the root, in this folder (for maintainers).")
    static class Shell implements Callable<Integer> {
        @Option(names = "--user", description = "Run as this user of the root (default: ${DEFAULT-VALUE}).", defaultValue = "root")
        String user;

        @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "A command to run instead of bash.")
        List<String> command;

        @Override
        public Integer call() {
            Path cwd = Path.of("").toAbsolutePath();
            return CurrentNixRoot.standard().runInside(Cli.repository(cwd), cwd, user, Map.of("TERM", System.getenv().getOrDefault("TERM", "dumb")),
                    command == null || command.isEmpty() ? List.of("/bin/bash") : command);
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Deletes the root (and a half-made one).")
    static class Remove implements Callable<Integer> {
        @Override
        public Integer call() {
            CurrentNixRoot.standard().remove();
            System.err.println("removed " + CurrentNixRoot.standard().dir());
            return 0;
        }
    }
}
