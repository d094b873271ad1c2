package nixpylab;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an interrupted step tidies once its commands are stopped: Proc's shutdown hook stops every
 * running command, then runs the actions registered here. A step registers one for as long as it
 * runs a command that leaves something behind when cut short (nix-build --check -K keeps its build
 * folder when interrupted).
 */
public final class AfterStop {
    /** Ends a registration: the action is no longer needed once the step tidied up itself. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private static final Set<Runnable> ACTIONS = ConcurrentHashMap.newKeySet();

    private AfterStop() {}

    public static Registration register(Runnable action) {
        ACTIONS.add(action);
        return () -> ACTIONS.remove(action);
    }

    /** Runs every registered action, each on its own: one that fails does not keep the others from running. */
    static void runAll() {
        for (Runnable a : ACTIONS) {
            try {
                a.run();
            } catch (RuntimeException e) {
                // the JVM is ending: what could not be tidied stays, as it would have without the action
            }
        }
    }
}
