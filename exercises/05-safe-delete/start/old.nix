# Exercise 5: an old build to get rid of. The workshop built it for you when it set this
# folder up. (The id below makes the store path yours alone.)
derivation {
  name = "workshop-old-build";
  system = builtins.currentSystem;
  builder = "/bin/sh";
  args = [
    "-c"
    "echo 'an old build, made for workshop @nonce@' > $out"
  ];
}
