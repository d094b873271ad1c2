package site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import nixpylab.AtomicFile;
import nixpylab.UserError;
import nixpylab.nix.NixVersion;

/**
 * Where the transcripts live, in the repository next to the chapters:
 * {@code chapters/transcripts/CHAPTER/NN-Script/nix-VERSION.txt}, one per Nix version a block was
 * recorded on.
 */
public final class TranscriptStore {
    private final Path dir;

    public TranscriptStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    Path folder(RunBlock b) {
        return dir.resolve(b.chapter()).resolve(String.format("%02d-%s", b.index(), b.script()));
    }

    public Path file(RunBlock b, String nixVersion) {
        return folder(b).resolve("nix-" + nixVersion + ".txt");
    }

    public void save(RunBlock b, Transcript t) {
        AtomicFile.write(file(b, t.nixVersion()), t.text());
    }

    /** The block's transcripts, newest Nix first, whatever key they were recorded for (an edited one is an error). */
    public List<Transcript> all(RunBlock b) {
        Path f = folder(b);
        if (!Files.isDirectory(f)) return List.of();
        List<Transcript> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(f)) {
            for (Path p : s.filter(p -> p.getFileName().toString().matches("nix-.*\\.txt")).toList()) {
                out.add(Transcript.parse(Files.readString(p), dir.getParent().relativize(p).toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(Comparator.comparing((Transcript t) -> NixVersion.parse(t.nixVersion()).major()).thenComparing(t -> NixVersion.parse(t.nixVersion()).minor()).reversed());
        return out;
    }

    /** The transcripts recorded for this key: the ones the page may show. */
    public List<Transcript> valid(RunBlock b, String key) {
        return all(b).stream().filter(t -> key.equals(t.key())).toList();
    }

    public Optional<Transcript> of(RunBlock b, String nixVersion) {
        return all(b).stream().filter(t -> t.nixVersion().equals(nixVersion)).findFirst();
    }

    /** A missing transcript, where no Nix is here to make it. */
    static UserError missing(RunBlock b) {
        return new UserError("No transcript of " + b.label() + " matches the chapter as it is now, and there is no Nix here to run it.",
                "Run ./jbang scripts/Site.java where Nix is installed (it records the block), or --refresh to record every block again.");
    }
}
