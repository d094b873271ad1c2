///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS info.picocli:picocli:4.7.7
//DEPS org.apache.commons:commons-compress:1.28.0
//DEPS org.tukaani:xz:1.10
//DEPS com.github.luben:zstd-jni:1.5.7-6
//SOURCES nixpylab/*.java
//SOURCES ui/*.java
//JAVA_OPTIONS -XX:TieredStopAtLevel=1 -Xshare:auto

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import ui.Cli;
import ui.LabOptions;
import ui.StepRunner;

@Command(name = "Configuration", mixinStandardHelpOptions = true, version = Cli.VERSION,
        description = "Who builds (root, daemon, build users), and how a shell.nix or a NixOS configuration would depend on the build.")
public class Configuration implements Callable<Integer> {
    @Mixin
    LabOptions options;

    public static void main(String[] args) {
        System.exit(Cli.execute(new Configuration(), args));
    }

    @Override
    public Integer call() {
        return new StepRunner(options).configuration();
    }
}
