// source: src/libstore/build/worker.cc of Nix 2.8.0, lines 280-284, 453-457
// upstream: https://github.com/NixOS/nix/blob/2.8.0/src/libstore/build/worker.cc#L280-L284
// taken from: Debian bookworm's nix_2.8.0.orig.tar.xz, fetched with apt-get source, which checked it against the archive's signed Release file

            {
                if (getMachines().empty())
                   throw Error("unable to start any build; either increase '--max-jobs' "
                            "or enable remote builds."
                            "\nhttps://nixos.org/manual/nix/stable/advanced-topics/distributed-builds.html");
[…]
        mask |= 0x02;  // 102
    if (checkMismatch) {
        mask |= 0x08;  // 104
    }

