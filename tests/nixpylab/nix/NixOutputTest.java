package nixpylab.nix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import testkit.Captures;

/**
 * Every parser of Nix's output on what each Nix version really printed: tests/captures/nix-VERSION/,
 * made by tests/captures/Capture.java on the same tiny derivations (2.8.0: Debian bookworm; 2.34.8:
 * Debian sid, run with --nix current).
 */
class NixOutputTest {
    static List<String> versions() {
        return Captures.nixVersions();
    }

    @Test
    void bothVersionsAreCaptured() {
        assertTrue(versions().containsAll(List.of("2.8.0", "2.34.8")), versions().toString());
    }

    @ParameterizedTest
    @MethodSource("versions")
    void aFakeHashGivesTheRealOneAndExitCode102(String v) {
        HashMismatch m = HashMismatch.parse(Captures.of(v, "hash-mismatch.stderr")).orElseThrow();
        assertTrue(m.specified().isFake());
        assertEquals("sha256-WJG1tSLV3whtD/CxEPvZ0hu0/HFjrzTQgoai6Eb2vgM=", m.got().sri(), "sha256 of \"hello\\n\"");
        assertEquals("102", Captures.of(v, "hash-mismatch.exit").strip());
    }

    @ParameterizedTest
    @MethodSource("versions")
    void theDependentBuildIsReportedOnEitherShape(String v) {
        List<BuildError> e = BuildError.parseAll(Captures.of(v, "hash-mismatch.stderr"));
        assertEquals(1, e.size(), e.toString());
        assertTrue(e.get(0).drv().name().startsWith("capture-app-"));
        assertEquals(new BuildError.DependenciesFailed(1), e.get(0).reason());
        assertTrue(e.get(0).sentence().endsWith("was not built because 1 dependency failed"), e.get(0).sentence());
    }

    @ParameterizedTest
    @MethodSource("versions")
    void aFailingBuilderIsReportedWithItsExitCode(String v) {
        List<BuildError> e = BuildError.parseAll(Captures.of(v, "build-failure.stderr"));
        assertEquals(1, e.size(), e.toString());
        assertEquals(new BuildError.BuilderFailed(2), e.get(0).reason());
        assertEquals("100", Captures.of(v, "build-failure.exit").strip(), "Nix's exit code for a failed build");
    }

    @ParameterizedTest
    @MethodSource("versions")
    void rootsAreLinkArrowPath(String v) {
        List<GcRoot> roots = GcRoot.parseAll(Captures.of(v, "roots.stdout"));
        assertEquals(1, roots.size(), roots.toString());
        assertEquals("/var/tmp/nixpylab-capture/result", roots.get(0).link());
        assertEquals(GcRoot.Kind.RESULT_LINK, roots.get(0).kind());
        List<GcRoot> all = GcRoot.parseAll(Captures.of(v, "print-roots.stdout"));
        assertTrue(all.stream().noneMatch(g -> g.link().endsWith("/dangling")), "a dangling link is skipped, not a root: " + all);
        assertTrue(all.stream().anyMatch(g -> g.link().equals("/var/tmp/nixpylab-capture/result")), "the link reads the same whether Nix quoted it (2.34) or not (2.8): " + all);
        assertTrue(Captures.of(v, "print-roots.stderr").contains("skipping invalid root from "), "both say they skip it");
    }

    @ParameterizedTest
    @MethodSource("versions")
    void deleteRefusedWhileAliveThenForcedWithSizesInEitherUnit(String v) {
        DeleteReport refused = DeleteReport.parse(Captures.of(v, "delete-refused.stdout"), Captures.of(v, "delete-refused.stderr"));
        assertEquals(0, refused.deleted());
        assertTrue(refused.alive().isPresent());
        assertEquals("1", Captures.of(v, "delete-refused.exit").strip());
        assertTrue(NixErrors.firstError(Captures.of(v, "delete-refused.stderr")).orElseThrow().contains("since it is still alive"));
        DeleteReport forced = DeleteReport.parse(Captures.of(v, "delete-forced.stdout"), Captures.of(v, "delete-forced.stderr"));
        assertEquals(1, forced.deleted());
        assertTrue(forced.freedText().matches("0\\.0+ (MiB|KiB)"), forced.freedText());
        assertFalse(forced.livenessRefused());
    }

    @Test
    void sizesInEveryUnitNixUses() {
        assertEquals(334_705_459L, DeleteReport.parse("1 store paths deleted, 319.20 MiB freed", "").freedBytes());
        assertEquals(334_705_459L, DeleteReport.parse("1 store paths deleted, 319.2 MiB freed", "").freedBytes());
        assertEquals(4096L, DeleteReport.parse("1 store paths deleted, 4.0 KiB freed", "").freedBytes());
        assertEquals(1_503_238_554L, DeleteReport.parse("3 store paths deleted, 1.4 GiB freed", "").freedBytes());
    }

