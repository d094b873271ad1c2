package nixpylab.source;

import nixpylab.UserError;

/** A CPython version as far as the tutorial tells them apart: its major and minor numbers (3.11 of 3.11.2). */
public record PythonVersion(String major, String minor) {
    /** Of a version as written (3.11.2 or 3.11); anything else is the learner's typo, said so. */
    public static PythonVersion of(String version) {
        String[] p = version.split("\\.");
        if (p.length < 2) throw new UserError("'" + version + "' is not a Python version.", "Write it like 3.10.5 or 3.11.");
        return new PythonVersion(p[0], p[1]);
    }

    /** 3.11: what Setup.local's lines and the derivation's name depend on. */
    public String text() {
        return major + "." + minor;
    }

    /** python3.11: the name Debian's source package has for this version. */
    public String debianName() {
        return "python" + text();
    }
}
