// source: src/libexpr/fetchurl.nix of Nix 2.8.0, lines 12-16, 19-24
// upstream: https://github.com/NixOS/nix/blob/2.8.0/src/libexpr/fetchurl.nix#L12-L16
// taken from: Debian bookworm's nix_2.8.0.orig.tar.xz, fetched with apt-get source, which checked it against the archive's signed Release file

, executable ? false
, unpack ? false
, name ? baseNameOf (toString url)
}:

[…]

  # New-style output content requirements.
  inherit outputHashAlgo outputHash;
  outputHashMode = if unpack || executable then "recursive" else "flat";

  inherit name url executable unpack;
