// source: src/libutil/error.hh of Nix 2.8.0, lines 51-55
// upstream: https://github.com/NixOS/nix/blob/2.8.0/src/libutil/error.hh#L51-L55
// taken from: Debian bookworm's nix_2.8.0.orig.tar.xz, fetched with apt-get source, which checked it against the archive's signed Release file

    lvlTalkative,
    lvlChatty,
    lvlDebug,
    lvlVomit
} Verbosity;