    @ParameterizedTest
    @MethodSource("versions")
    void aDaemonRefusesToIgnoreLiveness(String v) {
        DeleteReport r = DeleteReport.parse(Captures.of(v, "daemon-ignore-liveness.stdout"), Captures.of(v, "daemon-ignore-liveness.stderr"));
        assertTrue(r.livenessRefused());
        assertEquals(0, r.deleted());
        assertEquals("error: you are not allowed to ignore liveness", NixErrors.firstError(Captures.of(v, "daemon-ignore-liveness.stderr")).orElseThrow());
    }

    @ParameterizedTest
    @MethodSource("versions")
    void aSecondBuildThatDiffersNamesTheCheckCopyAndTheKeptFolder(String v) {
        CheckMismatch m = CheckMismatch.parse(Captures.of(v, "check-differs.stderr")).orElseThrow();
        assertEquals(m.out().path() + ".check", m.checkCopy().toString());
        assertTrue(m.keptBuildDir().isPresent(), "-K keeps the build folder");
        assertEquals("104", Captures.of(v, "check-differs.exit").strip());
        assertTrue(CheckMismatch.parse(Captures.of(v, "check-not-built.stderr")).isEmpty());
        assertTrue(NixErrors.firstError(Captures.of(v, "check-not-built.stderr")).orElseThrow().contains("are not valid, so checking is not possible"));
    }

