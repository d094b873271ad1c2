///usr/bin/env jbang "$0" "$@" ; exit $?
//SOURCES ../scripts/nixpylab/Toolkit.java
//DEPS org.junit:junit-bom:5.14.4@pom
//DEPS org.junit.jupiter:junit-jupiter
//DEPS org.junit.platform:junit-platform-launcher
//SOURCES ../scripts/site/RunBlock.java
//SOURCES ../scripts/site/Chapters.java
//SOURCES ../scripts/site/Transcript.java
//SOURCES ../scripts/site/TranscriptStore.java
//SOURCES ../scripts/site/BlockKeys.java
//SOURCES ../scripts/site/Redactions.java
//SOURCES ../scripts/site/Drift.java
//SOURCES ../scripts/site/Prose.java
//SOURCES ../scripts/site/Evidence.java
//SOURCES ../scripts/site/ClaimsLedger.java
//SOURCES ../scripts/site/EvidenceCheck.java
//SOURCES ../scripts/site/TypedCommands.java
//SOURCES ../scripts/site/OrdinaryUser.java
//SOURCES ../scripts/site/RoomServing.java
//FILES site/redactions.tsv=../scripts/site/redactions.tsv
//SOURCES **/*.java

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nixpylab.HostSetup;
import nixpylab.Proc;
import nixpylab.UserError;
import nixpylab.currentnix.CurrentNixRoot;
import nixpylab.currentnix.RootEntry;
import nixpylab.nix.NixVersion;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import testkit.HostOnly;
import testkit.OnNix;
import testkit.Room;
import testkit.Slow;

/**
 * Runs NixPy Lab's tests: installs what they need (root on Debian), then unit and integration tests
 * on this machine's Nix, then (unless --host-only) the same on the current Nix, a Debian sid root
 * (scripts/CurrentNix.java; set up here when missing), all but the tests tagged "host" (they need
 * what only the host has: Chromium, README's own lab/). Options: --unit (skip the tests tagged slow
 * or nix), --only REGEX (class names), --host-only, --nix current (only the current Nix), --room-only
 * (only the workshop room's tests, which need both).
 * Ends with the line "N passed, N failed", the sum over both.
 */
@Command(name = "RunTests", mixinStandardHelpOptions = true, version = terminal.Cli.VERSION,
        description = "The tests, on this machine's Nix and on the current one.")
public class RunTests implements Callable<Integer> {
    @Option(names = "--unit", description = "Skip the tests tagged slow or nix.")
    boolean unitOnly;

    @Option(names = "--host-only", description = "Only this machine's Nix.")
    boolean hostOnly;

    @Option(names = "--room-only", description = "Only the workshop room's tests (they need both Nix versions).")
    boolean roomOnly;

    @Option(names = "--only", paramLabel = "REGEX", description = "Only the test classes whose names match.")
    String only;

    @Mixin
    terminal.NixChoice nix;

    public static void main(String[] args) {
        System.exit(terminal.Cli.execute(new RunTests(), "tests/RunTests.java", args));
    }

    @Override
    public Integer call() {
        boolean inside = CurrentNixRoot.inside();
        if (!unitOnly) {
            try {
                testkit.TestHost.ensure();
            } catch (UserError e) {
                terminal.Cli.printError(System.err, e);
                System.out.println("0 passed, 1 failed");
                return 1;
            }
        }
        long t0 = System.nanoTime();
        if (roomOnly) {
            long[] room = run(false, only, false, true);
            System.out.println(room[0] + " passed, " + room[1] + " failed");
            return room[1] == 0 ? 0 : 1;
        }
        long[] host = run(unitOnly, only, inside, false);
        if (inside || hostOnly || unitOnly) {
            System.out.println(host[0] + " passed, " + host[1] + " failed");
            return host[1] == 0 ? 0 : 1;
        }
        System.out.println("   (this machine's Nix " + NixVersion.installed() + ": " + host[0] + " passed, " + host[1] + " failed in "
                + Math.round((System.nanoTime() - t0) / 1e9) + " s)");
        long[] current = onCurrentNix(only);
        // a workshop room: the host's Nix serves, the current Nix's root is the learner's machine (set up by now)
        long t1 = System.nanoTime();
        System.out.println("== a workshop room: this machine's Nix publishes and serves, the current Nix's root joins");
        long[] room = run(false, only, false, true);
        System.out.println("   (the workshop room: " + room[0] + " passed, " + room[1] + " failed in " + Math.round((System.nanoTime() - t1) / 1e9) + " s)");
        long passed = host[0] + current[0] + room[0], failed = host[1] + current[1] + room[1];
        System.out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }

