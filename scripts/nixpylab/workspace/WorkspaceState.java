package nixpylab.workspace;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import nixpylab.derivation.BareDerivation;
import nixpylab.derivation.DerivationFile;
import nixpylab.derivation.NixpkgsDerivation;
import nixpylab.derivation.Profile;
import nixpylab.derivation.RepeatableFix;
import nixpylab.nix.NixHash;
import nixpylab.nix.StorePath;
import nixpylab.source.PythonSource;

/**
 * What a tutorial workspace remembers between steps, typed. {@link Workspace} is its one owner: it
 * reads it from and writes it to .nixpylab/state.properties; steps change it through the setters
 * and ask the workspace to save it.
 */
public final class WorkspaceState {
    Profile profile;
    String identity;
    String nixStore;
    Path nixpkgs;
    PythonSource source;
    String requestedVersion;
    String rev;
    String name;
    NixHash hash;
    StorePath sourcePath;
    String nixFile, nixFileSha256;
    List<String> modules;
    Set<RepeatableFix> fixes = Set.of();
    final List<StorePath> built = new ArrayList<>(), foreign = new ArrayList<>();
    StorePath lastOut;
    final TreeSet<String> links = new TreeSet<>();
    final Map<String, Instant> done = new TreeMap<>();
    int handTutorialAt;

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

    /** The fixes Repeatable --fix wrote into the derivation. */
    public Set<RepeatableFix> fixes() {
        return fixes;
    }

    public void fixes(Set<RepeatableFix> f) {
        fixes = RepeatableFix.copyOf(f);
    }

    /** Store paths this workspace built (the only ones ForceDelete may touch). */
    public List<StorePath> built() {
        return List.copyOf(built);
    }

    /** Records a path a build of this workspace made valid. */
    public void addBuilt(StorePath p) {
        if (!built.contains(p)) built.add(p);
    }

    /** Forgets the built paths that are gone (deleted, or collected). */
    public void forgetBuilt(Predicate<StorePath> gone) {
        built.removeIf(gone);
    }

    /** Store paths its builds found already there: someone else's. */
    public List<StorePath> foreign() {
        return List.copyOf(foreign);
    }

    /** Records a path a build of this workspace found there already. */
    public void addForeign(StorePath p) {
        if (!foreign.contains(p)) foreign.add(p);
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
        if (profile().orElseThrow() == Profile.NIXPKGS) {
            return new NixpkgsDerivation(name().orElseThrow(), identity(), src.version(), rev().orElseThrow(), hash().orElseThrow(), modules, NixpkgsDerivation.BUILD_INPUTS, fixes);
        }
        return new BareDerivation(name().orElseThrow(), identity(), src.version(), src.url(), hash().orElseThrow(), modules, fixes);
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
}
