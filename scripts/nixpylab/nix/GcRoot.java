package nixpylab.nix;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of {@code nix-store -q --roots} or {@code nix-store --gc --print-roots}:
 * {@code LINK -> STOREPATH} (2.34 quotes the link in --print-roots). The link is a file path, or a
 * pseudo-root in braces or /proc.
 */
public record GcRoot(String link, StorePath target) {
    public enum Kind { RESULT_LINK, AUTO_ROOT, PROFILE, PROCESS, CENSORED, OTHER_LINK }

    public static List<GcRoot> parseAll(String stdout) {
        List<GcRoot> roots = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            int arrow = line.lastIndexOf(" -> ");
            if (arrow < 0) continue;
            String target = line.substring(arrow + 4).strip();
            if (!target.startsWith("/nix/store/")) continue;
            String link = line.substring(0, arrow).strip();
            // Nix 2.34's --print-roots quotes the link ("/home/me/result"); 2.8's does not
            if (link.length() > 1 && link.startsWith("\"") && link.endsWith("\"")) link = link.substring(1, link.length() - 1).replace("\\\"", "\"");
            roots.add(new GcRoot(link, new StorePath(target)));
        }
        return roots;
    }

    public Kind kind() {
        if (link.equals("{censored}")) return Kind.CENSORED;
        if (link.startsWith("{") || link.startsWith("/proc/")) return Kind.PROCESS;
        if (link.startsWith("/nix/var/nix/gcroots/auto/")) return Kind.AUTO_ROOT;
        if (link.startsWith("/nix/var/nix/profiles/") || link.contains("/.nix-profile")) return Kind.PROFILE;
        String base = link.substring(link.lastIndexOf('/') + 1);
        if (base.matches("result(-[0-9]+)?(-[a-z]+)?")) return Kind.RESULT_LINK;
        return Kind.OTHER_LINK;
    }

    /** One sentence saying why this root keeps its path alive. */
    public String explanation() {
        return switch (kind()) {
            case RESULT_LINK -> "the symlink nix-build left behind (an indirect root: registered under /nix/var/nix/gcroots/auto, alive as long as this link exists)";
            case AUTO_ROOT -> "an indirect root's registration in /nix/var/nix/gcroots/auto";
            case PROFILE -> "a profile generation; it lives until the generation is removed";
            case PROCESS -> "a running process uses this path (temporary root; it goes away when the process ends)";
            case CENSORED -> "a root Nix would not show to this user (an untrusted daemon client)";
            case OTHER_LINK -> "a symlink registered as a GC root; remove the link to let the path be collected";
        };
    }
}