    /** The same tests, but those tagged host, inside the current Nix's root (set up first when missing); its summary is read back. */
    static long[] onCurrentNix(String only) {
        long t0 = System.nanoTime();
        System.out.println("== the current Nix (Debian sid's nix-bin, sandbox on), in " + CurrentNixRoot.standard().dir());
        try {
            CurrentNixRoot root = CurrentNixRoot.standard();
            if (root.status().isEmpty()) {
                if (!HostSetup.missing(List.of("debootstrap")).isEmpty()) HostSetup.install(List.of("debootstrap"));
                root.setup(line -> System.out.println("current Nix: " + line));
                System.out.println("set up in " + Math.round((System.nanoTime() - t0) / 1e9) + " s");
            }
            Path repo = terminal.Cli.repository(Path.of("").toAbsolutePath());
            List<String> inner = new ArrayList<>(List.of(repo.resolve("jbang").toString(), repo.resolve("tests/RunTests.java").toString()));
            if (only != null) inner.addAll(List.of("--only", only));
            List<String> cmd = new ArrayList<>(List.of("/usr/bin/env", "--chdir=" + repo));
            cmd.addAll(inner);
            long[] counts = {0, 1};
            Proc.Result r = Proc.of(RootEntry.command(root.require().dir(), "root", CurrentNixRoot.standardBinds(repo), Map.of(), cmd))
                    .timeout(Duration.ofMinutes(60)).onLine(l -> {
                        Matcher m = Pattern.compile("^(\\d+) passed, (\\d+) failed$").matcher(l.text());
                        if (m.matches()) {
                            counts[0] = Long.parseLong(m.group(1));
                            counts[1] = Long.parseLong(m.group(2));
                        }
                        System.out.println(l.text());
                    }).run();
            if (r.exitCode() != 0 && counts[1] == 0) counts[1] = 1;
            System.out.println("   (the current Nix " + root.require().nixVersion() + ": " + counts[0] + " passed, " + counts[1] + " failed in " + Math.round((System.nanoTime() - t0) / 1e9) + " s, set-up included)");
            return counts;
        } catch (UserError e) {
            System.out.println("error: the current Nix could not be used: " + e.getMessage());
            System.out.println("next: " + e.next());
            return new long[] {0, 1};
        }
    }

    /**
     * The test packages: each folder under tests/ whose Java files say they are in the package of
     * its name (found here, so a new folder of tests needs nothing added; tests/captures' script and
     * tests/work's leftovers are not packages).
     */
    static List<String> testPackages(Path tests) {
        List<String> packages = new ArrayList<>();
        try (Stream<Path> folders = Files.list(tests)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                String name = folder.getFileName().toString();
                try (Stream<Path> files = Files.walk(folder)) {
                    boolean declared = files.filter(f -> f.toString().endsWith(".java")).anyMatch(f -> declares(f, name));
                    if (declared) packages.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return packages;
    }

    private static boolean declares(Path javaFile, String pkg) {
        try {
            return Pattern.compile("(?m)^package " + Pattern.quote(pkg) + "(\\.[\\w.]+)?;").matcher(Files.readString(javaFile)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "Class > test()", or "Class > test [args]" for one case of a parameterized test. */
    static String label(org.junit.platform.launcher.TestPlan plan, TestIdentifier id) {
        List<String> names = new ArrayList<>();
        for (Optional<TestIdentifier> p = Optional.of(id); p.isPresent() && p.get().getParentIdObject().isPresent(); p = plan.getParent(p.get())) {
            names.add(0, p.get().getDisplayName());
        }
        String cls = names.isEmpty() ? "" : names.get(0);
        return cls + " > " + String.join(" ", names.subList(Math.min(1, names.size()), names.size()));
    }

    /** roomPhase: only the tests tagged room (they need the current Nix's root); otherwise every test but those. */
    static long[] run(boolean unitOnly, String only, boolean inside, boolean roomPhase) {
        // classes in @Order: README's first command first (ReadmeOrderTest), its check last
        LauncherDiscoveryRequestBuilder b = LauncherDiscoveryRequestBuilder.request()
                .selectors(testPackages(testkit.ScriptRun.REPO.resolve("tests")).stream().map(p -> selectPackage(p)).toList())
                .configurationParameter("junit.jupiter.testclass.order.default", "org.junit.jupiter.api.ClassOrderer$OrderAnnotation");
        if (unitOnly) b.filters(TagFilter.excludeTags(OnNix.TAG, Slow.TAG));
        b.filters(roomPhase ? TagFilter.includeTags(Room.TAG) : TagFilter.excludeTags(Room.TAG));
        if (inside) b.filters(TagFilter.excludeTags(HostOnly.TAG));
        if (only != null) b.filters(ClassNameFilter.includeClassNamePatterns(only));
        LauncherDiscoveryRequest request = b.build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        Map<String, Long> started = new ConcurrentHashMap<>();
        org.junit.platform.launcher.TestPlan[] plan = {null};
        TestExecutionListener progress = new TestExecutionListener() {
            @Override
            public void testPlanExecutionStarted(org.junit.platform.launcher.TestPlan p) {
                plan[0] = p;
            }

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
                String name = label(plan[0], id);
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
        if (s.getTestsFoundCount() == 0 && !roomPhase) failed++;
        return new long[] {passed, failed};
    }
}
