package nixpylab;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Properties;

/**
 * A folder the toolkit keeps state in ({@code .nixpylab/state.properties}), held under a lock: a
 * second process on the same folder is refused, never interleaved. The tutorial's workspace and the
 * workshop's folder each own one; nothing else opens the file.
 */
public final class LockedFolder implements AutoCloseable {
    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private LockedFolder(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks the folder (making it and its .nixpylab/ if needed), or says who holds it and what to do. */
    public static LockedFolder lock(Path dir, String busyWhat) {
        Path abs = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(abs.resolve(".nixpylab"));
            FileChannel ch = FileChannel.open(abs.resolve(".nixpylab/lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                ch.close();
                throw new UserError("Another NixPy Lab " + busyWhat + " is working in " + abs + " right now.",
                        "Wait for it to finish (or stop it), or use another folder with --workdir.");
            }
            return new LockedFolder(abs, ch, l);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    Path stateFile() {
        return dir.resolve(".nixpylab/state.properties");
    }

    public Properties read() {
        return readState(dir);
    }

    /** The folder's state without taking its lock: for a look at it, never to change it. */
    public static Properties readState(Path dir) {
        Properties p = new Properties();
        Path f = dir.toAbsolutePath().normalize().resolve(".nixpylab/state.properties");
        if (!Files.exists(f)) return p;
        try {
            p.load(new StringReader(Files.readString(f, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    public void write(Properties state, String comment) {
        AtomicFile.write(stateFile(), PropertiesText.of(state, comment));
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
    }
}
