// source: src/libstore/build/worker.cc of Nix 2.8.0, lines 453-457
// upstream: https://github.com/NixOS/nix/blob/2.8.0/src/libstore/build/worker.cc#L453-L457
// taken from: Debian bookworm's nix_2.8.0.orig.tar.xz, fetched with apt-get source, which checked it against the archive's signed Release file

        mask |= 0x02;  // 102
    if (checkMismatch) {
        mask |= 0x08;  // 104
    }

