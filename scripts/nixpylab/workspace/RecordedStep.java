package nixpylab.workspace;

/**
 * A step as a workspace records that it was done: by its key ({@code done.KEY} in the state file).
 * The steps themselves, in the tutorial's order, are the steps package's Step, above this one.
 */
public interface RecordedStep {
    String key();
}
