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

@Command(name = "ForceDelete", mixinStandardHelpOptions = true, version = Cli.VERSION,
        description = "Step 5: delete this workspace's builds although they are alive (--ignore-liveness), and the links left dangling.")
public class ForceDelete implements Callable<Integer> {
    @Mixin
    LabOptions options;

    @Option(names = "--dry-run", description = "Only list what would be deleted.")
    boolean dryRun;

    public static void main(String[] args) {
        System.exit(Cli.execute(new ForceDelete(), args));
    }

    @Override
    public Integer call() {
        return new StepRunner(options).forceDelete(dryRun);
    }
}
