package nixpylab.derivation;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What {@code Repeatable --fix} writes into a derivation so that {@code nix-build --check} finds
 * the second build bit for bit the same: one fix per class of difference that Repeatable reports,
 * each with a comment naming the class, one {@link RepeatableFix} at a time or all of them. The bare
 * builder has text for each; the nixpkgs profile only for what its stdenv and sandbox do not already
 * do (it sets SOURCE_DATE_EPOCH itself).
 */
public final class RepeatableBuild {
    private RepeatableBuild() {}

    /** The mark each fix's comment starts with, so that a reader finds the fixes and the step what it wrote. */
    public static final String MARK = "# Repeatable --fix: ";

    /** Right after unpacking, in the source's folder: build time. */
    static final String BARE_AFTER_UNPACK = """
            # Repeatable --fix: build time, byte-code timestamp. One fixed time for the tools that
            # read SOURCE_DATE_EPOCH (GCC's __DATE__ and __TIME__; py_compile then writes a hash
            # of each source instead of its time): the newest file of the source, as nixpkgs'
            # stdenv takes it.
            export SOURCE_DATE_EPOCH=$(find . -type f -printf '%T@\\n' | sort -n | tail -n 1 | cut -d. -f1)
            """;

    /** After the postPatch, before configure: byte-code contents. */
    static final String BARE_ONE_PROCESS = """
            # Repeatable --fix: byte-code contents. make install compiles the byte-code in one
            # process instead of one per core: a process marshals a string as its own history
            # left it (interned or not), and which worker compiles which file varies.
            sed -i -e 's/-j0 -d/-j1 -d/' Makefile.pre.in
            grep -q -e '-j1 -d' Makefile.pre.in
            """;

    /** Before configure: build path. */
    static final String BARE_PREFIX_MAP = """
            # Repeatable --fix: build path. The build folder's name (its number varies) becomes
            # one name in debug information and __FILE__.
            export CFLAGS_NODIST="-ffile-prefix-map=$PWD=/build/source"
            """;

    /** Before configure: build id. */
    static final String BARE_NO_BUILD_ID = """
            # Repeatable --fix: build id. No GNU build-id: without the sandbox, --check builds at
            # another store path and then rewrites the path in the output, and a hash over the
            # file cannot follow the rewrite. LDFLAGS_NODIST reaches the interpreter's and the
            # modules' links but not LDSHARED, so extensions built later keep their build-id.
            export LDFLAGS_NODIST="-Wl,--build-id=none"
            """;

    /** Appended to configure's arguments (none: each fix is an exported variable). */
    static final String BARE_CONFIGURE_ARGS = "";

    /** After make install: build path. */
    static final String BARE_SYSCONFIG_PATH = """
            # Repeatable --fix: build path. sysconfig's copy of the build folder's name.
            sed -i -e "s|$PWD|/build/source|g" "$out"/lib/python3.*/_sysconfigdata_*.py "$out"/lib/python3.*/config-3.*/Makefile
            """;

    /** After make install, the builder's last lines: byte-code hash. */
    static final String BARE_TIMESTAMP_BYTE_CODE = """
            # Repeatable --fix: byte-code hash. A source that holds $out gets byte-code that
            # records its time, 1 (the time Nix gives every file in the store): a hash of its text
            # would not survive the rewrite of the path that --check makes without the sandbox.
            # None holds it: the build is done (compileall given an empty list would compile all
            # of sys.path instead).
            grep -rlF --include='*.py' "$out" "$out/lib" > "$TMPDIR/holds-out" || true
            [ -s "$TMPDIR/holds-out" ] || exit 0
            while read -r f; do touch -h -d @1 "$f"; done < "$TMPDIR/holds-out"
            "$out/bin/python3" -E -m compileall -q -f -o 0 -o 1 -o 2 --invalidation-mode timestamp -i "$TMPDIR/holds-out"
            """;

    /** The nixpkgs profile's attributes (its stdenv already sets SOURCE_DATE_EPOCH from the source). */
    static final String NIXPKGS_ATTRIBUTES = """
            # Repeatable --fix: byte-code contents. make install compiles the byte-code in one
            # process instead of one per core: a process marshals a string as its own history
            # left it (interned or not), and which worker compiles which file varies.
            preConfigure = ''
              sed -i -e 's/-j0 -d/-j1 -d/' Makefile.pre.in
              grep -q -e '-j1 -d' Makefile.pre.in
            '';
            """;

    /** The bare template's values: the fixes chosen, each in its place, in RepeatableFix's order (none leaves the file as it was). */
    static Map<String, String> bare(Set<RepeatableFix> fixes) {
        return Map.of(
                "repeatableAfterUnpack", pick(fixes, RepeatableFix.BUILD_TIME, BARE_AFTER_UNPACK),
                "repeatableBeforeConfigure", pick(fixes, RepeatableFix.BYTE_CODE_CONTENTS, BARE_ONE_PROCESS) + pick(fixes, RepeatableFix.BUILD_PATH, BARE_PREFIX_MAP)
                        + pick(fixes, RepeatableFix.BUILD_ID, BARE_NO_BUILD_ID),
                "repeatableConfigureArgs", BARE_CONFIGURE_ARGS,
                "repeatableAfterInstall", pick(fixes, RepeatableFix.BUILD_PATH, BARE_SYSCONFIG_PATH) + pick(fixes, RepeatableFix.BYTE_CODE_HASH, BARE_TIMESTAMP_BYTE_CODE));
    }

    /** The nixpkgs profile's: only the one-process compile (its stdenv sets SOURCE_DATE_EPOCH; in its sandbox no path is rewritten). */
    static Map<String, String> nixpkgs(Set<RepeatableFix> fixes) {
        return Map.of("repeatable", pick(fixes, RepeatableFix.BYTE_CODE_CONTENTS, NIXPKGS_ATTRIBUTES));
    }

    /** The fixes a profile has text for: what asking for the others would not change. */
    public static Set<RepeatableFix> written(Profile profile) {
        return profile == Profile.NIXPKGS ? EnumSet.of(RepeatableFix.BYTE_CODE_CONTENTS) : RepeatableFix.all();
    }

    /** Why a profile has no text for a fix. */
    public static String whyUnneeded(RepeatableFix f) {
        return f == RepeatableFix.BUILD_TIME ? "its stdenv sets SOURCE_DATE_EPOCH for every build"
                : "its fixes are for a Nix with the sandbox on, as Nix has it by default on Linux: there --check builds at the output's own path, in a folder of one name";
    }

    private static String pick(Set<RepeatableFix> fixes, RepeatableFix f, String text) {
        return fixes.contains(f) ? text : "";
    }

    /** Every fix's text, for what decides a derivation (the site's block keys). */
    public static String text() {
        Map<String, String> bare = bare(RepeatableFix.all());
        return String.join("\n", bare.get("repeatableAfterUnpack"), bare.get("repeatableBeforeConfigure"), BARE_CONFIGURE_ARGS, bare.get("repeatableAfterInstall"), NIXPKGS_ATTRIBUTES);
    }
}
