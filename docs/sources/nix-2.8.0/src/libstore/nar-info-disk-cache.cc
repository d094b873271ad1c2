// source: src/libstore/nar-info-disk-cache.cc of Nix 2.8.0, lines 99-103
// upstream: https://github.com/NixOS/nix/blob/2.8.0/src/libstore/nar-info-disk-cache.cc#L99-L103
// taken from: Debian bookworm's nix_2.8.0.orig.tar.xz, fetched with apt-get source, which checked it against the archive's signed Release file


        state->queryCache.create(state->db,
            "select id, storeDir, wantMassQuery, priority from BinaryCaches where url = ?");

        state->insertNAR.create(state->db,
