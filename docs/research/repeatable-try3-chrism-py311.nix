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
  workspace = "9a875d8b";
  system = builtins.currentSystem;
  builder = "/bin/sh";
  args = [
    "-c"
    ''
      set -e
      # repro fix 1: a fixed build date. GCC uses it for __DATE__/__TIME__
      # (Modules/getbuildinfo.c) and py_compile then defaults to checked-hash pycs.
      export SOURCE_DATE_EPOCH=1675728000
      echo "Running phase: unpackPhase"
      tar -xf "$src"
      set -- */
      cd "$1"
      echo "Running phase: patchPhase"
      eval "$postPatch"
      echo "Running phase: configurePhase"
      # repro fix 2: no GNU build-id note. Its SHA-1 covers bytes that contain $out; a
      # non-sandboxed --check builds at another store path and rewrites the path
      # afterwards, so the note (computed before the rewrite) cannot match.
      # repro fix 4 (build path): map the build folder to a fixed name in debug info
      # and __FILE__; CFLAGS_NODIST is not used when building third-party extensions.
      export CFLAGS_NODIST="-ffile-prefix-map=$PWD=/build/Python-3.11.2"
      ./configure --prefix="$out" --without-ensurepip CPPFLAGS="$(pkg-config --cflags-only-I tk 2>/dev/null || true)" LDFLAGS="-Wl,--build-id=none"
      echo "Running phase: buildPhase"
      cores=$NIX_BUILD_CORES
      [ "$cores" -gt 0 ] 2>/dev/null || cores=$(nproc)
      make -j"$cores"
      echo "Running phase: installPhase"
      make install
      # repro fix 4 (build path): sysconfig records abs_builddir, abs_srcdir and the flag above
      sed -i -e "s|$PWD|/build/Python-3.11.2|g" "$out"/lib/python3.11/_sysconfigdata_*.py "$out"/lib/python3.11/config-3.11-*/Makefile
      # repro fix 3: sources that contain $out (_sysconfigdata, ...) get timestamp pycs
      # for mtime 1, the mtime Nix gives every store file: a checked-hash pyc holds a
      # hash of the source text, which the path rewrite of --check makes stale.
      grep -rlF --include="*.py" "$out" "$out/lib" > "$TMPDIR/out-refs.txt" || true
      while read -r f; do touch -h -d @1 "$f"; done < "$TMPDIR/out-refs.txt"
      "$out/bin/python3.11" -E -c '
import py_compile, sys
for f in open(sys.argv[1]).read().split():
    for o in (0, 1, 2):
        py_compile.compile(f, doraise=True, optimize=o,
                           invalidation_mode=py_compile.PycInvalidationMode.TIMESTAMP)
' "$TMPDIR/out-refs.txt"
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
