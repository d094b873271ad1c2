// source: src/libutil/hash.cc of Nix 2.8.0, lines 82-86, 267-271
// upstream: https://github.com/NixOS/nix/blob/2.8.0/src/libutil/hash.cc#L82-L86
// taken from: Debian bookworm's nix_2.8.0.orig.tar.xz, fetched with apt-get source, which checked it against the archive's signed Release file


// omitted: E O U T
const std::string base32Chars = "0123456789abcdfghijklmnpqrsvwxyz";


[…]
            throw BadHash("empty hash requires explicit hash type");
        Hash h(*ht);
        warn("found empty hash, assuming '%s'", h.to_string(SRI, true));
        return h;
    } else
