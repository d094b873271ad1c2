package nixpylab.workspace;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import nixpylab.derivation.BareDerivation;
import nixpylab.derivation.DerivationFile;
import nixpylab.derivation.NixpkgsDerivation;
import nixpylab.derivation.Profile;
import nixpylab.nix.NixHash;
import nixpylab.nix.StorePath;
import nixpylab.source.PythonSource;

/**
 * What a tutorial workspace remembers between steps, typed. {@link Workspace} is its one owner: it
 * reads it from and writes it to .nixpylab/state.properties; steps change it through the setters
 * and ask the workspace to save it.
 */
public final class WorkspaceState {
    private Profile profile;
    private String identity;
    private String nixStore;
    private Path nixpkgs;
    private PythonSource source;
    private String requestedVersion;
    private String rev;
    private String name;
    private NixHash hash;
    private StorePath sourcePath;
    private String nixFile;
    private String nixFileSha256;
    private List<String> modules;
    private final List<StorePath> built = new ArrayList<>();
    private final List<StorePath> foreign = new ArrayList<>();
    private StorePath lastOut;
    private final TreeSet<String> links = new TreeSet<>();
    private final Map<String, Instant> done = new TreeMap<>();
    private int handTutorialAt;

    /** A workspace nothing has been written into yet. */
    public boolean isEmpty() {
        return profile == null && identity == null && nixFile == null;
    }

    public Optional<Profile> profile() {
        return Optional.ofNullable(profile);
    }

    public void profile(Profile p) {
        profile = p;
    }

    /** Eight random hex digits, made when first asked for: they go into the derivation so that this workspace's builds are its own. */
    public String identity() {
        if (identity == null) {
            byte[] b = new byte[4];
            new SecureRandom().nextBytes(b);
            identity = HexFormat.of().formatHex(b);
        }
        return identity;
    }

    /**
     * A workshop room's identity, taken by a workspace that has none yet: its CPython is then the
     * instructor's derivation, which the room's binary cache holds. An identity once made stays.
     */
    public boolean adoptIdentity(String id) {
        if (identity != null) return false;
        identity = id;
        return true;
    }

    /** host, or current (the current Nix's root): the store this workspace's builds are in. */
    public Optional<String> nixStore() {
        return Optional.ofNullable(nixStore);
    }

    public void nixStore(String s) {
        nixStore = s;
    }

    public Optional<Path> nixpkgs() {
        return Optional.ofNullable(nixpkgs);
    }

    public void nixpkgs(Path p) {
        nixpkgs = p;
    }

    public Optional<PythonSource> source() {
        return Optional.ofNullable(source);
    }

    public void source(PythonSource s, String requested) {
        source = s;
        requestedVersion = requested;
    }

    public Optional<String> requestedVersion() {
        return Optional.ofNullable(requestedVersion);
    }

    public Optional<String> rev() {
        return Optional.ofNullable(rev);
    }

    public void rev(String r) {
        rev = r;
    }

    /** The derivation's name, "chrism-py311". */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public void name(String n) {
        name = n;
    }

    /** The source's real hash, once FetchFakeHash wrote it back; empty while the file holds the fake one. */
    public Optional<NixHash> hash() {
        return Optional.ofNullable(hash);
    }

    public void hash(NixHash h) {
        hash = h;
    }

    public Optional<StorePath> sourcePath() {
        return Optional.ofNullable(sourcePath);
    }

    public void sourcePath(StorePath p) {
        sourcePath = p;
    }

    public Optional<String> nixFile() {
        return Optional.ofNullable(nixFile);
    }

    public Optional<String> nixFileSha256() {
        return Optional.ofNullable(nixFileSha256);
    }

    void nixFile(String fileName, String sha256) {
        nixFile = fileName;
        nixFileSha256 = sha256;
    }

    /** The Setup.local modules the postPatch writes; empty before PostPatch. */
    public Optional<List<String>> modules() {
        return Optional.ofNullable(modules);
    }

    public void modules(List<String> m) {
        modules = m == null ? null : List.copyOf(m);
    }

    /** Store paths this workspace built (the only ones ForceDelete may touch). */
    public List<StorePath> built() {
        return built;
    }

    /** Store paths its builds found already there: someone else's. */
    public List<StorePath> foreign() {
        return foreign;
    }

    public Optional<StorePath> lastOut() {
        return Optional.ofNullable(lastOut);
    }

    public void lastOut(StorePath p) {
        lastOut = p;
    }

    /** The names of the links into the store that the steps made in the workspace (result, a named root): the only ones ForceDelete removes. */
    public SortedSet<String> links() {
        return Collections.unmodifiableSortedSet(links);
    }

    public void madeLink(Path link) {
        links.add(link.getFileName().toString());
    }

    public void forgetLink(Path link) {
        links.remove(link.getFileName().toString());
    }

