package terminal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import nixpylab.nix.SubstituteTrouble;
import nixpylab.room.Arrival;
import nixpylab.room.Membership;
import nixpylab.room.RoomCache;
import nixpylab.room.RoomKey;
import nixpylab.room.WebServer;
import nixpylab.steps.BuildStep;
import workshop.InstructorRuns;

/** What the workshop room's commands print: publish, serve, join, leave. */
public final class RoomView {
    private final PrintStream out;

    public RoomView(PrintStream out) {
        this.out = out;
    }

    public static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }

    /** Each exercise's starting build: what the room hands out, or why not. */
    public void startingBuilds(List<InstructorRuns.StartingBuild> builds) {
        for (InstructorRuns.StartingBuild b : builds) {
            String what = "  exercise " + b.exercise().number() + " (" + b.file() + "): ";
            out.println(what + (b.outputs().isEmpty() ? "not handed out: " + b.why() : String.join(" ", b.outputs().stream().map(Object::toString).toList())));
        }
    }

    public void published(RoomCache room, RoomCache.Published p) {
        out.println("signed with " + p.key().name() + " (secret key: " + Cli.path(room.keys().resolve("secret")) + ", readable by you alone; it never leaves this machine)");
        out.println("copied " + p.paths().size() + " store paths and their closures into " + Cli.path(room.cache()) + " (" + mib(p.closureBytes()) + " of compressed NARs) in " + p.took().toSeconds() + " s:");
        for (var path : p.paths()) out.println("  " + path);
        out.println("next: serve it to the room: " + WorkshopView.SCRIPT + " serve --room " + Cli.path(room.dir()));
    }

    public void serving(RoomCache room, WebServer w, String address, int port, RoomKey key) {
        String host = address.equals("0.0.0.0") ? lanAddress() : address;
        out.println("serving " + Cli.path(room.cache()) + " with nginx on " + address + ":" + port + " (read-only; logs in " + Cli.path(room.server()) + ")");
        out.println("learners join with:");
        out.println("  " + WorkshopView.SCRIPT + " join http://" + host + ":" + port + " " + key);
        out.println("(Ctrl-C stops the server)");
        out.flush();
    }

    public void stopped(WebServer w, Duration up) {
        WebServer.Served s = w.served();
        out.println("served " + s.requests() + " requests, " + mib(s.bytes()) + " in " + Lab.clock(up) + "; nginx's peak memory " + (w.peakMemoryKb() / 1024) + " MiB");
    }

    public void joined(Membership m, boolean untrusted, String user) {
        out.println("joined the workshop room at " + m.url() + " (key " + m.key().name() + ", which signed the room's description)");
        out.println("its cache holds the tutorial's CPython (" + m.info().python() + "), built in " + Lab.clock(Duration.ofSeconds(m.info().buildSeconds()))
                + " on the instructor's machine with Nix " + m.info().nixVersion() + ", and its source " + m.info().sourceFile());
        out.println("from now on the tutorial's steps (in the lab/ next to this workshop folder) and the workshop's checks ask it before building"
                + (m.require() ? "; the tutorial's build stops rather than build what the cache should hold (--require)" : "")
                + "; by hand, pass Nix --option extra-substituters " + m.url() + " --option extra-trusted-public-keys " + m.key() + " --option connect-timeout 5 --option fallback " + (m.require() ? "false" : "true"));
        if (untrusted) {
            out.println("but: the Nix daemon does not trust " + user + " to add a binary cache. Ask an administrator to add to /etc/nix/nix.conf");
            out.println("  extra-trusted-substituters = " + m.url());
            out.println("  extra-trusted-public-keys = " + m.key());
            out.println("and restart nix-daemon (on NixOS, where that file is made from the system's configuration: nix.settings.trusted-substituters and");
            out.println("nix.settings.trusted-public-keys in configuration.nix, then nixos-rebuild switch); until then Nix ignores the room and builds.");
            out.println("An earlier room's key listed there (nixpylab-room-…, or the old nixpylab-workshop-room-1) can be removed from extra-trusted-public-keys: each room signs with a key of its own.");
        }
    }

    public void left(boolean was) {
        out.println(was ? "left the workshop room: steps and checks no longer ask its cache" : "this workshop folder had not joined a room");
    }

    /**
     * After a Build in a workspace whose workshop joined a room: copied (with the time saved, and
     * what this machine lacks of the libraries the copy links), or why the room's cache could not
     * give it (Nix's log says), and whether Nix built it here instead.
     */
    public static void afterBuild(BuildStep.Outcome r, Membership room, Consumer<String> say) {
        String log;
        try {
            log = Files.exists(r.log()) ? Files.readString(r.log()) : "";
        } catch (IOException e) {
            log = "";
        }
        Optional<SubstituteTrouble> trouble = SubstituteTrouble.find(log);
        if (r instanceof BuildStep.Built b && b.copiedFrom().isPresent()) {
            Duration before = Duration.ofSeconds(room.info().buildSeconds());
            say.accept("copied from the workshop room's binary cache " + b.copiedFrom().get() + " in " + Lab.clock(b.elapsed()) + " instead of building it"
                    + (before.isZero() ? "" : " (the instructor's build took " + Lab.clock(before) + ")"));
            List<Arrival.Missing> missing = Arrival.check(b.out());
            for (Arrival.Missing m : missing) {
                say.accept("warning: this machine has no " + m.soname() + ", which " + String.join(", ", m.neededBy()) + " links"
                        + (m.modules().isEmpty() ? "" : ": import " + String.join(", import ", m.modules()) + " will fail here"));
            }
            if (!missing.isEmpty()) {
                say.accept("why: this CPython was built on the instructor's machine against the libraries in its /usr, which Nix does not track (the bare profile is impure);"
                        + " declared inputs travel with a derivation, host libraries do not (chapters/08-still-wrong.adoc, and the nixpkgs profile)");
            }
            return;
        }
        if (r instanceof BuildStep.Built b && b.alreadyInStore()) return;
        String why = trouble.map(SubstituteTrouble::sentence)
                .orElse("its cache does not hold this derivation (the room's CPython is the instructor's identity and Setup.local; a changed file is a new derivation)");
        if (r instanceof BuildStep.Built) {
            say.accept("the workshop room could not give it: " + why + "; Nix built it here instead");
        } else if (room.require()) {
            say.accept("the workshop room could not give it: " + why + "; this workshop folder requires the room (join --require), so nothing was built here");
            say.accept("next: ask the instructor whether serve is running, or join again without --require to build it yourself");
        } else if (trouble.isPresent()) {
            say.accept("the workshop room could not give it: " + why);
        }
    }

    /** This machine's first IPv4 address that is up and not loopback (what learners on the same network reach). */
    static String lanAddress() {
        try {
            for (NetworkInterface i : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!i.isUp() || i.isLoopback()) continue;
                for (var a : Collections.list(i.getInetAddresses())) if (a instanceof Inet4Address) return a.getHostAddress();
            }
        } catch (SocketException e) {
            // no interfaces to read: loopback below
        }
        return "127.0.0.1";
    }
}
