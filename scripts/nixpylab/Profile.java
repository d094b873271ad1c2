package nixpylab;

import java.time.Duration;

/** Which kind of derivation file the steps write: nixpkgs' stdenv (the video's) or builtins only. */
public enum Profile {
    BARE, NIXPKGS;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** auto takes nixpkgs when {@code <nixpkgs>} resolves, bare otherwise. */
    public static Profile resolve(String option) {
        return switch (option == null ? "auto" : option) {
            case "bare" -> BARE;
            case "nixpkgs" -> NIXPKGS;
            case "auto" -> nixpkgsResolves() ? NIXPKGS : BARE;
            default -> throw new UserError("'" + option + "' is not a profile.", "Use --profile auto, bare or nixpkgs.");
        };
    }

    public static boolean nixpkgsResolves() {
        return Proc.of("nix-instantiate", "--find-file", "nixpkgs").timeout(Duration.ofSeconds(20)).run().ok();
    }

    /** Refuses to mix profiles in one workspace: its files and store paths belong to the first. */
    public void checkWorkspace(Workspace ws) {
        ws.get("profile").ifPresent(p -> {
            if (!p.equals(id())) {
                throw new UserError("The workspace " + ws.dir() + " was made with the " + p + " profile, not " + id() + ".",
                        "Use another --workdir for the " + id() + " profile, or pass --profile " + p + ".");
            }
        });
        if (this == NIXPKGS) {
            throw new UserError("The nixpkgs profile is not part of this version of NixPy Lab yet.",
                    "Use --profile bare (builtins only), which works without nixpkgs.");
        }
    }
}
