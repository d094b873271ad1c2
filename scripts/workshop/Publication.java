package workshop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import nixpylab.BuildTimes;
import nixpylab.UserError;
import nixpylab.nix.Nix;
import nixpylab.nix.StorePath;
import nixpylab.room.RoomInfo;
import nixpylab.source.SourceLocator;
import nixpylab.workspace.WorkspaceState;

/**
 * What an instructor's publish hands out, from a tutorial workspace whose CPython is built: the
 * room's description of it, the source tarball as Nix checked it, and the exercises' starting
 * builds. Never prints; the room's key and cache are {@code nixpylab.room}'s.
 */
public final class Publication {
    private Publication() {}

    /**
     * A learner's CPython is the instructor's output path only when their derivations carry the
     * same identity (the source's URL does not matter: Nix knows a fixed-output source by its hash).
     */
    public static void requireIdentityInFile(Path from, WorkspaceState st) {
        Path file = from.resolve(st.nixFile().orElseThrow());
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UserError("Cannot read " + file + ": " + e.getMessage(), "Build the workspace again: ./jbang scripts/Build.java --workdir " + from + " --from-start");
        }
        if (!text.contains("workspace = \"" + st.identity() + "\";")) {
            throw new UserError(file + " has no workspace identity (it was written by an older NixPy Lab), so no learner's derivation would be the same as this one.",
                    "Publish from a fresh workspace: leave out --from (the room builds its own in ROOM/lab), or give a new folder.");
        }
    }

    /** The tarball as Nix fetched and checked it against the derivation's hash: the fixed-output store path itself, never a file found by name. */
    public static Path verifiedTarball(StorePath src) {
        Path p = Path.of(src.path());
        if (Files.isRegularFile(p)) return p;
        throw new UserError("The tutorial's source " + src.path() + " is an unpacked tree (the nixpkgs profile's fetchFromGitHub), not a tarball the room can hand out.",
                "Publish from a bare-profile workspace: leave out --from (the room builds its own in ROOM/lab) or give one made with --profile bare.");
    }

    /** The room's description of the workspace's CPython: its identity, source, output, how long it took to build, and on which Nix. */
    public static RoomInfo info(WorkspaceState st, Nix nix) {
        StorePath python = st.lastOut().orElseThrow();
        long seconds = BuildTimes.standard().last(python.name()).map(Duration::toSeconds).orElse(0L);
        return new RoomInfo(st.identity(), st.sourcePath().orElseThrow().name(), python.path(), seconds, nix.version().text(),
                OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString(), st.hash().orElseThrow().base16());
    }

    /** The exercises' starting builds, built in {@code workshopDir} from the tutorial's tarball: what every learner's first check builds. */
    public static List<InstructorRuns.StartingBuild> startingBuilds(Nix nix, Path exercises, Path workshopDir, Path tarball) {
        // the tarball is a store path: the workshop stages a copy into the sources folder, the only one the sandbox opens
        WorkshopFolder w = new WorkshopFolder(Catalog.load(exercises), workshopDir, nix.withHostPaths(SourceLocator.sandboxDirs()),
                // the store path whose hash the instructor's workspace already pinned: vouched for when it was written
                new SourceChoice(tarball, null, List.of(), true));
        return InstructorRuns.startingBuilds(w, line -> {});
    }
}
