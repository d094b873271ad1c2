package workshop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Function;
import nixpylab.NixTemplate;
import nixpylab.Proc;
import nixpylab.UserError;
import nixpylab.nix.Nix;
import nixpylab.nix.NixHash;
import nixpylab.nix.StorePath;
import nixpylab.source.HashProvenance;
import nixpylab.source.PythonSource;
import nixpylab.source.PythonVersion;
import nixpylab.source.SourceLocator;

/**
 * An exercise's files as a workshop folder writes them: their placeholders ({@code @sourceUrl@},
 * {@code @sourceHash@}, {@code @pythonVersion@}, {@code @pythonMinor@}, {@code @nonce@},
 * {@code @out:FILE@}) filled with this machine's values, found the first time one is needed (the
 * source located and its hash vouched for) and kept in the folder's progress.
 */
final class ExerciseTemplate {
    private final Nix nix;
    private final SourceChoice sourceChoice;
    private final WorkshopProgress progress;
    private final Runnable save;

    ExerciseTemplate(Nix nix, SourceChoice sourceChoice, WorkshopProgress progress, Runnable save) {
        this.nix = nix;
        this.sourceChoice = sourceChoice;
        this.progress = progress;
        this.save = save;
    }

    /** An exercise file with its placeholders filled for the folder {@code dir}. */
    String filled(Path file, Path dir) throws IOException {
        return fill(Files.readString(file, StandardCharsets.UTF_8), dir);
    }

    String fill(String text, Path dir) {
        return fill(text, key -> value(key, dir));
    }

    /** An exercise's text with its placeholders filled; an unknown one is the exercise's mistake, said as such. */
    public static String fill(String text, Function<String, String> values) {
        return NixTemplate.fill(text, values, name -> new UserError("The exercise files use @" + name + "@, which the workshop does not know.",
                "Fix the exercise: the placeholders are @sourceUrl@, @sourceHash@, @pythonVersion@, @pythonMinor@, @nonce@ and @out:FILE@."));
    }

    /** The value of a placeholder on this machine, found (and remembered) the first time it is needed. */
    private String value(String key, Path dir) {
        if (key.startsWith("out:")) {
            StorePath drv = nix.instantiate(dir.resolve(key.substring(4)), null);
            return nix.outputOf(drv).path();
        }
        switch (key) {
            case "nonce":
                if (progress.nonce().isEmpty()) {
                    byte[] b = new byte[4];
                    new SecureRandom().nextBytes(b);
                    progress.nonce(HexFormat.of().formatHex(b));
                }
                return progress.nonce().get();
            case "sourceUrl", "sourceHash", "pythonVersion", "pythonMinor":
                WorkshopProgress.Source src = locateSource();
                return switch (key) {
                    case "sourceUrl" -> src.url();
                    case "sourceHash" -> src.hash();
                    case "pythonVersion" -> src.version();
                    default -> PythonVersion.of(src.version()).text();
                };
            default:
                return null;
        }
    }

    private WorkshopProgress.Source locateSource() {
        if (progress.source().isPresent()) return progress.source().get();
        PythonSource src = new SourceLocator(SourceLocator.defaultCacheDir(), Duration.ofSeconds(3))
                .locate(sourceChoice.file(), sourceChoice.url(), PythonSource.DEFAULT_VERSION);
        Proc.Result r = Proc.of(nix.command("nix-prefetch-url", src.url())).timeout(Duration.ofMinutes(10)).run();
        if (!r.ok()) {
            throw new UserError("Nix could not fetch the CPython source at " + src.url() + ": " + r.lastErrorLine(),
                    "Give the workshop a tarball on this machine with --source FILE (or a reachable --source-url).");
        }
        String[] lines = r.stdout().strip().split("\n");
        NixHash hash = NixHash.parse(lines[lines.length - 1]);
        HashProvenance.of(src, hash, sourceChoice.witnesses()).require(hash, src.url(), sourceChoice.trustFirstUse(), "so the exercises do not use it");
        progress.source(new WorkshopProgress.Source(src.url(), hash.sri(), src.version()));
        save.run();
        return progress.source().get();
    }
}
