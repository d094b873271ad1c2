package site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nixpylab.Proc;
import nixpylab.nix.NixVersion;
import org.junit.jupiter.api.Test;
import testkit.OnNix;
import testkit.ScriptRun;
import testkit.TinyWorkspace;

/**
 * A serve= block recorded for real: a room that was never published cannot be served, and Site
 * says so in the server's own words and records nothing; once a block before it publishes the
 * room, the recorder serves it with nginx on the loopback for that block alone, the block joins
 * with the URL and key the server printed, and the server is gone afterwards.
 */
@OnNix
class SiteRoomBlockTest {
    static final Duration T = Duration.ofMinutes(10);

    @Test
    void aJoinBlockIsRecordedAgainstARoomServedForItAndNothingWhenTheRoomCannotBeServed() throws Exception {
        TinyWorkspace t = TinyWorkspace.fresh("site-room");
        Path chapters = Files.createDirectories(t.base().resolve("chapters"));
        Path work = t.base().resolve("work");
        String build = "run::Build[args=\"--from-start --source " + t.tarball() + " --trust-first-use\"]\n\n";
        String join = "run::Workshop[args=\"join {url} {key} --workdir learner/workshop\", serve=room, id=join]\n";
        List<String> args = List.of("--chapters", chapters.toString(), "--out", t.base().resolve("site").toString(), "--workdir", work.toString());
        Path lab = work.resolve("nix-" + NixVersion.installed().text()).resolve("lab");
        try {
            Files.writeString(chapters.resolve("01-room.adoc"), "= Room\n\n" + build + join);
            Proc.Result none = ScriptRun.run("Site", T, args.toArray(String[]::new));
            assertNotEquals(0, none.exitCode(), ScriptRun.describe(none));
            assertTrue(none.stderr().contains("The workshop room room could not be served for 01-room #2") && none.stderr().contains("nothing was recorded"), none.stderr());
            assertTrue(none.stderr().contains("Nothing is published in room yet"), "in the server's own words: " + none.stderr());
            assertFalse(none.stderr().contains("Exception"), none.stderr());
            assertEquals(0, transcripts(chapters), "nothing recorded, not even the block before it");

            Files.writeString(chapters.resolve("01-room.adoc"), "= Room\n\n" + build + "run::Workshop[args=\"publish --room room --from lab --no-exercises\"]\n\n" + join);
            Proc.Result r = ScriptRun.run("Site", T, args.toArray(String[]::new));
            assertEquals(0, r.exitCode(), ScriptRun.describe(r));
            String recorded = Files.readString(chapters.resolve("transcripts/01-room/03-Workshop/nix-" + NixVersion.installed().text() + ".txt"));
            Matcher typed = Pattern.compile("command: ./jbang scripts/Workshop.java join http://127\\.0\\.0\\.1:(\\d+) (nixpylab-room-[0-9a-f]{8}):\\S+ --workdir learner/workshop").matcher(recorded);
            assertTrue(typed.find(), "the block typed the URL and key the server printed: " + recorded);
            String port = typed.group(1);
            assertTrue(recorded.contains("out | joined the workshop room at http://127.0.0.1:" + port + " (key " + typed.group(2) + ", which signed the room's description)"), recorded);
            assertTrue(recorded.contains("note: " + RoomServing.NOTE + "./jbang scripts/Workshop.java serve --room room --address 127.0.0.1 --port " + port + " (served "), recorded);
            assertTrue(Files.isRegularFile(lab.resolveSibling("learner/workshop/.nixpylab/room.properties")), "the learner's folder joined");
            assertFalse(Files.exists(lab.resolveSibling("workshop")), "and the tutorial's lab has no room next to it");
            try (Socket s = new Socket("127.0.0.1", Integer.parseInt(port))) {
                throw new AssertionError("the room is still served on port " + port + " after its block");
            } catch (ConnectException gone) {
                // stopped with its block
            }
            String page = Files.readString(t.base().resolve("site/01-room.html"));
            assertTrue(page.contains("<div class=\"served-room\">While this ran, the workshop room room/ was served on this machine's loopback by <code>./jbang scripts/Workshop.java serve --room room --address 127.0.0.1 --port " + port + "</code>"), page);
        } finally {
            if (Files.isDirectory(lab)) ScriptRun.run("ForceDelete", Duration.ofMinutes(5), "--workdir", lab.toString());
            Proc.of("rm", "-rf", t.base().toString()).timeout(Duration.ofMinutes(1)).run();
        }
    }

    private static long transcripts(Path chapters) throws Exception {
        if (!Files.exists(chapters.resolve("transcripts"))) return 0;
        try (Stream<Path> s = Files.walk(chapters.resolve("transcripts"))) {
            return s.filter(Files::isRegularFile).count();
        }
    }
}
