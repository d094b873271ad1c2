package nixpylab.derivation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import nixpylab.NixTemplate;
import nixpylab.Proc;
import nixpylab.nix.NixHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testkit.OnNix;

class BareDerivationTest {
    static final BareDerivation FAKE = new BareDerivation("chrism-py311", "0123abcd", "3.11.2",
            "file:///var/tmp/nixpylab-sources/python3.11_3.11.2.orig.tar.gz", NixHash.fake(), null);

    @Test
    void namesFollowTheVideo() {
        assertEquals("chrism-py310", BareDerivation.nameFor("3.10.5"));
        assertEquals("chrism-py311.nix", FAKE.fileName());
    }

    @Test
    void withoutModulesThereIsNoPostPatch() {
        String t = FAKE.text();
        assertFalse(t.contains("postPatch ="), t);
        assertTrue(t.contains("hash = \"sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\";"));
        assertTrue(t.contains("# Impure on purpose"));
    }

    @Test
    void postPatchCarriesTheSetupLocalLines() {
        String t = FAKE.withModules(List.of("zlib", "_sqlite3")).text();
        assertTrue(t.contains("    cat > Modules/Setup.local <<'EOF'\n    zlib zlibmodule.c -lz\n    _sqlite3 _sqlite/blob.c"), t);
    }

    @Test
    void quotesStringsSoNixCannotInterpolate() {
        assertEquals("\"a\\\"b\\\\c\\${d}\"", NixTemplate.quote("a\"b\\c${d}"));
    }

    @OnNix
    @Test
    void generatedFilesParseWithNix(@TempDir Path dir) throws Exception {
        for (BareDerivation d : List.of(FAKE, FAKE.withModules(SetupLocal.VIDEO_MODULES), FAKE.withHash(NixHash.parse("0".repeat(63) + "1")), FAKE.withModules(SetupLocal.VIDEO_MODULES).withFixes(RepeatableFix.all()))) {
            Path f = dir.resolve(d.fileName());
            Files.writeString(f, d.text());
            Proc.Result r = Proc.of("nix-instantiate", "--parse", f.toString()).timeout(Duration.ofSeconds(30)).run();
            assertEquals(0, r.exitCode(), r.stderr());
            assertTrue(r.stdout().contains("derivation"), r.stdout());
        }
    }

    /** The postPatch text is what the shell sees: Nix strips the common indentation of '' strings. */
    @OnNix
    @Test
    void postPatchEvaluatesToTheSetupLocalHereDocument(@TempDir Path dir) throws Exception {
        BareDerivation d = FAKE.withModules(List.of("zlib", "_bz2"));
        Path f = dir.resolve(d.fileName());
        Files.writeString(f, d.text());
        Proc.Result r = Proc.of("nix-instantiate", "--eval", "--json", "-E", "(import " + f + ").postPatch").timeout(Duration.ofSeconds(30)).run();
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("\"cat > Modules/Setup.local <<'EOF'\\nzlib zlibmodule.c -lz\\n_bz2 _bz2module.c -lbz2\\nEOF\\n\"", r.stdout().strip());
    }

    @Test
    void repeatableFixesComeOnlyWithFixAndEachNamesItsClass() {
        assertFalse(FAKE.withModules(SetupLocal.VIDEO_MODULES).text().contains(RepeatableBuild.MARK));
        String t = FAKE.withModules(SetupLocal.VIDEO_MODULES).withFixes(RepeatableFix.all()).text();
        for (String cls : List.of("build time", "byte-code timestamp", "byte-code contents", "build path", "build id", "byte-code hash")) {
            assertTrue(t.contains(RepeatableBuild.MARK + cls) || t.contains(RepeatableBuild.MARK + "build time, " + cls), cls);
        }
        assertTrue(t.contains("export SOURCE_DATE_EPOCH=") && t.contains("export LDFLAGS_NODIST=\"-Wl,--build-id=none\"") && t.contains("-ffile-prefix-map=$PWD="), t);
        // what each fix must not do: PYTHONHASHSEED would be dead (make install runs python -E), LDFLAGS would reach sysconfig's LDSHARED
        assertFalse(t.contains("PYTHONHASHSEED") || t.contains(" LDFLAGS="), t);
        assertTrue(t.contains("[ -s \"$TMPDIR/holds-out\" ] || exit 0"), "compileall never gets an empty list (it would compile all of sys.path): " + t);
        assertTrue(FAKE.withFixes(RepeatableFix.all()).withHash(NixHash.parse("0".repeat(63) + "1")).fixes().equals(RepeatableFix.all()), "a new hash keeps the fixes");
    }

