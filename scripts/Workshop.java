///usr/bin/env jbang "$0" "$@" ; exit $?
//SOURCES nixpylab/Toolkit.java

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import nixpylab.BuildTimes;
import nixpylab.UserError;
import nixpylab.nix.Nix;
import nixpylab.nix.StorePath;
import nixpylab.room.Membership;
import nixpylab.room.RoomCache;
import nixpylab.room.RoomInfo;
import nixpylab.room.RoomKey;
import nixpylab.room.WebServer;
import nixpylab.source.HashProvenance;
import nixpylab.source.SourceLocator;
import nixpylab.steps.Step;
import nixpylab.workspace.Workspace;
import nixpylab.workspace.WorkspaceState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import terminal.Cli;
import terminal.Keys;
import terminal.Lab;
import terminal.RoomView;
import terminal.SourceOptions;
import terminal.WorkshopView;
import workshop.Catalog;
import workshop.Exercise;
import workshop.Verdict;
import workshop.WatchSession;
import workshop.WorkshopFolder;

@Command(name = "Workshop", mixinStandardHelpOptions = true, version = Cli.VERSION,
        description = "Workshop exercises: solve them in ./workshop, and the toolkit checks them with real Nix.",
        subcommands = {Workshop.ListCmd.class, Workshop.CheckCmd.class, Workshop.HintCmd.class, Workshop.ResetCmd.class, Workshop.WatchCmd.class,
                Workshop.PublishCmd.class, Workshop.ServeCmd.class, Workshop.JoinCmd.class, Workshop.LeaveCmd.class})
public class Workshop implements Callable<Integer> {
    public static void main(String[] args) {
        System.exit(Cli.execute(new Workshop(), args));
    }

    @Override
    public Integer call() {
        return new ListCmd().call();
    }

    /**
     * The exercises folder given with --exercises, or else the repository's: never one that merely
     * happens to sit in the current folder, whose set-up commands would then run.
     */
    static Path inRepository(Path exercises) {
        return exercises != null ? exercises : Cli.repository().resolve("exercises");
    }

    static class Options {
        @Option(names = "--workdir", description = "The learner's workshop folder (default: workshop; with check --solutions: build/workshop-solutions).")
        Path workdir;

        @Option(names = "--exercises", paramLabel = "DIR", description = "Where the exercises are (default: the repository's exercises/).")
        Path exercises;

        @Mixin
        SourceOptions sources = new SourceOptions();