    @ParameterizedTest
    @MethodSource("versions")
    void anUnreadableFileSourceSaysSoBehindEitherTrace(String v) {
        String e = NixErrors.firstError(Captures.of(v, "file-source-unreadable.stderr")).orElseThrow();
        assertTrue(e.contains("unable to download 'file:///var/tmp/nixpylab-capture/hidden/src.txt'"), e);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void settingsAndStoreAccess(String v) {
        NixConfig c = NixConfig.parse(Captures.of(v, "config-show.stdout"));
        assertEquals("nixbld", c.get("build-users-group"));
        assertEquals(List.of("root"), c.list("trusted-users"));
        assertEquals(v.equals("2.8.0") ? "false" : "true", c.sandbox(), "Debian's 2.8 turns the sandbox off; sid's 2.34 keeps Nix's default");
        String info = Captures.of(v, "store-info.stdout") + Captures.of(v, "store-info.stderr");
        StoreAccess a = StoreAccess.parse(info, "root", true, List.of("root"), c.list("trusted-users"));
        assertEquals("local", a.url());
        assertFalse(a.daemon());
        assertTrue(a.trusted());
    }

    @Test
    void storeAccessThroughADaemon() {
        StoreAccess old = StoreAccess.parse("Store URL: daemon\nVersion: 2.8.0\n", "learner", false, List.of("learner", "nix-users"), List.of("root"));
        assertTrue(old.daemon());
        assertFalse(old.trusted(), "2.8 does not say; trusted-users does");
        assertTrue(StoreAccess.parse("Store URL: daemon\n", "learner", false, List.of("learner", "wheel"), List.of("root", "@wheel")).trusted());
        StoreAccess current = StoreAccess.parse("{\"trusted\":0,\"url\":\"daemon\",\"version\":\"2.34.8\"}", "learner", false, List.of(), List.of("learner"));
        assertFalse(current.trusted(), "2.34 says it itself, and that wins over the client's reading of trusted-users");
    }

    @Test
    void sandboxWithoutAShellOnDebians28() {
        assertTrue(Captures.of("2.8.0", "sandbox-without-sh.stderr").contains("executing '/bin/sh': No such file or directory"));
        assertEquals(List.of(), NixConfig.parse(Captures.of("2.8.0", "config-show.stdout")).list("sandbox-paths"), "Debian's 2.8 has no default sandbox-paths");
        assertEquals(List.of("/bin/sh=/usr/bin/bash-static"), NixConfig.parse(Captures.of("2.34.8", "config-show.stdout")).list("sandbox-paths"));
    }

    @ParameterizedTest
    @MethodSource("versions")
    void evaluationErrorsNameTheCauseAndThePlaceBehindEitherTrace(String v) {
        String syntax = NixErrors.evaluationCause(Captures.of(v, "eval-syntax-error.stderr"));
        assertTrue(syntax.startsWith("syntax error, unexpected '{'"), syntax);
        assertTrue(syntax.endsWith("(at /var/tmp/nixpylab-capture/syntax.nix:1:13)"), syntax);
        String hash = NixErrors.evaluationCause(Captures.of(v, "eval-bad-hash.stderr"));
        assertTrue(hash.startsWith("invalid SRI hash 'tooshort'"), "the cause, not the trace: " + hash);
    }

    @ParameterizedTest
    @MethodSource("versions")
    void theStructuredLogSaysWhichDerivationBuildsItsPhaseAndTheCounts(String v) {
        String log = Captures.of(v, "build-internal-json.stderr");
        BuildWatch watch = new BuildWatch();
        List<BuildWatch.Progress> seen = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        for (String line : log.split("\n")) {
            Optional<NixLog.Event> e = NixLog.parse(line);
            assertTrue(e.isPresent() || !line.startsWith("@nix "), "every @nix line is an event: " + line);
            assertFalse(e.isPresent() && e.get() instanceof NixLog.Unparsed, "and one this reader reads: " + line);
            e.ifPresent(ev -> {
                watch.accept(ev).ifPresent(seen::add);
                for (String l : NixLog.plainLines(ev)) plain.append(l).append('\n');
            });
        }
        List<String> phases = seen.stream().filter(p -> p.derivation().startsWith("capture-phased-") && !p.derivation().contains("-dep-")).map(BuildWatch.Progress::phase).distinct().toList();
        assertEquals(List.of("starting", "unpackPhase", "buildPhase", "installPhase"), phases, seen.toString());
        assertTrue(seen.stream().anyMatch(p -> p.derivation().startsWith("capture-phased-dep-") && p.phase().equals("buildPhase")), "the dependency built first");
        assertEquals(0, watch.unparsed());
        BuildWatch.Progress last = watch.progress();
        assertEquals(2, last.done(), "both built: " + last);
        assertTrue(last.expected() >= 2, "2.8 expects 2; 2.34 counts 3 for the same two builds: " + last);
        assertTrue(plain.toString().contains("compiling\n"), "the builder's own lines come back as a plain log would show them");
        assertTrue(plain.toString().contains("these 2 derivations will be built:"), plain.toString());
    }

    /** Each event typed as what it is; a line that starts as one and cannot be read is kept as it came, and counted. */
    @Test
    void eventsAreTypedAndAnUnreadableOneIsKeptAndCounted() {
        NixLog.Event build = NixLog.parse("@nix {\"action\":\"start\",\"id\":7,\"level\":3,\"type\":105,\"text\":\"building '/nix/store/0123456789abcdfghijklmnpqrsvwxyz-x.drv'\",\"fields\":[\"/nix/store/0123456789abcdfghijklmnpqrsvwxyz-x.drv\",\"\",1,1]}").orElseThrow();
        assertEquals(new NixLog.Started(7, NixLog.Activity.BUILD, "building '/nix/store/0123456789abcdfghijklmnpqrsvwxyz-x.drv'", "/nix/store/0123456789abcdfghijklmnpqrsvwxyz-x.drv", ""), build);
        assertEquals(new NixLog.Progress(3, 1, 2, 1, 0), NixLog.parse("@nix {\"action\":\"result\",\"id\":3,\"type\":105,\"fields\":[1,2,1,0]}").orElseThrow());
        assertEquals(new NixLog.OtherResult(3, 105), NixLog.parse("@nix {\"action\":\"result\",\"id\":3,\"type\":105,\"fields\":[1]}").orElseThrow(), "progress with too few numbers is not progress");
        assertEquals(Optional.empty(), NixLog.parse("these 2 paths will be built:"), "a plain line is no event");
        BuildWatch watch = new BuildWatch();
        for (String cut : List.of("@nix {\"action\":\"start\",\"id\":7,\"ty", "@nix [1,2]", "@nix {\"action\":\"begin\"}")) {
            NixLog.Event e = NixLog.parse(cut).orElseThrow();
            assertEquals(new NixLog.Unparsed(cut), e, cut);
            assertEquals(List.of(cut), NixLog.plainLines(e), "kept in the plain log as it came");
            assertEquals(Optional.empty(), watch.accept(e));
        }
        assertEquals(3, watch.unparsed());
        assertEquals(Optional.of("x"), watch.accept(build).map(BuildWatch.Progress::derivation));
    }

    /** The plain log a structured log stands for: Nix's messages without their colours. */
    static String plainFromStructured(String log) {
        StringBuilder plain = new StringBuilder();
        for (String line : log.split("\n")) NixLog.parse(line).ifPresent(e -> NixLog.plainLines(e).forEach(l -> plain.append(l).append('\n')));
        return plain.toString();
    }

    @ParameterizedTest
    @MethodSource("versions")
    void aCheckThatDiffersReadsTheSameFromTheStructuredLog(String v) {
        String plain = plainFromStructured(Captures.of(v, "check-differs-internal-json.stderr"));
        assertFalse(plain.contains("\u001b"), "Nix colours its messages in the structured log; the plain log has none:\n" + plain);
        CheckMismatch m = CheckMismatch.parse(plain).orElseThrow(() -> new AssertionError("the mismatch is read from:\n" + plain));
        assertEquals(m.out().path() + ".check", m.checkCopy().toString());
        assertEquals("104", Captures.of(v, "check-differs-internal-json.exit").strip());
    }

    @Test
    void versionsCompare() {
        assertTrue(NixVersion.parse("nix-build (Nix) 2.34.8").atLeast(2, 20));
        assertFalse(NixVersion.parse("2.8.0").atLeast(2, 20));
        assertEquals("2.8.0", NixVersion.parse("nix-build (Nix) 2.8.0\n").text());
    }
}
