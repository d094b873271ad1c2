package workshop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Waits for a learner to save a file in an exercise folder (inotify through Java's WatchService).
 * Only the learner's own files count: links (result, roots), hidden files and editors' backup
 * files are ignored, so the check's own nix-build does not trigger another check.
 */
public final class Watcher implements AutoCloseable {
    /**
     * Files that changed; when the file system first reported an event (null when the change
     * was already there on entry, i.e. made during the last check), and when the watcher had
     * made sure a learner's file really changed.
     */
    public record Change(List<String> files, Instant reported, Instant seen) {
        public boolean madeDuringLastCheck() {
            return reported == null;
        }
    }

    private final Path dir;
    private final boolean links;
    private final WatchService service;

    /** @param links whether links in the folder count too (exercises where the learner's work is making or removing roots) */
    public Watcher(Path dir, boolean links) {
        this.dir = dir;
        this.links = links;
        try {
            service = FileSystems.getDefault().newWatchService();
            register();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void register() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !hidden(dir.relativize(p).toString())).toList()) {
                p.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    /** Modification time and size of each learner file in the folder. */
    public Map<String, String> snapshot() {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String rel = dir.relativize(p).toString();
                if (rel.isEmpty() || hidden(rel)) continue;
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isRegularFile()) m.put(rel, a.lastModifiedTime().toMillis() + ":" + a.size());
                else if (links && a.isSymbolicLink()) m.put(rel, a.lastModifiedTime().toMillis() + ":" + Files.readSymbolicLink(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    /**
     * Blocks until a learner file differs from {@code baseline}; {@code waiting} runs once, when
     * nothing has changed yet and the watcher starts to wait (any save after it is an event).
     */
    public Change await(Map<String, String> baseline, Runnable waiting) throws InterruptedException {
        Instant reported = null;
        while (true) {
            Map<String, String> now = snapshot();
            if (!now.equals(baseline)) return new Change(changed(baseline, now), reported, Instant.now());
            if (reported == null) waiting.run();
            WatchKey key = service.take();
            reported = Instant.now();
            settle(key);
        }
    }

    /** Like await, but gives up after {@code wait} with nothing changed (used while a check runs). */
    public Optional<Change> poll(Map<String, String> baseline, Duration wait) throws InterruptedException {
        Instant reported = null;
        long end = System.nanoTime() + wait.toNanos();
        while (true) {
            Map<String, String> now = snapshot();
            if (!now.equals(baseline)) {
                if (reported == null) reported = queued(); // reported just after the last poll gave up
                return Optional.of(new Change(changed(baseline, now), reported, Instant.now()));
            }
            long left = end - System.nanoTime();
            if (left <= 0) return Optional.empty();
            WatchKey key = service.poll(left, TimeUnit.NANOSECONDS);
            if (key == null) return Optional.empty();
            reported = Instant.now();
            settle(key);
        }
    }

    /**
     * When the save's event is on its way (it came between two polls, or the kernel's report is
     * still being read): now, after taking it; null when none comes within 100 ms.
     */
    private Instant queued() throws InterruptedException {
        WatchKey key = service.poll(100, TimeUnit.MILLISECONDS);
        if (key == null) return null;
        Instant at = Instant.now();
        settle(key);
        return at;
    }

    private void settle(WatchKey key) throws InterruptedException {
        key.pollEvents();
        key.reset();
        Thread.sleep(30); // an editor's save is often several events; let them land
        WatchKey more;
        while ((more = service.poll(0, TimeUnit.MILLISECONDS)) != null) {
            more.pollEvents();
            more.reset();
        }
        try {
            register(); // a new sub-folder
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> changed(Map<String, String> before, Map<String, String> after) {
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> e : after.entrySet()) if (!e.getValue().equals(before.get(e.getKey()))) files.add(e.getKey());
        for (String k : before.keySet()) if (!after.containsKey(k)) files.add(k);
        return files;
    }

    /** Dot files and folders, editor backups (name~, .swp, vim's 4913 probe). */
    public static boolean hidden(String rel) {
        for (String part : rel.split("/")) {
            if (part.startsWith(".") || part.endsWith("~") || part.equals("4913") || part.startsWith("#")) return true;
        }
        return false;
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException ignored) {
            // closing a watch service only releases its inotify descriptor
        }
    }
}
