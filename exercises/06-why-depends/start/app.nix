# Exercise 6: the app. The workshop built it for you (result). It needs the
# library's greeting, and it keeps the whole library alive to get it.
let
  lib = import ./lib.nix;
in
derivation {
  name = "workshop-app";
  system = builtins.currentSystem;
  builder = "/bin/sh";
  args = [
    "-c"
    ''
      echo "greeting: see ${lib}" > $out
    ''
  ];
}
