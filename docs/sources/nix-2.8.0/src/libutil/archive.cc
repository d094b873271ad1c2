// source: src/libutil/archive.cc of Nix 2.8.0, lines 77-81
// upstream: https://github.com/NixOS/nix/blob/2.8.0/src/libutil/archive.cc#L77-L81
// taken from: Debian bookworm's nix_2.8.0.orig.tar.xz, fetched with apt-get source, which checked it against the archive's signed Release file

        sink << "type" << "regular";
        if (st.st_mode & S_IXUSR)
            sink << "executable" << "";
        dumpContents(path, st.st_size, sink);
    }
