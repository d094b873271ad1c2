package nixpylab.nix;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a nix-build is, from its structured log (see {@link NixLog}): the derivation building most
 * recently, its phase (stdenv's phase events, or the "Running phase: …" lines the bare profile's
 * builder prints), the counts of builds done, running and expected in all, and the paths Nix copied
 * from a binary cache instead of building them.
 */
public final class BuildWatch {
    /** derivation: the .drv's name without ".drv" (chrism-py311). */
    public record Progress(String derivation, String phase, int done, int expected, int running, int failed) {}

    private final Map<Long, String> building = new HashMap<>();
    private final Map<String, String> phases = new HashMap<>();
    private long buildsActivity = -1;
    private int done;
    private int expected;
    private int running;
    private int failed;
    private String current = "";
    private int unparsed;
    private final Map<String, String> substituted = new LinkedHashMap<>();
    private final Set<String> built = new LinkedHashSet<>();

    /** The .drv paths Nix started to build (after a failed copy too: then it fell back to building). */
    public synchronized Set<String> built() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(built));
    }

    /** The store paths Nix substituted, each with the cache it came from, in order. */
    public synchronized Map<String, String> substituted() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(substituted));
    }

    /** How many lines looked like events and could not be read (Nix's format changed, or a line was cut). */
    public synchronized int unparsed() {
        return unparsed;
    }

    /** The progress after this event, when the event changed what there is to show. */
    public synchronized Optional<Progress> accept(NixLog.Event e) {
        if (e instanceof NixLog.Started s) return started(s);
        if (e instanceof NixLog.Progress p && p.id() == buildsActivity) {
            done = p.done();
            expected = p.expected();
            running = p.running();
            failed = p.failed();
            return Optional.of(progress());
        }
        if (e instanceof NixLog.PhaseSet p) return phase(p.id(), Optional.of(p.phase()));
        if (e instanceof NixLog.LogLine l) return phase(l.id(), BuildProgress.phase(l.line()));
        if (e instanceof NixLog.Stopped s) building.remove(s.id());
        if (e instanceof NixLog.Unparsed) unparsed++;
        return Optional.empty();
    }

    private Optional<Progress> started(NixLog.Started s) {
        switch (s.activity()) {
            case BUILDS -> {
                buildsActivity = s.id();
                return Optional.empty();
            }
            case SUBSTITUTE -> {
                if (s.subject().isEmpty() || s.from().isEmpty()) return Optional.empty();
                substituted.put(s.subject(), s.from());
                current = StorePath.parse(s.subject()).name();
                phases.put(current, "copying from " + s.from());
                return Optional.of(progress());
            }
            case BUILD -> {
                if (s.subject().isEmpty()) return Optional.empty();
                built.add(s.subject());
                current = s.subject().substring(s.subject().lastIndexOf('/') + 1).replaceFirst("^[0-9a-z]{32}-", "").replaceFirst("\\.drv$", "");
                building.put(s.id(), current);
                phases.put(current, "starting");
                return Optional.of(progress());
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** A build's phase, when this result names a new one. */
    private Optional<Progress> phase(long id, Optional<String> phase) {
        String drv = building.get(id);
        if (drv == null || phase.isEmpty() || phase.get().equals(phases.get(drv))) return Optional.empty();
        phases.put(drv, phase.get());
        current = drv;
        return Optional.of(progress());
    }

    public synchronized Progress progress() {
        return new Progress(current, phases.getOrDefault(current, "starting"), done, expected, running, failed);
    }
}
