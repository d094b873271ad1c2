package nixpylab.steps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import nixpylab.AtomicFile;
import nixpylab.HostSetup;
import nixpylab.Proc;
import nixpylab.UserError;
import nixpylab.workspace.Workspace;
import nixpylab.derivation.DerivationFile;
import nixpylab.derivation.NixpkgsDerivation;
import nixpylab.derivation.Profile;
import nixpylab.nix.BuildWatch;
import nixpylab.nix.Nix;
import nixpylab.nix.StorePath;

/**
 * Which build inputs does the derivation need? Lists the declared inputs, what the output still
 * refers to in the store, which libraries the built python links (ldd), and proposes the inputs
 * that the Setup.local modules need. In the nixpkgs profile it proves the proposal by building
 * the derivation with the smaller list (a second file, result-minimal) and importing every module.
 */
public final class InputsStep {
    /** The library each Setup.local module links, per profile: nixpkgs attribute and Debian -dev package. */
    static final Map<String, String[]> NEEDS = new LinkedHashMap<>();

    static {
        NEEDS.put("zlib", new String[] {"zlib", "zlib1g-dev"});
        NEEDS.put("readline", new String[] {"readline", "libreadline-dev"});
        NEEDS.put("_lzma", new String[] {"xz", "liblzma-dev"});
        NEEDS.put("_sqlite3", new String[] {"sqlite", "libsqlite3-dev"});
        NEEDS.put("_curses", new String[] {"ncurses", "libncurses-dev"});
        NEEDS.put("_bz2", new String[] {"bzip2", "libbz2-dev"});
        NEEDS.put("_ctypes", new String[] {"libffi", "libffi-dev"});
        NEEDS.put("_hashlib", new String[] {"openssl", "libssl-dev"});
        NEEDS.put("_ssl", new String[] {"openssl", "libssl-dev"});
        NEEDS.put("_tkinter", new String[] {"tk", "tk-dev"});
    }

    /** proof is null in the bare profile, whose inputs are the host's packages and cannot be taken away by a file. */
    public record Outcome(Profile profile, List<String> declared, List<String> references, List<String> linked, List<String> proposed,
                          Path minimalFile, BuildStep.Outcome proof, TestPythonStep.Outcome proofImports) {}

    private InputsStep() {}

    public static List<String> proposed(Profile profile, List<String> modules) {
        Set<String> out = new LinkedHashSet<>();
        for (String m : modules) {
            String[] n = NEEDS.get(m);
            if (n != null) out.add(n[profile == Profile.NIXPKGS ? 0 : 1]);
        }
        return new ArrayList<>(out);
    }

    public static Outcome run(Workspace ws, Nix nix, Duration timeout, boolean prove, Consumer<BuildWatch.Progress> progress) {
        Step.INPUTS.requireDone(ws.state()::done, ws.dir());
        StorePath out = ws.lastBuilt().orElseThrow();
        if (!nix.isValid(out)) throw new UserError(out + " is no longer in the store.", "Run ./jbang scripts/Build.java first.");
        Profile profile = ws.state().profile().orElseThrow();
        List<String> declared = profile == Profile.NIXPKGS ? NixpkgsDerivation.BUILD_INPUTS
                : HostSetup.PACKAGES.stream().filter(p -> p.endsWith("-dev")).toList();
        List<String> refs = new ArrayList<>();
        for (String l : nix.run(nix.command("nix-store", "-q", "--references", out.path())).stdout().split("\n")) {
            if (!l.isBlank() && !l.equals(out.path())) refs.add(l.strip());
        }
        List<String> linked = new ArrayList<>();
        Path python = Path.of(out.path(), "bin", "python3");
        if (Files.isExecutable(python)) {
            for (String l : Proc.of("ldd", python.toString()).timeout(Duration.ofSeconds(30)).run().stdout().split("\n")) {
                String t = l.strip();
                if (t.contains("=>")) linked.add(t.substring(0, t.indexOf(' ')) + " (" + t.substring(t.indexOf("=>") + 3).replaceAll(" \\(0x[0-9a-f]+\\)$", "") + ")");
            }
        }
        List<String> modules = ws.state().modules().orElseThrow();
        List<String> proposed = proposed(profile, modules);
        if (profile != Profile.NIXPKGS || !prove) return new Outcome(profile, declared, refs, linked, proposed, null, null, null);

        NixpkgsDerivation minimal = ((NixpkgsDerivation) ws.state().derivationFile()).withBuildInputs(proposed);
        String fileName = minimal.fileName().replace(".nix", "-minimal.nix");
        Path file = ws.dir().resolve(fileName);
        AtomicFile.write(file, minimal.text().replaceFirst("^# [^\n]*\n", "# " + fileName + ": the input audit's smaller buildInputs list.\n"));
        BuildStep.Outcome b = BuildStep.runFile(ws, nix, file, ws.dir().resolve("result-minimal"), timeout, progress);
        TestPythonStep.Outcome imports = b instanceof BuildStep.Built built ? TestPythonStep.runOn(built.out(), modules) : null;
        return new Outcome(profile, declared, refs, linked, proposed, file, b, imports);
    }
}