    /** What the shell runs (the '' string with its indentation stripped, as BuilderEnd reads it): sh and bash read it without a syntax error, and it ends as Nix lets a builder end. */
    @Test
    void theRepeatableBuilderIsAScriptTheShellsRead(@TempDir Path dir) throws Exception {
        String script = BuilderEnd.scripts(FAKE.withModules(SetupLocal.VIDEO_MODULES).withFixes(RepeatableFix.all()).text()).get(0).replaceAll("\n[ ]*\\z", "").stripIndent() + "\n";
        assertTrue(script.lines().anyMatch(l -> l.startsWith("export SOURCE_DATE_EPOCH=$(find . -type f -printf '%T@\\n'")), script);
        Path sh = dir.resolve("builder.sh");
        Files.writeString(sh, script);
        for (String shell : List.of("sh", "bash")) {
            Proc.Result n = Proc.of(shell, "-n", sh.toString()).timeout(Duration.ofSeconds(10)).run();
            assertEquals(0, n.exitCode(), shell + ": " + n.stderr());
        }
        assertEquals(Optional.empty(), BuilderEnd.whyKilled(script));
    }

    /** --fix CLASS: each fix alone writes only its own lines, in a builder the shells read and Nix lets end; together they are --fix's whole text. */
    @Test
    void eachFixAloneWritesOnlyItsOwnLinesAndTogetherTheyAreAllOfThem(@TempDir Path dir) throws Exception {
        BareDerivation plain = FAKE.withModules(SetupLocal.VIDEO_MODULES);
        for (RepeatableFix f : RepeatableFix.values()) {
            String t = plain.withFixes(Set.of(f)).text();
            for (RepeatableFix other : RepeatableFix.values()) {
                String mark = RepeatableBuild.MARK + other.classes().get(0).label();
                assertEquals(other == f, t.contains(mark), f + " alone, " + other + "'s comment: " + t);
            }
            String script = BuilderEnd.scripts(t).get(0).replaceAll("\n[ ]*\\z", "").stripIndent() + "\n";
            Path sh = dir.resolve(f.typed() + ".sh");
            Files.writeString(sh, script);
            for (String shell : List.of("sh", "bash")) {
                Proc.Result n = Proc.of(shell, "-n", sh.toString()).timeout(Duration.ofSeconds(10)).run();
                assertEquals(0, n.exitCode(), f + ", " + shell + ": " + n.stderr());
            }
            assertEquals(Optional.empty(), BuilderEnd.whyKilled(script), f.toString());
        }
        // written one by one, in any order, they end as --fix alone writes them
        BareDerivation oneByOne = plain;
        List<RepeatableFix> backwards = new ArrayList<>(List.of(RepeatableFix.values()));
        Collections.reverse(backwards);
        for (RepeatableFix f : backwards) {
            Set<RepeatableFix> so = EnumSet.of(f);
            so.addAll(oneByOne.fixes());
            oneByOne = oneByOne.withFixes(so);
        }
        assertEquals(plain.withFixes(RepeatableFix.all()).text(), oneByOne.text());
    }

    /** The names a learner types: each class the fixes are for, as Repeatable prints it or with - for a space; nothing else. */
    @Test
    void aFixIsAskedForByTheNameOfAClassItRemoves() {
        assertEquals(Optional.of(RepeatableFix.BUILD_TIME), RepeatableFix.forClass("byte-code-timestamp"));
        assertEquals(Optional.of(RepeatableFix.BUILD_TIME), RepeatableFix.forClass("Build Time"));
        assertEquals(Optional.of(RepeatableFix.BYTE_CODE_CONTENTS), RepeatableFix.forClass("byte-code-references"));
        assertEquals(Optional.of(RepeatableFix.BYTE_CODE_HASH), RepeatableFix.forClass("byte-code hash"));
        for (String wrong : List.of("unexplained", "entry-order", "host-configuration", "time", "buildid", "")) {
            assertEquals(Optional.empty(), RepeatableFix.forClass(wrong), wrong);
        }
    }
}
