// source: src/libstore/globals.hh of Nix 2.8.0, lines 436-440
// upstream: https://github.com/NixOS/nix/blob/2.8.0/src/libstore/globals.hh#L436-L440
// taken from: Debian bookworm's nix_2.8.0.orig.tar.xz, fetched with apt-get source, which checked it against the archive's signed Release file

        {"build-chroot-dirs", "build-sandbox-paths"}};

    Setting<bool> sandboxFallback{this, true, "sandbox-fallback",
        "Whether to disable sandboxing when the kernel doesn't allow it."};

