# @fileName@: CPython @pythonVersion@ with nixpkgs' stdenv, as in the video (made to parse).
let
  pkgs = import <nixpkgs> { };
in
pkgs.stdenv.mkDerivation {
  name = @name@;
  # This workspace's own build: without this line, every workspace that wrote
  # this file would share one output path (see the chapter on building).
  workspace = @workspace@;
  src = pkgs.fetchFromGitHub {
    owner = "python";
    repo = "cpython";
    rev = @rev@; # tag
    sha256 = @sha256@;
  };
  buildInputs = [
    @buildInputs@
  ];
  @postPatch@
  @repeatable@
}
