///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS info.picocli:picocli:4.7.7
//DEPS org.apache.commons:commons-compress:1.28.0
//DEPS org.tukaani:xz:1.10
//DEPS com.github.luben:zstd-jni:1.5.7-6
//DEPS org.junit:junit-bom:5.14.4@pom
//DEPS org.junit.jupiter:junit-jupiter
//DEPS org.junit.platform:junit-platform-launcher
//SOURCES ../scripts/nixpylab/*.java
//SOURCES ../scripts/ui/*.java
//SOURCES ../scripts/workshop/*.java
//SOURCES nixpylab/*.java

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.PrintWriter;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Runs NixPy Lab's tests: installs what they need (root on Debian), then unit and integration
 * tests on real Nix. Options: --unit (skip the tests tagged slow or nix), --only REGEX (class names).
 * Ends with the line "N passed, N failed".
 */
public class RunTests {
    public static void main(String[] args) {
        boolean unitOnly = false;
        String only = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--unit")) unitOnly = true;
            else if (args[i].equals("--only")) only = args[++i];
        }
        if (!unitOnly) {
            try {
                nixpylab.TestHost.ensure();
            } catch (nixpylab.UserError e) {
                System.err.println("error: " + e.getMessage());
                System.err.println("next: " + e.next());
                System.out.println("0 passed, 1 failed");
                System.exit(1);
            }
        }
        // classes in @Order: README's first command first (ReadmeOrderTest), its check last
        LauncherDiscoveryRequestBuilder b = LauncherDiscoveryRequestBuilder.request().selectors(selectPackage("nixpylab"))
                .configurationParameter("junit.jupiter.testclass.order.default", "org.junit.jupiter.api.ClassOrderer$OrderAnnotation");
        if (unitOnly) b.filters(TagFilter.excludeTags("nix", "slow"));
        if (only != null) b.filters(ClassNameFilter.includeClassNamePatterns(only));
        LauncherDiscoveryRequest request = b.build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        java.util.Map<String, Long> started = new java.util.concurrent.ConcurrentHashMap<>();
        TestExecutionListener progress = new TestExecutionListener() {
            @Override
            public void executionStarted(TestIdentifier id) {
                started.put(id.getUniqueId(), System.nanoTime());
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (!id.isTest()) {
                    if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) System.out.println("FAILED container " + id.getDisplayName() + ": " + result.getThrowable().map(Throwable::toString).orElse(""));
                    return;
                }
                String name = id.getParentIdObject().map(p -> p.toString().replaceAll(".*class:([^\\]]+)\\].*", "$1").replace("nixpylab.", "")).orElse("") + " > " + id.getDisplayName();
                long ms = (System.nanoTime() - started.getOrDefault(id.getUniqueId(), System.nanoTime())) / 1_000_000;
                System.out.println((result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? "ok      " : "FAILED  ") + name + String.format("  (%.1f s)", ms / 1000.0));
                result.getThrowable().ifPresent(t -> {
                    if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) System.out.println("        " + t.toString().replace("\n", "\n        "));
                });
            }
        };
        launcher.execute(request, summary, progress);
        var s = summary.getSummary();
        if (s.getTotalFailureCount() > 0) s.printFailuresTo(new PrintWriter(System.out), 12);
        long failed = s.getTotalFailureCount() + s.getContainersFailedCount();
        long passed = s.getTestsSucceededCount();
        if (s.getTestsFoundCount() == 0) failed++;
        System.out.println(passed + " passed, " + failed + " failed");
        System.exit(failed == 0 ? 0 : 1);
    }
}
