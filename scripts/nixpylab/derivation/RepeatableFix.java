package nixpylab.derivation;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nixpylab.DifferenceClass;

/**
 * One fix {@code Repeatable --fix} can write, named after the first class of difference it removes
 * (a learner asks for it by any of their names, as Repeatable prints them, with - for a space). The
 * order here is the order the fixes stand in the derivation.
 */
public enum RepeatableFix {
    BUILD_TIME(DifferenceClass.BUILD_TIME, DifferenceClass.PYC_TIMESTAMP),
    BYTE_CODE_CONTENTS(DifferenceClass.PYC_CODE, DifferenceClass.PYC_REFERENCES),
    BUILD_PATH(DifferenceClass.BUILD_PATH),
    BUILD_ID(DifferenceClass.BUILD_ID),
    BYTE_CODE_HASH(DifferenceClass.PYC_HASH);

    private final List<DifferenceClass> classes;

    RepeatableFix(DifferenceClass... classes) {
        this.classes = List.of(classes);
    }

    /** The classes of difference it removes, the one it is named after first. */
    public List<DifferenceClass> classes() {
        return classes;
    }

    /** "build-time": its name as a learner types it. */
    public String typed() {
        return typed(classes.get(0));
    }

    /** All of them: what --fix alone writes. */
    public static Set<RepeatableFix> all() {
        return EnumSet.allOf(RepeatableFix.class);
    }

    /** A set of fixes in this order (the order they stand in the derivation), unmodifiable. */
    public static Set<RepeatableFix> copyOf(Set<RepeatableFix> fixes) {
        return fixes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(fixes));
    }

    /** The fix for a class, by its name as Repeatable prints it ("build time") or typed ("build-time"). */
    public static Optional<RepeatableFix> forClass(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT).replace(' ', '-');
        for (RepeatableFix f : values()) if (f.classes.stream().anyMatch(c -> typed(c).equals(n))) return Optional.of(f);
        return Optional.empty();
    }

    /** Every name a fix is asked for by, as typed. */
    public static String names() {
        return EnumSet.allOf(RepeatableFix.class).stream().flatMap(f -> f.classes.stream()).map(RepeatableFix::typed).collect(Collectors.joining(", "));
    }

    private static String typed(DifferenceClass c) {
        return c.label().replace(' ', '-');
    }
}
