# newchrism-py310.nix: CPython 3.10.5 with nixpkgs' stdenv, as in the video (made to parse).
let
  pkgs = import <nixpkgs> { };
in
pkgs.stdenv.mkDerivation {
  name = "chrism-py310";
  # This workspace's own build: without this line, every workspace that wrote
  # this file would share one output path (see the chapter on building).
  workspace = "0123abcd";
  src = pkgs.fetchFromGitHub {
    owner = "python";
    repo = "cpython";
    rev = "v3.10.5"; # tag
    sha256 = pkgs.lib.fakeSha256;
  };
  buildInputs = [
    pkgs.zlib
    pkgs.xz
  ];
  postPatch = pkgs.lib.concatStringsSep "\n" [
    ''
      cat << EOF > Modules/Setup.local
      zlib zlibmodule.c -lz
      _lzma _lzmamodule.c -llzma
      EOF
    ''
  ];
}
