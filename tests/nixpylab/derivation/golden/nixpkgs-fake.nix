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
    pkgs.tzdata
    pkgs.zlib
    pkgs.zlib.dev
    pkgs.readline
    pkgs.readline.dev
    pkgs.bzip2
    pkgs.bzip2.dev
    pkgs.ncurses
    pkgs.ncurses.dev
    pkgs.sqlite
    pkgs.sqlite.dev
    pkgs.openssl
    pkgs.openssl.dev
    pkgs.libuuid
    pkgs.libuuid.dev
    pkgs.gdbm
    pkgs.lzlib
    pkgs.tk
    pkgs.tk.dev
    pkgs.libffi
    pkgs.libffi.dev
    pkgs.expat
    pkgs.expat.dev
    pkgs.mailcap
    pkgs.xz
    pkgs.xz.dev
  ];
}
