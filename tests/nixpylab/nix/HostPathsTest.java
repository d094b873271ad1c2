package nixpylab.nix;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import nixpylab.UserError;
import org.junit.jupiter.api.Test;

/**
 * Which host folders a sandboxed build opens. The store is never one of them: with /nix/store
 * bound into its sandbox, a build on Nix 2.34.8 wrote over a valid source tarball in the store
 * (found this session: the workshop's publish opened the folder of the tarball, a store path).
 */
class HostPathsTest {
    static final NixConfig SANDBOXED = NixConfig.parse("sandbox = true\nsandbox-paths = /bin/sh=/usr/bin/bash\n");
    static final StoreAccess ROOT = new StoreAccess("local", false, true, "root", true);

    @Test
    void aSourceFolderIsOpened() {
        HostPaths.Decision d = HostPaths.decide(SANDBOXED, ROOT, List.of(Path.of("/var/tmp/nixpylab-sources")));
        assertInstanceOf(HostPaths.Opened.class, d);
        assertTrue(((HostPaths.Opened) d).options().get(2).contains("/var/tmp/nixpylab-sources"), d.toString());
    }

    @Test
    void theStoreOrAFolderAboveItIsNeverOpened() {
        for (String d : List.of("/nix/store", "/nix/store/", "/nix", "/", "/nix/store/zb1y9p88a0ykn0n7psaznksyd0csg0p9-python3.11_3.11.2.orig.tar.gz")) {
            UserError e = assertThrows(UserError.class, () -> HostPaths.decide(SANDBOXED, ROOT, List.of(Path.of(d))), d);
            assertTrue(e.getMessage().contains("never opened in the build sandbox") && e.next().contains("--source PATH"), e.getMessage());
        }
    }
}
