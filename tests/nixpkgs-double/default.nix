# TEST DOUBLE of nixpkgs: NOT nixpkgs, and not a product feature.
#
# nixpkgs and its bootstrap tools cannot be fetched on NixPy Lab's test machines. This file
# provides just the attributes that the nixpkgs profile's newchrism-py3XX.nix uses, so that the
# six steps can run on that file for real, with real Nix and real CPython:
#
#   lib.fakeSha256, lib.concatStringsSep   as in nixpkgs' lib
#   fetchFromGitHub                        a local tarball instead of GitHub's: unpacked, its single
#                                          top-level directory moved to $out, chmod 755, recursive
#                                          (NAR) sha256, so its hash is what fetchFromGitHub would
#                                          give for that tree
#   stdenv.mkDerivation                    a /bin/sh builder that runs unpack, patch (postPatch),
#                                          configure (preConfigure first), build, install with the
#                                          HOST toolchain
#   the video's buildInputs                each stands for the host's copy in /usr
#
# Tarballs come from $NIXPY_DOUBLE_SOURCES/<owner>-<repo>-<rev>.tar.gz (copied into the store at evaluation time).
# In a build sandbox, its builders need the host's toolchain opened (tests/nixpylab/NixpkgsDouble.java).
# Differences from the real thing that matter: builds are impure (host compiler and libraries),
# and the build runs make in parallel (as if enableParallelBuilding = true) to keep CI short.
{ ... }:
let
  system = builtins.currentSystem;
  sources = builtins.getEnv "NIXPY_DOUBLE_SOURCES";

  lib = {
    # nixpkgs lib/default.nix: fakeSha256 = lib.fakeHash's digest in hex
    fakeSha256 = "0000000000000000000000000000000000000000000000000000000000000000";
    fakeHash = "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    concatStringsSep = builtins.concatStringsSep;
  };

  fetchFromGitHub =
    {
      owner,
      repo,
      rev,
      sha256 ? "",
      hash ? "",
      name ? "source",
    }:
    let
      # copied into the store at evaluation, so that a sandboxed build can read it (a real fetcher downloads it)
      tarball = builtins.path {
        path = /. + "${sources}/${owner}-${repo}-${rev}.tar.gz";
        name = "${owner}-${repo}-${rev}.tar.gz";
      };
    in
    assert sources != "" || throw "test double of nixpkgs: set NIXPY_DOUBLE_SOURCES to a directory holding ${owner}-${repo}-${rev}.tar.gz";
    derivation {
      inherit name system tarball;
      builder = "/bin/sh";
      args = [
        "-c"
        ''
          set -e
          PATH=/usr/bin:/bin
          mkdir unpack
          cd unpack
          tar -xf "$tarball"
          set -- *
          if [ "$#" -ne 1 ]; then echo "zip file must contain a single file or directory."; exit 1; fi
          mv "$1" "$out"
          chmod 755 "$out"
          # a shell builtin ends the builder: otherwise the shell becomes its last command, and
          # Nix kills a builder whose output closes before it exits, as coreutils' do (signal 9)
          exit 0
        ''
      ];
      outputHashMode = "recursive";
      outputHashAlgo = "sha256";
      outputHash = if hash != "" then hash else sha256;
    };

  # One stand-in per input name the video uses: the host's copy, under /usr.
  hostPackage = name: {
    inherit name;
    outPath = "/usr";
    dev = {
      name = "${name}-dev";
      outPath = "/usr";
    };
  };

  # Like nixpkgs' mkDerivation, attributes it does not know pass on to the builder's environment.
  mkDerivation =
    {
      name,
      src,
      buildInputs ? [ ],
      postPatch ? "",
      ...
    }@attrs:
    derivation (attrs // {
      inherit name system src postPatch;
      buildInputs = map toString buildInputs;
      builder = "/bin/sh";
      args = [
        "-c"
        ''
          set -e
          PATH=/usr/bin:/bin
          echo "Running phase: unpackPhase"
          cp -r "$src" source
          chmod -R u+w source
          cd source
          echo "Running phase: patchPhase"
          eval "$postPatch"
          echo "Running phase: configurePhase"
          # as stdenv's configurePhase runs its preConfigure hook first (empty unless set)
          eval "$preConfigure"
          # stands in for the cc-wrapper, which puts tk.dev's include directory on the compiler's path
          ./configure --prefix="$out" CPPFLAGS="$(pkg-config --cflags-only-I tk 2>/dev/null || true)"
          echo "Running phase: buildPhase"
          cores=$NIX_BUILD_CORES
          [ "$cores" -gt 0 ] 2>/dev/null || cores=$(nproc)
          make -j"$cores"
          echo "Running phase: installPhase"
          make install
        ''
      ];
    });
in
{
  inherit lib fetchFromGitHub;
  stdenv = {
    inherit mkDerivation;
  };
}
// builtins.listToAttrs (
  map (n: {
    name = n;
    value = hostPackage n;
  }) [
    "tzdata"
    "zlib"
    "readline"
    "bzip2"
    "ncurses"
    "sqlite"
    "openssl"
    "libuuid"
    "gdbm"
    "lzlib"
    "tk"
    "libffi"
    "expat"
    "mailcap"
    "xz"
  ]
)
