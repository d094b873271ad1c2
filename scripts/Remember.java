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

@Command(name = "Remember", mixinStandardHelpOptions = true, version = Cli.VERSION,
        description = "Gives the build a GC root with a name you can remember (a link in the workspace), instead of result.")
public class Remember implements Callable<Integer> {
    @Mixin
    LabOptions options;

    @picocli.CommandLine.Option(names = "--name", description = "The root's name in the workspace (default: python-<version>).")
    String name;

    public static void main(String[] args) {
        System.exit(Cli.execute(new Remember(), args));
    }

    @Override
    public Integer call() {
        return new StepRunner(options).remember(name);
    }
}
