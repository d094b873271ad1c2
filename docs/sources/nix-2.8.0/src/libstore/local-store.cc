// source: src/libstore/local-store.cc of Nix 2.8.0, lines 525-529, 1279-1283
// upstream: https://github.com/NixOS/nix/blob/2.8.0/src/libstore/local-store.cc#L525-L529
// taken from: Debian bookworm's nix_2.8.0.orig.tar.xz, fetched with apt-get source, which checked it against the archive's signed Release file



const time_t mtimeStore = 1; /* 1 second into the epoch */


[…]

            if (hashResult.first != info.narHash)
                throw Error("hash mismatch importing path '%s';\n  specified: %s\n  got:       %s",
                    printStorePath(info.path), info.narHash.to_string(Base32, true), hashResult.first.to_string(Base32, true));

