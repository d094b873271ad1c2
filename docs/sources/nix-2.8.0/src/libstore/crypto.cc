// source: src/libstore/crypto.cc of Nix 2.8.0, lines 98-102
// upstream: https://github.com/NixOS/nix/blob/2.8.0/src/libstore/crypto.cc#L98-L102
// taken from: Debian bookworm's nix_2.8.0.orig.tar.xz, fetched with apt-get source, which checked it against the archive's signed Release file

    for (auto s : settings.trustedPublicKeys.get()) {
        PublicKey key(s);
        publicKeys.emplace(key.name, key);
    }

