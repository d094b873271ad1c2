package workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import nixpylab.Proc;
import nixpylab.nix.NixHash;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import testkit.OnNix;
import testkit.ScriptRun;

/**
 * What learners (and shortcut-takers) really try, exercise by exercise: each wrong answer is
 * refused by the check, with a message that says what is still wrong. None of these needs a
 * CPython build (the wrong answers to exercise 2 are the quick ones a shortcut-taker would try).
 */
@OnNix
class WrongAnswersTest {
    static Path w;

    @BeforeAll
    static void aFolder() throws Exception {
        w = WorkshopTest.fresh("wrong");
        for (String n : List.of("1", "3", "4", "5", "6")) assertEquals(0, WorkshopTest.workshop(w, "reset", n).exitCode());
    }

    /** Writes a wrong answer into the exercise's file, checks, and expects a refusal saying {@code says}. */
    static void refused(String exercise, String file, UnaryOperator<String> answer, String says) throws Exception {
        Path f = w.resolve(exercise).resolve(file);
        String start = Files.readString(f);
        Files.writeString(f, answer.apply(start));
        try {
            Proc.Result r = WorkshopTest.workshop(w, "check", exercise.substring(0, 2));
            assertEquals(1, r.exitCode(), ScriptRun.describe(r));
            // a wrong answer may end a builder on cp or chmod, which Nix kills as it ends now and then (BuilderEnd):
            // the check builds again three times and then says the build failed, which refuses the answer too
            boolean killed = r.stdout().contains("Nix killed the builder as it ended (signal 9)") && r.stdout().contains("failed: Cannot build");
            assertTrue(r.stdout().contains("NOT YET: ") && (r.stdout().contains(says) || killed), "refused, saying '" + says + "':\n" + r.stdout());
        } finally {
            Files.writeString(f, start);
        }
    }

    static String hashLine(String text, String line) {
        return text.replace("  # TODO: a hash line goes here.", "  " + line);
    }

    @Test
    void fakeHashWrongAnswers() throws Exception {
        String dir = "01-fake-hash";
        refused(dir, "source.nix", t -> hashLine(t, "hash = \"sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\";"), "has no real hash yet");
        refused(dir, "source.nix", t -> hashLine(t, "hash = \"\";"), "has no real hash yet");
        String other = NixHash.of("not the tarball".getBytes()).sri();
        refused(dir, "source.nix", t -> hashLine(t, "hash = \"" + other + "\";"), "is not the tarball's");
        // the shortcut: another file, with that file's own hash
        Path decoy = Files.createDirectories(Path.of("/var/tmp/nixpylab-test-sources"));
        Path file = decoy.resolve("decoy-" + ProcessHandle.current().pid() + ".tar.gz");
        Files.writeString(file, "a decoy\n");
        refused(dir, "source.nix", t -> hashLine(t.replaceFirst("url = \"[^\"]+\"", "url = \"file://" + file + "\""), "hash = \"" + NixHash.of("a decoy\n".getBytes()).sri() + "\";"),
                "it is not the CPython tarball this exercise gave you");
    }

    @Test
    void lzmaShortcutsAreRefused() throws Exception {
        assertEquals(0, WorkshopTest.workshop(w, "reset", "2").exitCode());
        String link = "derivation {\n  name = \"workshop-python\";\n  system = builtins.currentSystem;\n  builder = \"/bin/sh\";\n"
                + "  args = [ \"-c\" \"/usr/bin/mkdir -p $out/bin && /usr/bin/ln -s /usr/bin/python3 $out/bin/python3\" ];\n}\n";
        refused("02-lzma", "python.nix", t -> link, "is not a python that python.nix built");
        String wrapper = "derivation {\n  name = \"workshop-python\";\n  system = builtins.currentSystem;\n  builder = \"/bin/sh\";\n"
                + "  args = [ \"-c\" \"/usr/bin/mkdir -p $out/bin && echo 'exec /usr/bin/python3 \\\"$@\\\"' > $out/bin/python3 && /usr/bin/chmod +x $out/bin/python3\" ];\n}\n";
        refused("02-lzma", "python.nix", t -> wrapper, "is not built into python");
    }

