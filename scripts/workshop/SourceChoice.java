package workshop;

import java.nio.file.Path;
import java.util.List;
import nixpylab.source.HashProvenance;

/**
 * The source the exercises fetch (only those that fetch CPython's tarball need one): a file or URL
 * given (or the room's), who else vouches for its hash, and whether to write one nobody vouches for.
 */
public record SourceChoice(Path file, String url, List<HashProvenance.Witness> witnesses, boolean trustFirstUse) {
    public SourceChoice(Path file, String url) {
        this(file, url, List.of(), false);
    }
}
