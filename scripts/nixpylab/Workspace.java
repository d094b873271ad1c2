package nixpylab;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * A learner's workspace (default ./lab): the generated .nix file, the result link, build logs,
 * and {@code .nixpylab/state.properties} recording what each step did. Holding a Workspace
 * holds its lock: a second run on the same directory is refused, never interleaved.
 */
public final class Workspace implements AutoCloseable {
    private final Path dir;
    private final Properties state = new Properties();
    private final FileChannel lockChannel;
    private final FileLock lock;

    private Workspace(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.lockChannel = channel;
        this.lock = lock;
        load();
    }

    public static Workspace open(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(abs.resolve(".nixpylab"));
            FileChannel ch = FileChannel.open(abs.resolve(".nixpylab/lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                ch.close();
                throw new UserError("Another NixPy Lab step is working in " + abs + " right now.",
                        "Wait for it to finish (or stop it), or use another workspace with --workdir.");
            }
            Workspace ws = new Workspace(abs, ch, l);
            ws.claimForThisNix();
            return ws;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A workspace's builds live in one Nix store: the host's, or the current Nix's root (--nix
     * current) has its own. Using it with the other would read paths that are not there.
     */
    private void claimForThisNix() {
        String here = CurrentNixRoot.inside() ? "current" : "host";
        // a workspace from before this was recorded was made with the host's Nix
        String was = state.getProperty("nixStore", state.isEmpty() ? null : "host");
        if (was == null) {
            state.setProperty("nixStore", here);
        } else if (!was.equals(here)) {
            close();
            throw new UserError("The workspace " + dir + " belongs to the " + (was.equals("host") ? "host's Nix" : "current Nix (--nix current)")
                    + ": its builds are in that Nix's store, not in this one's.",
                    "Give this run a workspace of its own, e.g. --workdir " + dir.getFileName() + "-" + here + ", or run it " + (was.equals("host") ? "without" : "with") + " --nix current.");
        }
    }

    public Path dir() {
        return dir;
    }

    public Path resultLink() {
        return dir.resolve("result");
    }

    public Path logDir() {
        return dir.resolve("logs");
    }

    public Path nixFile() {
        return dir.resolve(get("nixFile").orElse("chrism-py.nix"));
    }

    /**
     * The workspace's identity: eight random hex digits made when it is first needed and kept in
     * its state. It goes into the derivation so that this workspace's builds are its own.
     */
    public String identity() {
        if (get("identity").isEmpty()) {
            byte[] b = new byte[4];
            new java.security.SecureRandom().nextBytes(b);
            set("identity", java.util.HexFormat.of().formatHex(b));
        }
        return get("identity").get();
    }

    public boolean isEmpty() {
        return state.isEmpty();
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(state.getProperty(key));
    }

    public void set(String key, String value) {
        if (value == null) state.remove(key);
        else state.setProperty(key, value);
    }

    public List<String> list(String key) {
        String v = state.getProperty(key, "");
        return v.isBlank() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(v.split(",")));
    }

    public void setList(String key, List<String> values) {
        set(key, values.isEmpty() ? null : String.join(",", values));
    }

    public void addToList(String key, String value) {
        List<String> l = list(key);
        if (!l.contains(value)) l.add(value);
        setList(key, l);
    }

    public void save() {
        try {
            StringWriter w = new StringWriter();
            state.store(w, "NixPy Lab workspace state; written by the step scripts");
            AtomicFile.write(dir.resolve(".nixpylab/state.properties"), w.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void load() {
        Path f = dir.resolve(".nixpylab/state.properties");
        if (!Files.exists(f)) return;
        try {
            state.load(new StringReader(Files.readString(f, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the derivation file atomically and remembers its digest to notice hand edits later. */
    public void writeNixFile(String fileName, String text) {
        set("nixFile", fileName);
        AtomicFile.write(dir.resolve(fileName), text);
        set("nixFileSha256", NixHash.of(text.getBytes(StandardCharsets.UTF_8)).base16());
    }

    /** True when the .nix file differs from what NixPy Lab last wrote. */
    public boolean nixFileEditedByHand() {
        Optional<String> want = get("nixFileSha256");
        if (want.isEmpty() || !Files.exists(nixFile())) return false;
        try {
            return !NixHash.of(Files.readAllBytes(nixFile())).base16().equals(want.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
    }
}
