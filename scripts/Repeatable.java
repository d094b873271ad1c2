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

@Command(name = "Repeatable", mixinStandardHelpOptions = true, version = Cli.VERSION,
        description = "Builds the derivation again with nix-build --check and says whether the output is bit for bit the same, and if not, what differs.")
public class Repeatable implements Callable<Integer> {
    @Mixin
    LabOptions options;

    @picocli.CommandLine.Option(names = "--limit", description = "Show at most this many differing paths (default: ${DEFAULT-VALUE}).", defaultValue = "20")
    int limit;

    public static void main(String[] args) {
        System.exit(Cli.execute(new Repeatable(), args));
    }

    @Override
    public Integer call() {
        return new StepRunner(options).repeat(limit);
    }
}
