# Exercise 4: a GC root with a name you can remember.
derivation {
  name = "workshop-hello";
  system = builtins.currentSystem;
  builder = "/bin/sh";
  args = [
    "-c"
    ''
      set -e
      mkdir -p "$out/bin"
      printf '#!/bin/sh\necho "hello from $0"\n' > "$out/bin/hello"
      chmod +x "$out/bin/hello"
      # a shell builtin ends the builder: otherwise the shell becomes its last command, and
      # Nix kills a builder whose output closes before it exits, as coreutils' do (signal 9)
      exit 0
    ''
  ];
  PATH = "/usr/bin:/bin";
}
