package nixpylab.nix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import nixpylab.Proc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreDerivationTest {
    @Test
    void readsTheOutputPathNixWouldNameFromARealDrv(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("two-outputs.nix");
        // two outputs: the ATerm lists "dev" before "out"
        Files.writeString(file, "derivation { name = \"store-derivation-test\"; system = builtins.currentSystem; builder = \"/bin/sh\";"
                + " outputs = [ \"out\" \"dev\" ]; args = [ \"-c\" \"echo > $out; echo > $dev\" ]; }\n");
        Proc.Result inst = Proc.of("nix-instantiate", "--option", "substituters", "", file.toString()).timeout(Duration.ofMinutes(1)).run();
        assertTrue(inst.ok(), inst.stderr());
        StorePath drv = StorePath.parse(inst.stdout().strip());
        Proc.Result q = Proc.of("nix-store", "-q", "--outputs", drv.path()).timeout(Duration.ofMinutes(1)).run();
        String nixSays = q.stdout().lines().filter(l -> !l.endsWith("-dev")).findFirst().orElseThrow();
        assertEquals(Optional.of(StorePath.parse(nixSays)), StoreDerivation.outputPath(drv));
        assertEquals(StorePath.parse(nixSays), Nix.detect().outputOf(drv));
    }

    @Test
    void aContentAddressedDrvNamesNoPathSoThereIsNoAnswer() {
        // the shape Nix writes for a floating content-addressed output: an empty path, a placeholder in the environment
        String ca = "Derive([(\"out\",\"\",\"r:sha256\",\"\")],[],[],\"x86_64-linux\",\"/bin/sh\",[],[(\"out\",\"/1rz4g4znpzjwh1xymhjpm42vipw92pr73vdgl6xs1hycac8kf2n9\")])";
        assertEquals(Optional.empty(), StoreDerivation.outputPath(ca));
        assertEquals(Optional.empty(), StoreDerivation.outputPath("not a derivation (\"out\",\"/nix/store/h9nvlvfk5yk01rqs8v4ya6a6c19259zh-x\""));
    }

    @Test
    void aFixedOutputNamesTheHashItsBytesMustHave(@TempDir Path dir) throws Exception {
        byte[] bytes = "the bytes Nix must find\n".getBytes(StandardCharsets.UTF_8);
        NixHash h = NixHash.of(bytes);
        Path file = dir.resolve("fixed.nix");
        Files.writeString(file, "derivation { name = \"fixed-output-test\"; system = builtins.currentSystem; builder = \"/bin/sh\";"
                + " outputHashMode = \"flat\"; outputHashAlgo = \"sha256\"; outputHash = \"" + h.sri() + "\"; args = [ \"-c\" \"echo the bytes Nix must find > $out\" ]; }\n");
        Proc.Result inst = Proc.of("nix-instantiate", "--option", "substituters", "", file.toString()).timeout(Duration.ofMinutes(1)).run();
        assertTrue(inst.ok(), inst.stderr());
        StorePath drv = StorePath.parse(inst.stdout().strip());
        StoreDerivation.FixedOutput f = StoreDerivation.fixedOutput(drv).orElseThrow();
        assertEquals(h, f.flatHash());
        assertEquals(StoreDerivation.outputPath(drv).orElseThrow(), f.out());
        // recursive (NAR) hashing and input-addressed outputs name no flat hash
        assertEquals(Optional.empty(), StoreDerivation.fixedOutput("Derive([(\"out\",\"/nix/store/h9nvlvfk5yk01rqs8v4ya6a6c19259zh-x\",\"r:sha256\",\"" + "0".repeat(64) + "\")],[],[],\"x\",\"/bin/sh\",[],[])"));
        assertEquals(Optional.empty(), StoreDerivation.fixedOutput("Derive([(\"out\",\"/nix/store/h9nvlvfk5yk01rqs8v4ya6a6c19259zh-x\",\"\",\"\")],[],[],\"x\",\"/bin/sh\",[],[])"));
    }
}
