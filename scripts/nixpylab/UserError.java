package nixpylab;

/** A problem the user can fix: what went wrong, and the next thing to try. Never a bug. */
public final class UserError extends RuntimeException {
    private final String next;

    public UserError(String message, String next) {
        super(message);
        this.next = next;
    }

    public String next() {
        return next;
    }
}
