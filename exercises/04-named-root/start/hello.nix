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
    ''
  ];
  PATH = "/usr/bin:/bin";
}
