// source: src/libutil/hash.cc of Nix 2.8.0, lines 267-271
// upstream: https://github.com/NixOS/nix/blob/2.8.0/src/libutil/hash.cc#L267-L271
// taken from: Debian bookworm's nix_2.8.0.orig.tar.xz, fetched with apt-get source, which checked it against the archive's signed Release file

            throw BadHash("empty hash requires explicit hash type");
        Hash h(*ht);
        warn("found empty hash, assuming '%s'", h.to_string(SRI, true));
        return h;
    } else
