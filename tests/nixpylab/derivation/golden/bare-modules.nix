# chrism-py311.nix: CPython 3.11.2, built by NixPy Lab's bare profile.
# Impure on purpose: no nixpkgs here, only Nix builtins. The builder is the host's
# /bin/sh and uses the host's compiler and -dev libraries from /usr, which Nix does
# not track: the same file can build differently on another machine. In Nix's build
# sandbox the steps open /usr, /lib and /lib64 for it (--option extra-sandbox-paths).
let
  src = import <nix/fetchurl.nix> {
    url = "file:///var/tmp/nixpylab-sources/python3.11_3.11.2.orig.tar.gz";
    hash = "sha256-JBHHS9pbvPzdr0Ux9m0a3HPyR/UprumBsClROu/b+Ek=";
  };
in
derivation {
  name = "chrism-py311";
  # This workspace's own build: without this line, every workspace that wrote
  # this file would share one output path (see the chapter on building).
  workspace = "0123abcd";
  system = builtins.currentSystem;
  builder = "/bin/sh";
  args = [
    "-c"
    ''
      set -e
      echo "Running phase: unpackPhase"
      tar -xf "$src"
      set -- */
      cd "$1"
      echo "Running phase: patchPhase"
      eval "$postPatch"
      echo "Running phase: configurePhase"
      ./configure --prefix="$out" --without-ensurepip CPPFLAGS="$(pkg-config --cflags-only-I tk 2>/dev/null || true)"
      echo "Running phase: buildPhase"
      cores=$NIX_BUILD_CORES
      [ "$cores" -gt 0 ] 2>/dev/null || cores=$(nproc)
      make -j"$cores"
      echo "Running phase: installPhase"
      make install
    ''
  ];
  inherit src;
  PATH = "/usr/bin:/bin";
  postPatch = ''
    cat > Modules/Setup.local <<'EOF'
    zlib zlibmodule.c -lz
    readline readline.c -lreadline
    _lzma _lzmamodule.c -llzma
    _sqlite3 _sqlite/blob.c _sqlite/connection.c _sqlite/cursor.c _sqlite/microprotocols.c _sqlite/module.c _sqlite/prepare_protocol.c _sqlite/row.c _sqlite/statement.c _sqlite/util.c -lsqlite3 -IModules/_sqlite
    _curses _cursesmodule.c -lncursesw -ltinfo
    _bz2 _bz2module.c -lbz2
    _ctypes _ctypes/_ctypes.c _ctypes/callbacks.c _ctypes/callproc.c _ctypes/stgdict.c _ctypes/cfield.c -lffi
    _hashlib _hashopenssl.c -lssl -lcrypto
    _ssl _ssl.c -lssl -lcrypto
    _tkinter _tkinter.c tkappinit.c -DWITH_APPINIT -ltcl8.6 -ltk8.6
    EOF
  '';
}
