package nixpylab.derivation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nixpylab.Proc;
import nixpylab.UserError;

/** Which kind of derivation file the steps write: nixpkgs' stdenv (the video's) or builtins only. */
public enum Profile {
    BARE, NIXPKGS;

    /** What a learner may ask for: a profile, or auto (nixpkgs when {@code <nixpkgs>} resolves, bare otherwise). */
    public enum Choice {
        AUTO, BARE, NIXPKGS;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The profile for a workspace: the one it was made with when the choice is auto (only a new
     * workspace asks Nix), else the one chosen; a workspace never mixes two.
     */
    public static Profile forWorkspace(Choice choice, Path nixpkgs, Optional<Profile> madeWith, Path dir) {
        if (choice == Choice.AUTO && madeWith.isPresent()) return madeWith.get();
        Profile p = switch (choice) {
            case BARE -> BARE;
            case NIXPKGS -> NIXPKGS;
            case AUTO -> nixpkgsResolves(nixpkgs) ? NIXPKGS : BARE;
        };
        madeWith.filter(was -> was != p).ifPresent(was -> {
            throw new UserError("The workspace " + dir + " was made with the " + was.id() + " profile, not " + p.id() + ".",
                    "Use another --workdir for the " + p.id() + " profile, or pass --profile " + was.id() + ".");
        });
        return p;
    }

    public static boolean nixpkgsResolves(Path nixpkgs) {
        List<String> cmd = new ArrayList<>(List.of("nix-instantiate", "--find-file", "nixpkgs"));
        if (nixpkgs != null) cmd.addAll(List.of("-I", "nixpkgs=" + nixpkgs.toAbsolutePath()));
        return Proc.of(cmd).timeout(Duration.ofSeconds(20)).run().ok();
    }
}
