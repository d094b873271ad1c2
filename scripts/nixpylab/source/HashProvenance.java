package nixpylab.source;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nixpylab.UserError;
import nixpylab.nix.NixHash;

/**
 * Who, besides the download itself, vouches for the hash Nix computed of CPython's source. Nix's
 * {@code got:} line only says what arrived (trust on first use); before that hash is written into a
 * derivation it is checked against an independent authority: the Debian archive's signed index
 * for a tarball apt fetched ({@link DebianIndex}), the table of known releases for upstream's
 * ({@link KnownReleases}). A hash they contradict is refused; one nobody vouches for is written only
 * when the learner says so.
 */
public sealed interface HashProvenance {
    /** Who vouches for the hash, in a sentence each ("Debian's archive: …"). */
    record Vouched(List<String> by) implements HashProvenance {}

    /** An authority knows this file with another hash: the bytes are not the release. */
    record Disagrees(String authority, String theirs) implements HashProvenance {}

    /** Nothing here can say whether the bytes are the release. */
    record Unvouched(String why) implements HashProvenance {}

    /** One more authority for the file at url: who (the workshop room, under its signature) and the sha256 (hex) it gives it. */
    record Witness(String url, String who, String sha256) {}

    /**
     * got: the flat sha256 Nix computed of the tarball (fetchurl), or the NAR hash of the unpacked
     * tree (fetchFromGitHub, where no authority here publishes one).
     */
    static HashProvenance of(PythonSource src, NixHash got) {
        return of(src, got, List.of());
    }

    static HashProvenance of(PythonSource src, NixHash got, List<Witness> witnesses) {
        if (src.origin() == PythonSource.Origin.GITHUB) {
            return new Unvouched("GitHub publishes no checksum of the archive it makes of a tag, and nothing else here knows the NAR hash of the unpacked tree");
        }
        String file = fileName(src.url());
        String hex = got.base16();
        List<String> by = new ArrayList<>();
        for (Witness w : witnesses) {
            if (!w.url().equals(src.url())) continue;
            if (!w.sha256().equalsIgnoreCase(hex)) return new Disagrees(w.who(), "sha256 " + w.sha256());
            by.add(w.who() + ": the file has this sha256");
        }
        Optional<Path> local = localFile(src.url());
        if (local.isPresent()) {
            Optional<DebianIndex.Listed> listed = DebianIndex.find(local.get().getParent().resolve("apt/lists"), file);
            if (listed.isPresent()) {
                DebianIndex.Listed l = listed.get();
                if (!l.sha256().equals(hex)) return new Disagrees("Debian's archive (" + l.pkg() + " " + l.version() + ", " + l.suite() + ")", "sha256 " + l.sha256());
                by.add("Debian's archive: " + l.suite() + "'s Sources index lists " + l.file() + " of " + l.pkg() + " " + l.version() + " with this sha256, and " + l.verifier() + " checked the index's InRelease signature (" + l.signer() + ")");
            }
        }
        Optional<KnownReleases.Release> known = KnownReleases.bySha256(hex);
        if (known.isPresent()) {
            by.add(known.get().vouchedBy() + ": CPython " + known.get().version() + "'s " + known.get().file() + " has this sha256");
        } else {
            for (KnownReleases.Release r : KnownReleases.byFile(file)) return new Disagrees(r.vouchedBy(), "sha256 " + r.sha256() + " for " + r.file());
        }
        if (!by.isEmpty()) return new Vouched(List.copyOf(by));
        return new Unvouched("neither Debian's signed index nor the known releases (" + KnownReleases.all().size() + " tarballs) know a CPython tarball with the sha256 " + hex);
    }

    /**
     * This provenance when it lets the hash be used: vouched for, or nobody's with trustFirstUse.
     * Otherwise a UserError that says what the hash was, who contradicts it or why nobody
     * vouches, and what happens instead (the caller's words: "so chrism-py311.nix keeps the fake hash").
     */
    default HashProvenance require(NixHash got, String url, boolean trustFirstUse, String instead) {
        if (this instanceof Disagrees d) {
            throw new UserError("Nix computed " + got.sri() + " for " + url + ", but " + d.authority() + " knows that release with " + d.theirs()
                    + ": these bytes are not CPython's release, " + instead + ".",
                    "Do not build it. Delete that tarball (it was altered, cut short or planted), then fetch it anew, or pass a tarball you trust with --source PATH.");
        }
        if (this instanceof Unvouched u && !trustFirstUse) {
            throw new UserError("Only the download itself vouches for the hash Nix computed, " + got.sri() + " (" + u.why() + "); using it would trust whatever arrived, on first use, "
                    + instead + ".",
                    "Check the source another way (its publisher's signature or checksum), then run again with --trust-first-use to use Nix's hash knowingly.");
        }
        return this;
    }

    private static String fileName(String url) {
        String path = URI.create(url).getPath();
        return path == null ? url : path.substring(path.lastIndexOf('/') + 1);
    }

    private static Optional<Path> localFile(String url) {
        return url.startsWith("file:") ? Optional.of(Path.of(URI.create(url))) : Optional.empty();
    }
}
