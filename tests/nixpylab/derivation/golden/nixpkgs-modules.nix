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
    sha256 = "sha256-JBHHS9pbvPzdr0Ux9m0a3HPyR/UprumBsClROu/b+Ek=";
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
  postPatch = pkgs.lib.concatStringsSep "\n" [
    ''
      cat << EOF > Modules/Setup.local
      zlib zlibmodule.c -lz
      readline readline.c -lreadline
      _lzma _lzmamodule.c -llzma
      _sqlite3 _sqlite/cache.c _sqlite/connection.c _sqlite/cursor.c _sqlite/microprotocols.c _sqlite/module.c _sqlite/prepare_protocol.c _sqlite/row.c _sqlite/statement.c _sqlite/util.c -lsqlite3 -IModules/_sqlite
      _curses _cursesmodule.c -lncursesw -ltinfo
      _bz2 _bz2module.c -lbz2
      _ctypes _ctypes/_ctypes.c _ctypes/callbacks.c _ctypes/callproc.c _ctypes/stgdict.c _ctypes/cfield.c -lffi
      _hashlib _hashopenssl.c -lssl -lcrypto
      _ssl _ssl.c -lssl -lcrypto
      _tkinter _tkinter.c tkappinit.c -DWITH_APPINIT -ltcl8.6 -ltk8.6
      EOF
    ''
  ];
}
