package nixpylab.room;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import nixpylab.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A port someone else listens on is refused before a join line could point at their server; a room folder Nix's URL or nginx would misread is refused. */
class WebServerTest {
    @Test
    void aTakenPortIsRefused() throws Exception {
        try (ServerSocket other = new ServerSocket()) {
            other.bind(new InetSocketAddress("127.0.0.1", 0));
            UserError e = assertThrows(UserError.class, () -> WebServer.refuseTaken("127.0.0.1", other.getLocalPort()));
            assertTrue(e.getMessage().contains("is taken"), e.getMessage());
            assertTrue(e.next().contains("--port"), e.next());
        }
    }

    @Test
    void aRoomFolderNixOrNginxWouldMisreadIsRefused(@TempDir Path dir) {
        for (String name : new String[] {"my room", "room?x=1", "room#1", "room;x", "room\"x"}) {
            UserError e = assertThrows(UserError.class, () -> new RoomCache(dir.resolve(name)), name);
            assertTrue(e.getMessage().contains("would misread"), e.getMessage());
        }
        new RoomCache(dir.resolve("room-1"));
    }
}
