package nixpylab.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import nixpylab.derivation.Profile;
import nixpylab.derivation.RepeatableFix;
import nixpylab.nix.NixHash;
import nixpylab.nix.StorePath;
import nixpylab.source.PythonSource;
import nixpylab.steps.Step;
import org.junit.jupiter.api.Test;

/** The workspace's state, typed, survives its file: what goes in comes out. */
class WorkspaceStateTest {
    @Test
    void everyFieldRoundTrips() {
        WorkspaceState s = new WorkspaceState();
        s.profile(Profile.NIXPKGS);
        String id = s.identity();
        s.nixStore("current");
        s.nixpkgs(Path.of("/x/nixpkgs"));
        s.source(new PythonSource(PythonSource.Origin.DISTRIBUTION, "file:///var/tmp/s/p.tar.gz", "3.11.2", "why"), "3.10.5");
        s.rev("v3.11.2");
        s.name("chrism-py311");
        s.hash(NixHash.fake());
        s.sourcePath(new StorePath("/nix/store/zb1y9p88a0ykn0n7psaznksyd0csg0p9-python3.11_3.11.2.orig.tar.gz"));
        s.modules(List.of("zlib", "_lzma"));
        s.addBuilt(new StorePath("/nix/store/9rg0mpb1xiwddjc38c9hifwg3myni68l-chrism-py311"));
        s.lastOut(new StorePath("/nix/store/9rg0mpb1xiwddjc38c9hifwg3myni68l-chrism-py311"));
        s.fixes(Set.of(RepeatableFix.BUILD_ID, RepeatableFix.BUILD_TIME));
        s.done(Step.BUILD, Instant.parse("2026-11-30T00:00:00Z"));
        WorkspaceState t = WorkspaceStateForm.of(WorkspaceStateForm.toProperties(s));
        assertEquals(WorkspaceStateForm.toProperties(s), WorkspaceStateForm.toProperties(t));
        assertEquals(id, t.identity());
        assertEquals(List.of("zlib", "_lzma"), t.modules().orElseThrow());
        assertTrue(t.done(Step.BUILD) && !t.done(Step.ROOTS));
        assertEquals(Profile.NIXPKGS, t.profile().orElseThrow());
        assertEquals(Set.of(RepeatableFix.BUILD_ID, RepeatableFix.BUILD_TIME), t.fixes());
    }

    /** A workspace fixed before the fixes could be asked for one at a time said repeatable=true: it has them all. */
    @Test
    void aWorkspaceFixedWhenFixMeantAllOfThemKeepsThemAll() {
        Properties p = new Properties();
        p.setProperty("repeatable", "true");
        assertEquals(RepeatableFix.all(), WorkspaceStateForm.of(p).fixes());
        p.setProperty("repeatable", "byte-code-hash");
        assertEquals(Set.of(RepeatableFix.BYTE_CODE_HASH), WorkspaceStateForm.of(p).fixes());
        assertEquals(Set.of(), WorkspaceStateForm.of(new Properties()).fixes());
    }

    @Test
    void aNewWorkspaceIsEmptyAndGetsOneIdentity() {
        WorkspaceState s = new WorkspaceState();
        assertTrue(s.isEmpty());
        assertTrue(s.identity().matches("[0-9a-f]{8}"));
        assertEquals(s.identity(), s.identity());
    }
}
