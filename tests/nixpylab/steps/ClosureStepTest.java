package nixpylab.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The closures' lists read in one order from run to run: by name, not by the hash parts Nix sorts them by. */
class ClosureStepTest {
    @Test
    void pathsAreListedByNameWhateverTheirHashes() {
        List<String> cmd = List.of("nix-store", "-q", "--references", "x");
        String py = "/nix/store/y7iaqrpxmncnpn1jk5vccgv7d9yhmsx4-chrism-py311", greeting = "/nix/store/vj4aidanxrslkj5zdwpwx73v70774gk6-greeting.txt";
        String py2 = "/nix/store/0aaaqrpxmncnpn1jk5vccgv7d9yhmsx4-chrism-py311";
        assertEquals(List.of(py, greeting), ClosureStep.byName(new ClosureStep.Query(cmd, List.of(greeting, py))).lines());
        assertEquals(List.of(py2, greeting), ClosureStep.byName(new ClosureStep.Query(cmd, List.of(greeting, py2))).lines(), "another hash, the same order");
        String info = py + "\t 12.3M\t 12.3M";
        assertEquals(List.of(info, "/nix/store/vj4aidanxrslkj5zdwpwx73v70774gk6-hello-py\t 1.0K\t 12.3M"),
                ClosureStep.byName(new ClosureStep.Query(cmd, List.of("/nix/store/vj4aidanxrslkj5zdwpwx73v70774gk6-hello-py\t 1.0K\t 12.3M", info))).lines(), "path-info's lines too");
    }
}
