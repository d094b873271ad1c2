package nixpylab;

/**
 * Why two builds of one file differ, as far as the bytes show it: each class names what differs
 * and the mechanism that makes it differ. A file may differ in several ways at once (an archive's
 * headers and a member's compiled-in time).
 */
public enum DifferenceClass {
    BUILD_TIME("build time", "the date and time of the build, compiled in (C's __DATE__ and __TIME__)"),
    BUILD_PATH("build path", "the folder the build ran in, written into the file"),
    BUILD_ID("build id", "the linker's GNU build-id, a hash over the rest of the linked file: it differs wherever anything else in the file does"),
    HOST_FOUND("host configuration", "what configure found on the build machine (a header or library there in one build and not in the other): the bare profile's builds see the host's /usr, which Nix does not track"),
    PYC_TIMESTAMP("byte-code timestamp", "the .pyc header's copy of its source's modification time (timestamp invalidation)"),
    PYC_INVALIDATION("byte-code mode", "the .pyc header's invalidation mode: one build checks a timestamp, the other a hash"),
    PYC_HASH("byte-code hash", "the .pyc header's hash of its source (hash invalidation), taken over other bytes: the source was not the same when each build compiled it (without the sandbox, --check rewrites the output's path into it afterwards)"),
    PYC_REFERENCES("byte-code references", "how the compiling process held an object: marshal's reference flag (FLAG_REF), set by its reference count, or a string marked interned or not"),
    PYC_CODE("byte-code contents", "the marshalled code object itself (constants, names, their order)"),
    ARCHIVE_HEADERS("archive headers", "an ar member's date, owner or mode"),
    ENTRY_ORDER("entry order", "the same lines in another order: a folder's entries written in the order the file system listed them"),
    UNEXPLAINED("unexplained", "bytes that none of the other classes explains");

    private final String label;
    private final String mechanism;

    DifferenceClass(String label, String mechanism) {
        this.label = label;
        this.mechanism = mechanism;
    }

    public String label() {
        return label;
    }

    public String mechanism() {
        return mechanism;
    }
}
