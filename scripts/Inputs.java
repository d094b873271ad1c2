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

@Command(name = "Inputs", mixinStandardHelpOptions = true, version = Cli.VERSION,
        description = "Audits the build inputs: declared, referenced by the output, linked by python; proposes the smaller list and (nixpkgs profile) builds with it to prove it.")
public class Inputs implements Callable<Integer> {
    @Mixin
    LabOptions options;

    @picocli.CommandLine.Option(names = "--no-prove", description = "Only list; do not build with the smaller list.")
    boolean noProve;

    public static void main(String[] args) {
        System.exit(Cli.execute(new Inputs(), args));
    }

    @Override
    public Integer call() {
        return new StepRunner(options).inputs(!noProve);
    }
}
