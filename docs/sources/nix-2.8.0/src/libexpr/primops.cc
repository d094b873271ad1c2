// source: src/libexpr/primops.cc of Nix 2.8.0, lines 1233-1237
// upstream: https://github.com/NixOS/nix/blob/2.8.0/src/libexpr/primops.cc#L1233-L1237
// taken from: Debian bookworm's nix_2.8.0.orig.tar.xz, fetched with apt-get source, which checked it against the archive's signed Release file


    else {
        /* Compute a hash over the "masked" store derivation, which is
           the final one except that in the list of outputs, the
           output paths are empty strings, and the corresponding
