# Exercise 3: build this twice without changing anything, and compare the store paths.
derivation {
  name = "workshop-app";
  system = builtins.currentSystem;
  builder = "/bin/sh";
  args = [
    "-c"
    ''
      set -e
      mkdir -p "$out/bin"
      cp "$src/src/hello.py" "$out/bin/hello.py"
    ''
  ];
  src = ./.;
  PATH = "/usr/bin:/bin";
}
