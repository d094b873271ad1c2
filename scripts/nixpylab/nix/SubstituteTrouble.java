package nixpylab.nix;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why Nix did not take a path from a binary cache, read from its log (tests/captures/nix-VERSION/subst-*:
 * 2.8 and 2.34 word some of these differently): the cache did not answer, what it sent is not what
 * its signed narinfo promises, it is not signed by a trusted key, the transfer broke off, or (through a
 * daemon, as a user it does not trust) Nix ignored the cache altogether.
 */
public record SubstituteTrouble(Kind kind, String cache, String nixSaid) {
    public enum Kind { UNTRUSTED, NO_ANSWER, NOT_SIGNED, ALTERED, BROKE_OFF }

    private static final Pattern UNTRUSTED = Pattern.compile("ignoring untrusted substituter '([^']+)'");
    private static final Pattern NOT_SIGNED = Pattern.compile("substitute for '[^']+' from '([^']+)'(?:, as it's| is) not signed by any of the keys");
    private static final Pattern NO_ANSWER = Pattern.compile("unable to download '(https?://[^']+?)/nix-cache-info'.*");
    private static final Pattern ALTERED = Pattern.compile("hash mismatch importing path '[^']+'.*|NAR hash mismatch.*|bad archive.*|failed to read compressed data.*|decompression failed.*");
    private static final Pattern BROKE_OFF = Pattern.compile("(?:error|warning): unable to download '(https?://[^']+?)/nar/[^']+'.*");

    public static Optional<SubstituteTrouble> find(String log) {
        for (String line : log.split("\n")) {
            String l = line.strip();
            Matcher m;
            if ((m = UNTRUSTED.matcher(l)).find()) return Optional.of(new SubstituteTrouble(Kind.UNTRUSTED, m.group(1), l));
            if ((m = NOT_SIGNED.matcher(l)).find()) return Optional.of(new SubstituteTrouble(Kind.NOT_SIGNED, m.group(1), l));
            if ((m = ALTERED.matcher(l)).find()) return Optional.of(new SubstituteTrouble(Kind.ALTERED, "", l));
            if ((m = BROKE_OFF.matcher(l)).find()) return Optional.of(new SubstituteTrouble(Kind.BROKE_OFF, m.group(1), l));
            if ((m = NO_ANSWER.matcher(l)).find()) return Optional.of(new SubstituteTrouble(Kind.NO_ANSWER, m.group(1), l));
        }
        return Optional.empty();
    }

    /** What happened, for a learner. */
    public String sentence() {
        return switch (kind) {
            case UNTRUSTED -> "the Nix daemon ignored the binary cache " + cache + ": only a trusted user may add one (an administrator adds it to /etc/nix/nix.conf, as said above)";
            case NO_ANSWER -> "the binary cache " + cache + " does not answer";
            case NOT_SIGNED -> "the binary cache " + cache + " holds it, but not signed by the key you trust for it (someone else's cache, or a wrong key): Nix would not take it";
            case ALTERED -> "what the binary cache sent does not match the hash its signed narinfo promises (altered or damaged on the server): Nix refused it";
            case BROKE_OFF -> "the download from the binary cache " + cache + " broke off: Nix refused the partial copy";
        };
    }

    public static List<Kind> kinds() {
        return List.of(Kind.values());
    }
}
