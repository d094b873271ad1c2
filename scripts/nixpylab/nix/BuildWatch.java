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

    /** The progress after this event, when the event changed what there is to show. */
    public Optional<Progress> accept(NixLog.Event e) {
        if (e instanceof NixLog.Started s) {
            if (s.type() == NixLog.ACT_BUILDS) {
                buildsActivity = s.id();
                return Optional.empty();
            }
            if (s.type() == NixLog.ACT_SUBSTITUTE && s.fields().size() >= 2) {
                String path = String.valueOf(s.fields().get(0));
                substituted.put(path, String.valueOf(s.fields().get(1)));
                current = StorePath.parse(path).name();
                phases.put(current, "copying from " + s.fields().get(1));
                return Optional.of(progress());
            }
            if (s.type() == NixLog.ACT_BUILD && !s.fields().isEmpty()) {
                String drv = String.valueOf(s.fields().get(0));
                built.add(drv);
                current = drv.substring(drv.lastIndexOf('/') + 1).replaceFirst("^[0-9a-z]{32}-", "").replaceFirst("\\.drv$", "");
                building.put(s.id(), current);
                phases.put(current, "starting");
                return Optional.of(progress());
            }
        } else if (e instanceof NixLog.Result r) {
            if (r.id() == buildsActivity && r.type() == NixLog.RES_PROGRESS && r.fields().size() >= 4) {
                done = number(r.fields().get(0));
                expected = number(r.fields().get(1));
                running = number(r.fields().get(2));
                failed = number(r.fields().get(3));
                return Optional.of(progress());
            }
            String drv = building.get(r.id());
            if (drv == null || r.fields().isEmpty()) return Optional.empty();
            Optional<String> phase = r.type() == NixLog.RES_SET_PHASE ? Optional.of(String.valueOf(r.fields().get(0)))
                    : r.type() == NixLog.RES_BUILD_LOG_LINE ? BuildProgress.phase(String.valueOf(r.fields().get(0))) : Optional.empty();
            if (phase.isPresent() && !phase.get().equals(phases.get(drv))) {
                phases.put(drv, phase.get());
                current = drv;
                return Optional.of(progress());
            }
        } else if (e instanceof NixLog.Stopped s) {
            building.remove(s.id());
        }
        return Optional.empty();
    }

    public Progress progress() {
        return new Progress(current, phases.getOrDefault(current, "starting"), done, expected, running, failed);
    }

    private static int number(Object o) {
        return o instanceof Number n ? n.intValue() : 0;
    }
}
