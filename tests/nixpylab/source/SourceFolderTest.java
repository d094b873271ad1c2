package nixpylab.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import nixpylab.Proc;
import nixpylab.UserError;
import org.junit.jupiter.api.Test;
import testkit.HostOnly;

/**
 * A tarball another user put in a folder of tarballs is never taken, whatever its name promises
 * (the planted python3.11_3.11.99 of the security reading); a folder open to others is closed when
 * it is this user's, refused when it is another's.
 */
@HostOnly // needs root, to play the other user (nobody)
class SourceFolderTest {
    @Test
    void aTarballAnotherUserPlantedIsNeverTaken() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("/var/tmp"), "planted-sources-");
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx")); // as the old shared folder was (1777)
            Path real = Files.writeString(dir.resolve("python3.11_3.11.2.orig.tar.gz"), "real\n");
            Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r--r--"));
            Path planted = dir.resolve("python3.11_3.11.99.orig.tar.gz");
            assertTrue(Proc.of("runuser", "-u", "nobody", "--", "sh", "-c", "echo planted > " + planted).timeout(Duration.ofSeconds(10)).run().ok());
            assertTrue(SourceFolder.whyUntrusted(planted).orElseThrow().contains("belongs to nobody"));
            SourceLocator l = new SourceLocator(dir, Duration.ofSeconds(1));
            SourceFolder.claim(dir);
            assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)), "this user's folder, closed to others");
            assertEquals(real, l.cachedOrig("3.11").orElseThrow(), "the planted 3.11.99 sorts after 3.11.2 and is still not taken");
        } finally {
            Proc.of("rm", "-rf", dir.toString()).run();
        }
    }

    @Test
    void anotherUsersFolderIsRefused() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("/var/tmp"), "others-sources-");
        try {
            assertTrue(Proc.of("chown", "nobody", dir.toString()).run().ok());
            UserError e = assertThrows(UserError.class, () -> SourceFolder.claim(dir));
            assertTrue(e.getMessage().contains("belongs to nobody"), e.getMessage());
            assertTrue(e.next().contains("NIXPY_SOURCES"), e.next());
            assertFalse(Files.getOwner(dir).getName().equals("root"), "left as it was");
        } finally {
            Proc.of("rm", "-rf", dir.toString()).run();
        }
    }
}
