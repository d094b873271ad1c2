// source: src/libexpr/primops/fetchTree.cc of Nix 2.8.0, lines 309-315
// upstream: https://github.com/NixOS/nix/blob/2.8.0/src/libexpr/primops/fetchTree.cc#L309-L315
// taken from: Debian bookworm's nix_2.8.0.orig.tar.xz, fetched with apt-get source, which checked it against the archive's signed Release file


      Note that when obtaining the hash with `nix-prefetch-url` the
      option `--unpack` is required.

      This function can also verify the contents against a hash. In that
      case, the function takes a set instead of a URL. The set requires
      the attribute `url` and the attribute `sha256`, e.g.
