package terminal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import nixpylab.UserError;
import nixpylab.nix.Nix;
import nixpylab.nix.StorePath;
import nixpylab.room.Membership;
import nixpylab.room.RoomCache;
import nixpylab.room.RoomKey;
import nixpylab.room.WebServer;
import nixpylab.steps.Step;
import nixpylab.workspace.Workspace;
import nixpylab.workspace.WorkspaceState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import workshop.InstructorRuns;
import workshop.Publication;

/**
 * The workshop room's commands, of Workshop.java: for instructors, publish and serve; for learners,
 * join and leave. Each reads its options and prints what the room's classes did.
 */
public final class RoomCommands {
    private RoomCommands() {}

    /** A learner's workshop folder, for join and leave. */
    static class LearnerFolder {
        @Option(names = "--workdir", description = "The workshop folder (default: ${DEFAULT-VALUE}).", defaultValue = "workshop")
        Path workdir;
    }

    /** The instructor's room folder, for publish and serve. */
    static class RoomFolder {
        @Option(names = "--room", paramLabel = "DIR", description = "The room's folder (default: ${DEFAULT-VALUE}).", defaultValue = "room")
        Path dir;
    }

    @Command(name = "publish", mixinStandardHelpOptions = true, description = {
            "Builds the tutorial's CPython (in --from, unless it is built), signs it and its source with the room's key and copies them into a binary cache folder.",
            "The key pair is made once by Nix (nix-store --generate-binary-cache-key); the secret half stays in ROOM/keys, readable by you alone."},
            exitCodeList = {"0:Published.", "1:Something to fix first (the command says what)."})
    public static class Publish implements Callable<Integer> {
        @Mixin
        RoomFolder roomFolder;

        @Option(names = "--from", paramLabel = "DIR", description = "The tutorial workspace whose CPython the room hands out (default: ROOM/lab); built with --from-start when it is not yet.")
        Path from;

        @Option(names = "--no-exercises", description = "Hand out the tutorial's CPython and its source only, not the exercises' starting builds (built in ROOM/workshop).")
        boolean noExercises;

        @Option(names = "--exercises", paramLabel = "DIR", description = "Where the exercises are (default: the repository's exercises/).")
        Path exercises;

        @Override
        public Integer call() {
            Path room = roomFolder.dir;
            if (from == null) from = room.resolve("lab");
            Nix nix = Nix.detect();
            WorkspaceState st = Workspace.peek(from);
            if (st.lastOut().filter(nix::isValid).isEmpty() || st.sourcePath().isEmpty()) {
                int code = StepScripts.run(Step.BUILD, List.of("--workdir", from.toString(), "--from-start"), List.of());
                if (code != 0) return code;
                st = Workspace.peek(from);
            }
            Publication.requireIdentityInFile(from, st);
            Path tarball = Publication.verifiedTarball(st.sourcePath().orElseThrow());
            RoomCache rc = new RoomCache(room);
            List<StorePath> paths = new ArrayList<>(List.of(st.lastOut().orElseThrow(), st.sourcePath().orElseThrow()));
            Path exercisesDir = Cli.exercises(exercises);
            List<InstructorRuns.StartingBuild> starts = List.of();
            if (!noExercises && Files.isDirectory(exercisesDir)) {
                System.out.println("building the exercises' starting files in " + Cli.path(rc.dir().resolve("workshop")) + " (what every learner's first check builds)");
                starts = Publication.startingBuilds(nix, exercisesDir, rc.dir().resolve("workshop"), tarball);
            }
            for (InstructorRuns.StartingBuild b : starts) paths.addAll(b.outputs());
            RoomView view = new RoomView(System.out);
            view.startingBuilds(starts);
            view.published(rc, rc.publish(nix, paths, tarball, Publication.info(st, nix)));
            return 0;
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = {
            "Serves the room's cache with nginx (Debian's nginx-light) and prints the line learners type to join.",
            "It runs in the foreground until Ctrl-C (or --minutes), then says what it served."},
            exitCodeList = {"0:Served until stopped.", "1:Something to fix first (nothing published, nginx missing, the port taken)."})
    public static class Serve implements Callable<Integer> {
        @Mixin
        RoomFolder roomFolder;

        @Option(names = "--address", description = "The address to listen on (default: ${DEFAULT-VALUE}, every interface; 127.0.0.1 for this machine only).", defaultValue = "0.0.0.0")
        String address;

        @Option(names = "--port", description = "The port (default: ${DEFAULT-VALUE}).", defaultValue = "8417")
        int port;

        @Option(names = "--minutes", description = "Stop after this many minutes (default: when stopped).")
        Long minutes;

        @Override
        public Integer call() throws InterruptedException {
            RoomCache rc = new RoomCache(roomFolder.dir);
            if (rc.info().isEmpty() || rc.publicKey().isEmpty()) {
                throw new UserError("Nothing is published in " + Cli.path(rc.dir()) + " yet.", "Publish first: " + WorkshopView.SCRIPT + " publish --room " + Cli.path(rc.dir()));
            }
            RoomView view = new RoomView(System.out);
            long t0 = System.nanoTime();
            try (WebServer w = WebServer.start(rc.cache(), address, port, rc.server())) {
                Thread summary = new Thread(() -> view.stopped(w, Duration.ofNanos(System.nanoTime() - t0)));
                Runtime.getRuntime().addShutdownHook(summary);
                view.serving(rc, w, address, port, rc.publicKey().get());
                w.waitFor(minutes == null ? Duration.ofDays(365) : Duration.ofMinutes(minutes));
                w.close();
                Runtime.getRuntime().removeShutdownHook(summary);
                view.stopped(w, Duration.ofNanos(System.nanoTime() - t0));
            }
            return 0;
        }
    }

    @Command(name = "join", mixinStandardHelpOptions = true, description = {
            "Records the instructor's binary cache for this workshop folder.",
            "From then on the tutorial's steps (in lab/ next to it) and the workshop's checks pass it to Nix with its key, and Nix copies what it holds instead of building it."},
            exitCodeList = {"0:Joined.", "1:The URL does not answer, is not a room, or the key is not a key."})
    public static class Join implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "URL", description = "The room's URL, as serve printed it (http://ADDRESS:PORT).")
        String url;

        @Parameters(index = "1", paramLabel = "KEY", description = "The room's public key, as serve printed it (NAME:BASE64).")
        String key;

        @Option(names = "--require", description = "Never build the tutorial's CPython here: stop when the room's cache cannot give it.")
        boolean require;

        @Mixin
        LearnerFolder folder;

        @Override
        public Integer call() {
            Membership m = Membership.join(folder.workdir, url, RoomKey.parse(key), require);
            Nix nix = Nix.detect();
            new RoomView(System.out).joined(m, nix.access().daemon() && !nix.access().trusted(), nix.access().user());
            return 0;
        }
    }

    @Command(name = "leave", mixinStandardHelpOptions = true, description = "Forgets the room; steps and checks build again without its cache.")
    public static class Leave implements Callable<Integer> {
        @Mixin
        LearnerFolder folder;

        @Override
        public Integer call() {
            new RoomView(System.out).left(Membership.leave(folder.workdir));
            return 0;
        }
    }
}
