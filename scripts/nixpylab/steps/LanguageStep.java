package nixpylab.steps;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nixpylab.AtomicFile;
import nixpylab.Proc;
import nixpylab.workspace.Workspace;
import nixpylab.nix.Nix;

/**
 * The Nix the video is unsure of, asked of Nix itself: its file as it shows it and without the
 * two stray lines ({@code nix-instantiate --parse}), {@code with rec { … };} against a plain set
 * and {@code let … in}, how a {@code ''} string strips its indentation, and {@code ${} inside one
 * with its escape {@code ''${}, and where {@code <nixpkgs>} comes from (the search path, or
 * {@code -I}). Each is a small file in the workspace's language/ folder, so the
 * learner can change it and ask again.
 */
public final class LanguageStep {
    public static final String FOLDER = "language";

    /** One file, what it is about, and what Nix answered when asked about it. */
    public record Lesson(String file, String about, String text, List<String> command, boolean ok, List<String> answer) {}

    public record Outcome(Path folder, List<Lesson> lessons) {}

    /** The video's newchrism-py310.nix as it shows it, stray lines and all. */
    static final String VIDEO_AS_WRITTEN = """
            with rec {
              pkgs = import <nixpkgs> {};
            };

            pkgs.stdenv.mkDerivation {
              name = "chrism-py310";
              src = pkgs.fetchFromGitHub {
                owner = "python";
                repo = "cpython";
                rev = "v3.10.5"; # tag
                sha256 = pkgs.lib.fakeSha256;
              };
              buildInputs = [ pkgs.tzdata pkgs.zlib pkgs.zlib.dev pkgs.readline pkgs.readline.dev pkgs.bzip2 pkgs.bzip2.dev pkgs.ncurses pkgs.ncurses.dev pkgs.sqlite pkgs.sqlite.dev pkgs.openssl pkgs.openssl.dev pkgs.libuuid pkgs.libuuid.dev pkgs.gdbm pkgs.lzlib pkgs.tk pkgs.tk.dev pkgs.libffi pkgs.libffi.dev pkgs.expat pkgs.expat.dev pkgs.mailcap pkgs.xz pkgs.xz.dev ];
              ''
            ];
            }
            """;

    private record Ask(String file, String about, String text, boolean parseOnly, List<String> options) {
        Ask(String file, String about, String text, boolean parseOnly) {
            this(file, about, text, parseOnly, List.of());
        }
    }

    /** A folder that -I names as nixpkgs: not nixpkgs, only what shows where <nixpkgs> comes from. */
    static final String STAND_IN = "a-folder-named-nixpkgs";

    private static final List<Ask> ASKS = List.of(
            new Ask("video-as-written.nix", "the video's file as it shows it", VIDEO_AS_WRITTEN, true),
            new Ask("video-without-stray-lines.nix", "the same file without the two lines after buildInputs",
                    VIDEO_AS_WRITTEN.replace("  ''\n];\n", ""), true),
            new Ask("with-rec.nix", "with applied to a recursive set, as the video opens its file", """
                    with rec {
                      greeting = "hello";
                      shout = greeting + "!";
                    };
                    shout
                    """, false),
            new Ask("with-plain-set.nix", "the same without rec", """
                    with {
                      greeting = "hello";
                      shout = greeting + "!";
                    };
                    shout
                    """, false),
            new Ask("let-in.nix", "let ... in, as the toolkit's files open", """
                    let
                      greeting = "hello";
                      shout = greeting + "!";
                    in
                    shout
                    """, false),
            new Ask("indented-string.nix", "a '' string, indented as a postPatch is", """
                    ''
                        cat << EOF > Modules/Setup.local
                        zlib zlibmodule.c -lz
                          # this line is indented two more
                        EOF
                    ''
                    """, false),
            new Ask("shell-variable.nix", "${ in a '' string, as a shell script would write it", """
                    ''
                      echo "building in ${HOME}"
                    ''
                    """, false),
            new Ask("shell-variable-escaped.nix", "the same with ''${, and $HOME without braces", """
                    ''
                      echo "building in ''${HOME}, also known as $HOME"
                    ''
                    """, false),
            new Ask("search-path.nix", "<nixpkgs>, as the video's file imports it, found through this machine's search path", """
                    <nixpkgs>
                    """, false),
            new Ask("search-path-given.nix", "the same, with -I naming a folder of the workspace as nixpkgs", """
                    (import <nixpkgs> { }).greeting
                    """, false, List.of("-I", "nixpkgs=" + FOLDER + "/" + STAND_IN)));

    private LanguageStep() {}

    public static Outcome run(Workspace ws, Nix nix) {
        Path folder = ws.dir().resolve(FOLDER);
        List<Lesson> out = new ArrayList<>();
        AtomicFile.write(folder.resolve(STAND_IN).resolve("default.nix"), "{ }: { greeting = \"this came from the folder -I named\"; }\n");
        for (Ask a : ASKS) {
            AtomicFile.write(folder.resolve(a.file()), a.text());
            String rel = FOLDER + "/" + a.file();
            List<String> args = new ArrayList<>(List.of("nix-instantiate", a.parseOnly() ? "--parse" : "--eval"));
            args.addAll(a.options());
            args.add(rel);
            List<String> cmd = nix.command(args.toArray(String[]::new));
            Proc.Result r = Proc.of(cmd).in(ws.dir()).timeout(Duration.ofMinutes(1)).run();
            List<String> answer = (r.ok() ? r.stdout() : r.stderr()).lines().filter(l -> !l.isBlank()).toList();
            out.add(new Lesson(rel, a.about(), a.text(), cmd, r.ok(), answer));
        }
        ws.state().done(Step.LANGUAGE, Instant.now());
        ws.save();
        return new Outcome(folder, out);
    }
}
