package nixpylab.nix;

import java.time.Duration;
import java.util.List;
import nixpylab.Proc;

/** The groups a user is in, as {@code id -Gn} says (trusted-users may name groups as @group). */
final class UnixGroups {
    private UnixGroups() {}

    static List<String> of(String user) {
        Proc.Result r = Proc.of("id", "-Gn", user).timeout(Duration.ofSeconds(5)).run();
        return r.ok() ? List.of(r.stdout().strip().split("\\s+")) : List.of();
    }
}