    /** The workspace's derivation as this state says it is (after FetchFakeHash wrote the real hash). */
    public DerivationFile derivationFile() {
        PythonSource src = source().orElseThrow();
        NixHash hash = hash().orElseThrow();
        List<String> modules = modules().orElse(null);
        if (profile().orElseThrow() == Profile.NIXPKGS) {
            return new NixpkgsDerivation(name().orElseThrow(), identity(), src.version(), rev().orElseThrow(), hash, modules, NixpkgsDerivation.BUILD_INPUTS);
        }
        return new BareDerivation(name().orElseThrow(), identity(), src.version(), src.url(), hash, modules);
    }

    public boolean done(RecordedStep s) {
        return done.containsKey(s.key());
    }

    public void done(RecordedStep s, Instant when) {
        done.put(s.key(), when);
    }

    /** How many of the tutorial's steps a tutorial run by hand has finished here: where the next one goes on. */
    public int handTutorialAt() {
        return handTutorialAt;
    }

    public void handTutorialAt(int steps) {
        handTutorialAt = steps;
    }

    // ---- the file's form: one owner, Workspace ----

    Properties toProperties() {
        Properties p = new Properties();
        put(p, "profile", profile == null ? null : profile.id());
        put(p, "identity", identity);
        put(p, "nixStore", nixStore);
        put(p, "nixpkgs", nixpkgs == null ? null : nixpkgs.toString());
        if (source != null) {
            put(p, "sourceOrigin", source.origin().name());
            put(p, "sourceUrl", source.url());
            put(p, "pythonVersion", source.version());
            put(p, "sourceReason", source.reason());
        }
        put(p, "requestedVersion", requestedVersion);
        put(p, "rev", rev);
        put(p, "name", name);
        put(p, "hash", hash == null ? null : hash.sri());
        put(p, "sourcePath", sourcePath == null ? null : sourcePath.path());
        put(p, "nixFile", nixFile);
        put(p, "nixFileSha256", nixFileSha256);
        put(p, "modules", modules == null ? null : String.join(",", modules));
        put(p, "built", built.isEmpty() ? null : String.join(",", built.stream().map(StorePath::path).toList()));
        put(p, "foreign", foreign.isEmpty() ? null : String.join(",", foreign.stream().map(StorePath::path).toList()));
        put(p, "lastOut", lastOut == null ? null : lastOut.path());
        put(p, "links", links.isEmpty() ? null : String.join(",", links));
        put(p, "handTutorialAt", handTutorialAt == 0 ? null : Integer.toString(handTutorialAt));
        for (Map.Entry<String, Instant> e : done.entrySet()) put(p, "done." + e.getKey(), e.getValue().toString());
        return p;
    }

    static WorkspaceState of(Properties p) {
        WorkspaceState s = new WorkspaceState();
        String prof = p.getProperty("profile");
        s.profile = prof == null ? null : Profile.valueOf(prof.toUpperCase(Locale.ROOT));
        s.identity = p.getProperty("identity");
        s.nixStore = p.getProperty("nixStore");
        s.nixpkgs = p.getProperty("nixpkgs") == null ? null : Path.of(p.getProperty("nixpkgs"));
        if (p.getProperty("sourceUrl") != null) {
            s.source = new PythonSource(PythonSource.Origin.valueOf(p.getProperty("sourceOrigin")), p.getProperty("sourceUrl"), p.getProperty("pythonVersion"),
                    p.getProperty("sourceReason", ""));
        }
        s.requestedVersion = p.getProperty("requestedVersion");
        s.rev = p.getProperty("rev");
        s.name = p.getProperty("name");
        s.hash = p.getProperty("hash") == null ? null : NixHash.parse(p.getProperty("hash"));
        s.sourcePath = p.getProperty("sourcePath") == null ? null : new StorePath(p.getProperty("sourcePath"));
        s.nixFile = p.getProperty("nixFile");
        s.nixFileSha256 = p.getProperty("nixFileSha256");
        s.modules = p.getProperty("modules") == null ? null : list(p.getProperty("modules"));
        for (String b : list(p.getProperty("built", ""))) s.built.add(new StorePath(b));
        for (String f : list(p.getProperty("foreign", ""))) s.foreign.add(new StorePath(f));
        s.lastOut = p.getProperty("lastOut") == null ? null : new StorePath(p.getProperty("lastOut"));
        s.links.addAll(list(p.getProperty("links", "")));
        s.handTutorialAt = p.getProperty("handTutorialAt", "0").matches("[0-9]{1,2}") ? Integer.parseInt(p.getProperty("handTutorialAt", "0")) : 0;
        for (String name : p.stringPropertyNames()) {
            if (name.startsWith("done.")) s.done.put(name.substring("done.".length()), Instant.parse(p.getProperty(name)));
        }
        return s;
    }

    private static void put(Properties p, String key, String value) {
        if (value != null) p.setProperty(key, value);
    }

    private static List<String> list(String v) {
        return v.isBlank() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(v.split(",")));
    }
}
