# chrism-py310.nix: CPython 3.10.5, built by NixPy Lab's bare profile.
# Impure on purpose: no nixpkgs here, only Nix builtins. The builder is the host's
# /bin/sh and uses the host's compiler and -dev libraries from /usr, which Nix does
# not track: the same file can build differently on another machine. In Nix's build
# sandbox the steps open /usr, /lib and /lib64 for it (--option extra-sandbox-paths).
let
  src = import <nix/fetchurl.nix> {
    url = "https://www.python.org/ftp/python/3.10.5/Python-3.10.5.tar.xz";
    hash = "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
  };
in
derivation {
  name = "chrism-py310";
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
    _sqlite3 _sqlite/cache.c _sqlite/connection.c _sqlite/cursor.c _sqlite/microprotocols.c _sqlite/module.c _sqlite/prepare_protocol.c _sqlite/row.c _sqlite/statement.c _sqlite/util.c -lsqlite3 -IModules/_sqlite
    EOF
  '';
}
