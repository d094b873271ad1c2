# Exercise 2: make `import lzma` work.
# A quick build of CPython @pythonVersion@ for the workshop: only the interpreter (`make python`),
# without optimisation, and without the extension modules CPython's build would find on its own.
# So this python has only the modules Modules/Setup.local names, as under nixpkgs, where the
# build finds no library by itself. Impure, like the tutorial's bare profile: the host's
# compiler and -dev libraries do the work, and Nix does not track them.
let
  src = import <nix/fetchurl.nix> {
    url = "@sourceUrl@";
    hash = "@sourceHash@";
  };
in
derivation {
  name = "workshop-python";
  system = builtins.currentSystem;
  builder = "/bin/sh";
  args = [
    "-c"
    ''
      set -e
      tar -xf "$src"
      set -- */
      cd "$1"
      eval "$postPatch"
      ./configure --prefix="$out" --without-ensurepip
      cores=$NIX_BUILD_CORES
      [ "$cores" -gt 0 ] 2>/dev/null || cores=$(nproc)
      make -j"$cores" python OPT="-DNDEBUG -fwrapv -O0"
      lib="$out/lib/python@pythonMinor@"
      mkdir -p "$out/bin" "$lib/lib-dynload"
      cp python "$out/bin/python3"
      cp -R Lib/. "$lib/"
      rm -rf "$lib/test"
      # a shell builtin ends the builder: otherwise the shell becomes its last command, and
      # Nix kills a builder whose output closes before it exits, as coreutils' do (signal 9)
      exit 0
    ''
  ];
  inherit src;
  PATH = "/usr/bin:/bin";
  postPatch = ''
    cat > Modules/Setup.local <<'EOF'
    zlib zlibmodule.c -lz
    EOF
  '';
}
