// source: src/libutil/serialise.cc of Nix 2.8.0, lines 313-317
// upstream: https://github.com/NixOS/nix/blob/2.8.0/src/libutil/serialise.cc#L313-L317
// taken from: Debian bookworm's nix_2.8.0.orig.tar.xz, fetched with apt-get source, which checked it against the archive's signed Release file

        char zero[8];
        memset(zero, 0, sizeof(zero));
        sink({zero, 8 - (len % 8)});
    }
}
