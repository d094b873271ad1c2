package nixpylab;

import java.time.Duration;

/** Which kind of derivation file the steps write: nixpkgs' stdenv (the video's) or builtins only. */
public enum Profile {
    BARE, NIXPKGS;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The profile a workspace was made with (bare for a new one). */
    public static Profile of(Workspace ws) {
        return valueOf(ws.get("profile").orElse("bare").toUpperCase(java.util.Locale.ROOT));
    }

    /** auto takes nixpkgs when {@code <nixpkgs>} resolves (with {@code -I nixpkgs=…} when given), bare otherwise. */
    public static Profile resolve(String option, java.nio.file.Path nixpkgs) {
        return switch (option == null ? "auto" : option) {
            case "bare" -> BARE;
            case "nixpkgs" -> NIXPKGS;
            case "auto" -> nixpkgsResolves(nixpkgs) ? NIXPKGS : BARE;
            default -> throw new UserError("'" + option + "' is not a profile.", "Use --profile auto, bare or nixpkgs.");
        };
    }

    public static boolean nixpkgsResolves(java.nio.file.Path nixpkgs) {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("nix-instantiate", "--find-file", "nixpkgs"));
        if (nixpkgs != null) cmd.addAll(java.util.List.of("-I", "nixpkgs=" + nixpkgs.toAbsolutePath()));
        return Proc.of(cmd).timeout(Duration.ofSeconds(20)).run().ok();
    }

    /** Refuses to mix profiles in one workspace: its files and store paths belong to the first. */
    public void checkWorkspace(Workspace ws) {
        ws.get("profile").ifPresent(p -> {
            if (!p.equals(id())) {
                throw new UserError("The workspace " + ws.dir() + " was made with the " + p + " profile, not " + id() + ".",
                        "Use another --workdir for the " + id() + " profile, or pass --profile " + p + ".");
            }
        });
    }
}
