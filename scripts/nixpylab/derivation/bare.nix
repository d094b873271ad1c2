# @fileName@: CPython @pythonVersion@, built by NixPy Lab's bare profile.
# Impure on purpose: no nixpkgs here, only Nix builtins. The builder is the host's
# /bin/sh and uses the host's compiler and -dev libraries from /usr, which Nix does
# not track: the same file can build differently on another machine. In Nix's build
# sandbox the steps open /usr, /lib and /lib64 for it (--option extra-sandbox-paths).
let
  src = import <nix/fetchurl.nix> {
    url = @url@;
    hash = @hash@;
  };
in
derivation {
  name = @name@;
  # This workspace's own build: without this line, every workspace that wrote
  # this file would share one output path (see the chapter on building).
  workspace = @workspace@;
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
      @repeatableAfterUnpack@
      echo "Running phase: patchPhase"
      eval "$postPatch"
      echo "Running phase: configurePhase"
      @repeatableBeforeConfigure@
      ./configure --prefix="$out" --without-ensurepip CPPFLAGS="$(pkg-config --cflags-only-I tk 2>/dev/null || true)"@repeatableConfigureArgs@
      echo "Running phase: buildPhase"
      cores=$NIX_BUILD_CORES
      [ "$cores" -gt 0 ] 2>/dev/null || cores=$(nproc)
      make -j"$cores"
      echo "Running phase: installPhase"
      make install
      @repeatableAfterInstall@
    ''
  ];
  inherit src;
  PATH = "/usr/bin:/bin";
  @postPatch@
}