    @Test
    void twoBuildsWrongAnswers() throws Exception {
        String dir = "03-two-builds";
        refused(dir, "app.nix", t -> t.replace("src = ./.;", "src = builtins.path { path = ./.; };"), "gave two output paths");
        refused(dir, "app.nix", t -> t.replace("src = ./.;", "src = ./src;"), "nix-build app.nix failed");
        refused(dir, "app.nix", t -> t.replace("src = ./.;", "src = ./src;").replace("cp \"$src/src/hello.py\" \"$out/bin/hello.py\"", "cp \"$src/hello.py\" \"$out/hello.py\""),
                "no longer puts bin/hello.py into it");
    }

    @Test
    void namedRootWrongAnswers() throws Exception {
        Path dir = w.resolve("04-named-root");
        Proc.Result nothing = WorkshopTest.workshop(w, "check", "4");
        assertTrue(nothing.stdout().contains("There is no link called keep-hello"), nothing.stdout());
        Proc.Result built = Proc.of(WorkshopTest.with(WorkshopTest.byHand(WorkshopTest.workshop(w, "list").stdout()), "--option", "substituters", "", "-o", "other-name", "hello.nix"))
                .in(dir).run();
        assertEquals(0, built.exitCode(), built.stderr());
        Proc.Result wrongName = WorkshopTest.workshop(w, "check", "4");
        assertTrue(wrongName.stdout().contains("There is no link called keep-hello"), "a root under another name:\n" + wrongName.stdout());
        Files.createSymbolicLink(dir.resolve("keep-hello"), Files.readSymbolicLink(dir.resolve("other-name")));
        Proc.Result plain = WorkshopTest.workshop(w, "check", "4");
        assertTrue(plain.stdout().contains("Nix does not count it as a root"), "ln -s is not a root:\n" + plain.stdout());
        Files.delete(dir.resolve("keep-hello"));
        Files.createSymbolicLink(dir.resolve("keep-hello"), Path.of("/nix/store/00000000000000000000000000000000-workshop-hello"));
        Proc.Result elsewhere = WorkshopTest.workshop(w, "check", "4");
        assertTrue(elsewhere.stdout().contains("keep-hello points to /nix/store/00000000000000000000000000000000-workshop-hello, but what hello.nix builds now is"), elsewhere.stdout());
        Files.delete(dir.resolve("keep-hello"));
        Files.delete(dir.resolve("other-name"));
    }

    @Test
    void safeDeleteWrongAnswers() throws Exception {
        Path dir = w.resolve("05-safe-delete");
        Proc.Result untouched = WorkshopTest.workshop(w, "check", "5");
        assertTrue(untouched.stdout().contains("Nix keeps it alive because of 2 roots: keep-old, result"), untouched.stdout());
        Files.delete(dir.resolve("result"));
        Proc.Result oneLeft = WorkshopTest.workshop(w, "check", "5");
        assertTrue(oneLeft.stdout().contains("because of 1 root: keep-old"), "removing result alone is not enough:\n" + oneLeft.stdout());
        String out = Files.readSymbolicLink(dir.resolve("keep-old")).toString();
        Proc.Result forced = Proc.of("nix-store", "--option", "substituters", "", "--delete", "--ignore-liveness", out).run();
        if (forced.ok()) {
            Proc.Result dangling = WorkshopTest.workshop(w, "check", "5");
            assertTrue(dangling.stdout().contains("keep-old still points to it: a link to nothing"), "the forced delete's leftovers:\n" + dangling.stdout());
        } else {
            assertTrue(forced.stderr().contains("not allowed to ignore liveness"), forced.stderr()); // through a daemon nobody may force it
        }
    }

    /** Exercise 6: the app must keep the greeting and drop the reference; Nix's records decide, not the file's text. */
    @Test
    void runtimeReferenceWrongAnswers() throws Exception {
        String dir = "06-why-depends";
        refused(dir, "app.nix", t -> t, "still keeps");
        // the path kept "only in a comment": Nix scans every byte of the output
        refused(dir, "app.nix", t -> t.replace("echo \"greeting: see ${lib}\" > $out", "read -r greeting < ${lib}\n      echo \"greeting: $greeting  # read from ${lib}\" > $out"), "still keeps");
        // the shortcut: no library at all, a greeting typed in
        refused(dir, "app.nix", t -> t.replace("echo \"greeting: see ${lib}\" > $out", "echo \"greeting: hello from the workshop library\" > $out"), "no longer builds from the library");
        // the words lost on the way (a typo in the variable's name)
        refused(dir, "app.nix", t -> t.replace("echo \"greeting: see ${lib}\" > $out", "read -r greeting < ${lib}\n      echo \"greeting: $greting\" > $out"), "does not hold the library's greeting");
    }
}
