package nixpylab;

/**
 * How a step's output reaches the site's recorder in the order a terminal shows it: with
 * {@link #TAG_STDERR} set, a step writes its stderr lines to stdout behind {@link #STDERR_MARK},
 * and notes about how it ran (the binary cache, the sandbox) behind {@link #NOTE_MARK}, so that one
 * pipe carries all three in order. The terminal side writes them, the site reads them.
 */
public final class OutputMarks {
    private OutputMarks() {}

    public static final String TAG_STDERR = "NIXPY_TAG_STDERR";
    public static final char STDERR_MARK = '\u0002';
    public static final char NOTE_MARK = '\u0003';
}