        WorkshopFolder open(String defaultDir) {
            Catalog c = Catalog.load(inRepository(exercises));
            Path dir = workdir == null ? Path.of(defaultDir) : workdir;
            Optional<Membership> room = Membership.of(dir);
            Nix nix = Nix.detect().withHostPaths(SourceLocator.sandboxDirs(sources.sourceUrl));
            if (room.isPresent()) nix = nix.withSubstituter(room.get().url(), room.get().key().toString(), false);
            String url = sources.sourceUrl == null && sources.source == null ? room.map(Membership::sourceUrl).orElse(null) : sources.sourceUrl;
            List<HashProvenance.Witness> witnesses = room.map(m -> List.of(new HashProvenance.Witness(m.sourceUrl(),
                    "the workshop room " + m.url() + " (its description signed by " + m.key().name() + ")", m.info().sourceSha256()))).orElse(List.of());
            return new WorkshopFolder(c, dir, nix, new WorkshopFolder.SourceChoice(sources.source, url, witnesses, sources.trustFirstUse));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The exercises and how far you are with each.")
    static class ListCmd implements Callable<Integer> {
        @Mixin
        Options options = new Options();

        @Override
        public Integer call() {
            WorkshopFolder w = options.open("workshop");
            new WorkshopView(System.out).list(w, w.statuses());
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = "Checks an exercise with real Nix (default: the first one not passed yet).",
            exitCodeList = {"0:The exercise passed (or every exercise already had).", "1:Not yet: the check says what it saw and what to try."})
    static class CheckCmd implements Callable<Integer> {
        @Mixin
        Options options;

        @Parameters(arity = "0..1", paramLabel = "N", description = "The exercise's number.")
        String which;

        @Option(names = "--solutions", description = "For instructors: in a fresh folder, every exercise must fail on its starting files and pass on its reference solution.")
        boolean solutions;

        @Override
        public Integer call() {
            WorkshopView view = new WorkshopView(System.out);
            if (solutions) {
                WorkshopFolder w = options.open("build/workshop-solutions");
                view.solutionsHeader(w);
                long t0 = System.nanoTime();
                List<WorkshopFolder.SolutionRun> runs = w.solutions(view, view::solution);
                view.solutionsSummary(runs, Duration.ofNanos(System.nanoTime() - t0));
                return runs.stream().allMatch(WorkshopFolder.SolutionRun::ok) ? 0 : 1;
            }
            WorkshopFolder w = options.open("workshop");
            Optional<Exercise> e = which == null ? w.current() : Optional.of(w.catalog().find(which));
            if (e.isEmpty()) {
                view.allDone(w.catalog().exercises().size());
                return 0;
            }
            view.checking(w, e.get());
            Verdict v = w.check(e.get(), view);
            view.verdict(e.get(), v, WorkshopView.hintsShown(w, e.get()));
            if (v.passed()) view.solutionPointer(w, e.get());
            return v.passed() ? 0 : 1;
        }
    }

    /** A subcommand about one exercise: the one given by its number, or the current one (the first not passed yet). */
    abstract static class OneExercise implements Callable<Integer> {
        @Mixin
        Options options;

        @Parameters(arity = "0..1", paramLabel = "N", description = "The exercise's number (default: the current one, the first not passed yet).")
        String which;

        /** The exercise asked for; when none is and every exercise passed, the last one. */
        Exercise exercise(WorkshopFolder w) {
            if (which != null) return w.catalog().find(which);
            List<Exercise> all = w.catalog().exercises();
            return w.current().orElse(all.get(all.size() - 1));
        }
    }

    @Command(name = "hint", mixinStandardHelpOptions = true, description = "Shows the next hint of an exercise, one at a time.")
    static class HintCmd extends OneExercise {
        @Override
        public Integer call() {
            WorkshopFolder w = options.open("workshop");
            Exercise e = exercise(w);
            new WorkshopView(System.out).hints(e, w.nextHint(e));
            return 0;
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true, description = "Puts an exercise back to its starting files (and sets it up again).")
    static class ResetCmd extends OneExercise {
        @Override
        public Integer call() {
            WorkshopFolder w = options.open("workshop");
            Exercise e = exercise(w);
            new WorkshopView(System.out).reset(w, e, w.reset(e));
            return 0;
        }
    }

    @Command(name = "watch", mixinStandardHelpOptions = true, description = {"Checks the current exercise each time you save a file in its folder; moves on when it passes.",
            "On a terminal, keys: n next exercise, h a hint, l the list, q quit."})
    static class WatchCmd implements Callable<Integer> {
        @Mixin
        Options options;

        @Override
        public Integer call() throws InterruptedException {
            WorkshopFolder w = options.open("workshop");
            WorkshopView view = new WorkshopView(System.out);
            try (Keys keys = Keys.fromTerminal()) {
                if (keys.live()) view.keysHelp();
                return new WatchSession(w, view.watchEvents(w), keys::poll).run();
            }
        }
    }


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
            "For instructors: builds the tutorial's CPython (in --from, unless it is built), signs it and its source with the room's key and copies them into a binary cache folder.",
            "The key pair is made once by Nix (nix-store --generate-binary-cache-key); the secret half stays in ROOM/keys, readable by you alone."},
            exitCodeList = {"0:Published.", "1:Something to fix first (the command says what)."})
    static class PublishCmd implements Callable<Integer> {
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
            WorkspaceState st = Workspace.peek(from);
            Nix nix = Nix.detect();
            if (st.lastOut().filter(nix::isValid).isEmpty() || st.sourcePath().isEmpty()) {
                int code = Lab.runScript(Step.BUILD, List.of("--workdir", from.toString(), "--from-start"), List.of());
                if (code != 0) return code;
                st = Workspace.peek(from);
            }
            requireIdentityInFile(st);
            StorePath python = st.lastOut().orElseThrow();
            StorePath src = st.sourcePath().orElseThrow();
            Path tarball = verifiedTarball(src);
            String name = python.name();
            long seconds = BuildTimes.standard().last(name).map(Duration::toSeconds).orElse(0L);
            RoomInfo info = new RoomInfo(st.identity(), src.name(), python.path(), seconds, nix.version().text(),
                    OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString(), st.hash().orElseThrow().base16());
            RoomCache rc = new RoomCache(room);
            List<StorePath> paths = new ArrayList<>(List.of(python, src));
            List<WorkshopFolder.StartingBuild> starts = noExercises ? List.of() : startingBuilds(nix, rc, tarball);
            for (WorkshopFolder.StartingBuild b : starts) paths.addAll(b.outputs());
            RoomView view = new RoomView(System.out);
            view.startingBuilds(starts);
            view.published(rc, rc.publish(nix, paths, tarball, info));
            return 0;
        }

        /** The exercises' starting builds, built in ROOM/workshop from the tutorial's tarball (the repository's exercises unless --exercises names others). */
        List<WorkshopFolder.StartingBuild> startingBuilds(Nix nix, RoomCache rc, Path tarball) {
            exercises = inRepository(exercises);
            if (!Files.isDirectory(exercises)) return List.of();
            System.out.println("building the exercises' starting files in " + Cli.path(rc.dir().resolve("workshop")) + " (what every learner's first check builds)");
            // the tarball is a store path: the workshop stages a copy into the sources folder, the only one the sandbox opens
            WorkshopFolder w = new WorkshopFolder(Catalog.load(exercises), rc.dir().resolve("workshop"), nix.withHostPaths(SourceLocator.sandboxDirs()),
                    // the store path whose hash the instructor's workspace already pinned: vouched for when it was written
                    new WorkshopFolder.SourceChoice(tarball, null, List.of(), true));
            return w.startingBuilds(line -> {});
        }

        /**
         * A learner's CPython is the instructor's output path only when their derivations carry the
         * same identity (the source's URL does not matter: Nix knows a fixed-output source by its hash).
         */
        void requireIdentityInFile(WorkspaceState st) {
            Path file = from.resolve(st.nixFile().orElseThrow());
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new UserError("Cannot read " + Cli.path(file) + ": " + e.getMessage(), "Build the workspace again: ./jbang scripts/Build.java --workdir " + Cli.path(from) + " --from-start");
            }
            if (!text.contains("workspace = \"" + st.identity() + "\";")) {
                throw new UserError(Cli.path(file) + " has no workspace identity (it was written by an older NixPy Lab), so no learner's derivation would be the same as this one.",
                        "Publish from a fresh workspace: leave out --from (the room builds its own in ROOM/lab), or give a new folder.");
            }
        }

