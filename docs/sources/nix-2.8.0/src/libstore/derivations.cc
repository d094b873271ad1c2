// source: src/libstore/derivations.cc of Nix 2.8.0, lines 667-671
// upstream: https://github.com/NixOS/nix/blob/2.8.0/src/libstore/derivations.cc#L667-L671
// taken from: Debian bookworm's nix_2.8.0.orig.tar.xz, fetched with apt-get source, which checked it against the archive's signed Release file

    }

    auto hash = hashString(htSHA256, drv.unparse(store, maskOutputs, &inputs2));

    std::map<std::string, Hash> outputHashes;
