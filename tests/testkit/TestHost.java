package testkit;

import java.util.ArrayList;
import java.util.List;
import nixpylab.HostSetup;
import nixpylab.UserError;
import nixpylab.currentnix.CurrentNixRoot;
import nixpylab.nix.Nix;

/** Before the tests: Nix, the build dependencies, and the host python3 the tiny package links. */
public final class TestHost {
    private TestHost() {}

    public static void ensure() {
        if (!HostSetup.isDebian()) {
            Nix.requireInstalled();
            return;
        }
        List<String> need = new ArrayList<>(HostSetup.PACKAGES);
        need.add("python3");
        if (!CurrentNixRoot.inside()) need.add("chromium"); // the site's page test (tagged host: not run on the current Nix)
        if (!CurrentNixRoot.inside()) need.add("nginx-light"); // the workshop room's web server (its tests run on this machine)
        List<String> missing = HostSetup.missing(need);
        if (missing.isEmpty()) return;
        if (!HostSetup.isRoot()) {
            throw new UserError("The tests need these packages: " + String.join(" ", missing) + ".", "Run as root: " + String.join(" ", HostSetup.installCommand(missing)));
        }
        System.err.println("installing what the tests need: " + String.join(" ", HostSetup.installCommand(missing)));
        HostSetup.install(missing);
    }
}
