package ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import nixpylab.HostSetup;
import nixpylab.UserError;

/** The whole tutorial: host set-up, then every step in order, then a summary of results and wall times. */
public final class TutorialRun {
    private record StepResult(String step, int exitCode, Duration wall, String said) {}

    private final LabOptions o;
    private final boolean install;

    public TutorialRun(LabOptions options, boolean install) {
        this.o = options;
        this.install = install;
    }

    public int run() {
        ensureHost(install);
        o.fromStart = false;
        StepRunner s = new StepRunner(o);
        List<StepResult> results = new ArrayList<>();
        List<String> names = List.of("FetchFakeHash", "PostPatch", "Build", "Roots", "ForceDelete", "Build (again)", "TestPython");
        List<IntSupplier> steps = List.of(s::fetch, s::postPatch, s::build, s::roots, () -> s.forceDelete(false), s::build, s::test);
        int code = 0;
        for (int i = 0; i < steps.size(); i++) {
            long t = System.nanoTime();
            int rc;
            try {
                rc = steps.get(i).getAsInt();
            } catch (UserError e) {
                Cli.printError(System.err, e);
                rc = 1;
            }
            results.add(new StepResult(names.get(i), rc, Duration.ofNanos(System.nanoTime() - t), rc == 0 ? s.said() : ""));
            System.err.println();
            if (rc != 0) {
                code = rc;
                break;
            }
        }
        System.err.println("== Summary");
        for (StepResult r : results) {
            System.err.println(String.format("  %-14s %-7s %8.1f s  %s", r.step(), r.exitCode() == 0 ? "ok" : "FAILED", r.wall().toMillis() / 1000.0, r.said()).stripTrailing());
        }
        for (int i = results.size(); i < names.size(); i++) System.err.println(String.format("  %-14s %-7s", names.get(i), "not run"));
        if (code == 0) System.err.println("Now do it yourself: ./jbang scripts/Workshop.java watch (exercises checked with Nix; list shows them all).");
        return code;
    }

    /** Installs Nix and the build dependencies when missing (root on Debian), saying what it installs. */
    static void ensureHost(boolean install) {
        if (!HostSetup.isDebian()) {
            nixpylab.Nix.requireInstalled();
            return;
        }
        List<String> missing = HostSetup.missing(HostSetup.PACKAGES);
        if (missing.isEmpty()) return;
        String cmd = Cli.shown(HostSetup.installCommand(missing));
        if (!install || !HostSetup.isRoot()) {
            throw new UserError("These packages are needed and not installed: " + String.join(" ", missing) + ".",
                    "Run as root: " + cmd + " (then run this again).");
        }
        System.err.println("installing what the tutorial needs: " + cmd);
        HostSetup.install(missing);
    }
}