        /** The tarball as Nix fetched and checked it against the derivation's hash: the fixed-output store path itself, never a file found by name. */
        static Path verifiedTarball(StorePath src) {
            Path p = Path.of(src.path());
            if (Files.isRegularFile(p)) return p;
            throw new UserError("The tutorial's source " + src.path() + " is an unpacked tree (the nixpkgs profile's fetchFromGitHub), not a tarball the room can hand out.",
                    "Publish from a bare-profile workspace: leave out --from (the room builds its own in ROOM/lab) or give one made with --profile bare.");
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = {
            "For instructors: serves the room's cache with nginx (Debian's nginx-light) and prints the line learners type to join.",
            "It runs in the foreground until Ctrl-C (or --minutes), then says what it served."},
            exitCodeList = {"0:Served until stopped.", "1:Something to fix first (nothing published, nginx missing, the port taken)."})
    static class ServeCmd implements Callable<Integer> {
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
            "For learners: records the instructor's binary cache for this workshop folder. From then on the tutorial's steps (in lab/ next to it)",
            "and the workshop's checks pass it to Nix with its key, and Nix copies what it holds instead of building it."},
            exitCodeList = {"0:Joined.", "1:The URL does not answer, is not a room, or the key is not a key."})
    static class JoinCmd implements Callable<Integer> {
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

    @Command(name = "leave", mixinStandardHelpOptions = true, description = "For learners: forgets the room; steps and checks build again without its cache.")
    static class LeaveCmd implements Callable<Integer> {
        @Mixin
        LearnerFolder folder;

        @Override
        public Integer call() {
            new RoomView(System.out).left(Membership.leave(folder.workdir));
            return 0;
        }
    }
}
