package scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import nixpylab.Proc;
import nixpylab.workspace.TutorialRun;
import org.junit.jupiter.api.Test;
import testkit.OnNix;
import testkit.ScriptRun;
import testkit.TinyWorkspace;

/**
 * The run a learner made, as FullTutorialTest finds it: the tutorial keeps its record, and the
 * record is believed only while Nix's own records agree with it. Each wrong record people would
 * leave (another Nix, another build, the link gone, the file changed since) is refused.
 */
@OnNix
class LearnersRunTest {
    @Test
    void aRecordIsBelievedOnlyWhileNixAgreesWithIt() throws Exception {
        TinyWorkspace t = TinyWorkspace.fresh("learners-run");
        Path lab = t.lab();
        // without _tkinter: the tiny package's python is the machine's own, and the current Nix's root has no tkinter
        Proc.Result r = ScriptRun.run("Tutorial", Duration.ofMinutes(8), "--workdir", lab.toString(), "--source", t.tarball().toString(), "--trust-first-use",
                "--without", "_tkinter");
        assertEquals(0, r.exitCode(), ScriptRun.describe(r));
        try {
            TutorialRun kept = FullTutorialTest.learnersRun(lab).orElseThrow(() -> new AssertionError("the tutorial's own record is not taken: " + TutorialRun.read(lab)));
            FullTutorialTest.check(kept);
            Path result = ReadmeOrderTest.labBuild(lab).orElseThrow();
            assertEquals(Optional.of(result.toString()), kept.result());

            // a record from another Nix
            new TutorialRun("2.99.0", kept.nixStore(), kept.finished(), 0, kept.result(), kept.steps()).write(lab);
            assertTrue(FullTutorialTest.learnersRun(lab).isEmpty(), "another Nix's record");
            // a record naming another build than lab/result's
            new TutorialRun(kept.nixVersion(), kept.nixStore(), kept.finished(), 0, Optional.of(result.getParent().resolve("00000000000000000000000000000000-chrism-py012").toString()), kept.steps()).write(lab);
            assertTrue(FullTutorialTest.learnersRun(lab).isEmpty(), "a build that is not lab/result's");
            kept.write(lab);
            assertTrue(FullTutorialTest.learnersRun(lab).isPresent(), "the record as the tutorial kept it again");

            // the file changed since: the build is no longer what the workspace's file makes
            Path nix = lab.resolve(t.nixFileName());
            String text = Files.readString(nix);
            String edited = text.replace("system = builtins.currentSystem;", "system = builtins.currentSystem;\n  edited = \"since\";");
            assertTrue(!edited.equals(text), "the file has the line the edit goes after");
            Files.writeString(nix, edited);
            assertTrue(Proc.of("nix-instantiate", "--parse", nix.toString()).timeout(ScriptRun.STEP).run().ok(), "the edit is Nix that parses");
            assertTrue(FullTutorialTest.learnersRun(lab).isEmpty(), "a build from the file as it was, not as it is");
            Files.writeString(nix, text);

            // the link gone
            Files.delete(lab.resolve("result"));
            assertTrue(FullTutorialTest.learnersRun(lab).isEmpty(), "no lab/result");
        } finally {
            Proc.Result clean = ScriptRun.step(lab, "ForceDelete");
            assertTrue(clean.exitCode() == 0 || clean.stderr().contains("nothing"), ScriptRun.describe(clean));
        }
    }
}
