// source: src/libutil/archive.cc of Nix 2.8.0, lines 36-40, 77-86, 104-108
// upstream: https://github.com/NixOS/nix/blob/2.8.0/src/libutil/archive.cc#L36-L40
// taken from: Debian bookworm's nix_2.8.0.orig.tar.xz, fetched with apt-get source, which checked it against the archive's signed Release file

static GlobalConfig::Register rArchiveSettings(&archiveSettings);

const std::string narVersionMagic1 = "nix-archive-1";

static std::string caseHackSuffix = "~nix~case~hack~";
[…]
        sink << "type" << "regular";
        if (st.st_mode & S_IXUSR)
            sink << "executable" << "";
        dumpContents(path, st.st_size, sink);
    }

    else if (S_ISDIR(st.st_mode)) {
        sink << "type" << "directory";

        /* If we're on a case-insensitive system like macOS, undo
[…]
        for (auto & i : unhacked)
            if (filter(path + "/" + i.first)) {
                sink << "entry" << "(" << "name" << i.first << "node";
                auto tmp_mtime = dump(path + "/" + i.second, sink, filter);
                if (tmp_mtime > result) {
