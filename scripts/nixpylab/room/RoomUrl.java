package nixpylab.room;

import java.util.regex.Pattern;
import nixpylab.UserError;

/**
 * A room's address, as Nix will be given it (--option substituters URL): http(s), a host and
 * maybe a port and a path, and nothing Nix would read as more than one store or as a store
 * setting: no space (a second substituter), no query (?trusted=1 skips signature checks), no
 * fragment, no user, no file:// or other scheme. Checked when joining and every time it is read.
 */
public final class RoomUrl {
    private static final Pattern ALLOWED = Pattern.compile("https?://(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252}[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\])(?::\\d{1,5})?(?:/[A-Za-z0-9._~/-]*)?");

    private RoomUrl() {}

    /** The URL without trailing slashes, when Nix can take it as one plain binary cache; else a UserError that says why. */
    public static String check(String url) {
        String u = url == null ? "" : url.strip().replaceAll("/+$", "");
        if (!ALLOWED.matcher(u).matches()) {
            String why = u.matches("(?s).*\\s.*") ? "it holds a space, which Nix would read as a second binary cache"
                    : u.contains("?") ? "it carries a query, and Nix reads store settings from one (?trusted=1 would skip every signature check)"
                    : u.contains("#") ? "it carries a fragment"
                    : u.contains("@") ? "it names a user"
                    : !u.matches("https?://.*") ? "it is not an http(s) URL"
                    : "it holds characters a room's address does not";
            throw new UserError("'" + url + "' is not a workshop room's address: " + why + ".",
                    "Use the address the instructor's serve command printed, http://ADDRESS:PORT, exactly (join again with it).");
        }
        return u;
    }
}
