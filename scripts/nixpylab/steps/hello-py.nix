# hello-py.nix: a small program that runs on the tutorial's CPython, written by NixPy Lab's
# Closure step to show what a build needs against what its output needs at run time.
let
  python = import ./@pythonFile@;
  # A build input the output copies the words of, but never names.
  greeting = builtins.toFile "greeting.txt" "Hello from a program whose closure Nix knows.";
in
derivation {
  name = "hello-py";
  system = builtins.currentSystem;
  # The tutorial's own python builds this: the builder is a build input too.
  builder = "${python}/bin/python3";
  args = [
    "-c"
    ''
      import os
      out = os.environ["out"]
      os.makedirs(out + "/bin")
      words = open(os.environ["greeting"]).read()
      with open(out + "/bin/hello", "w") as f:
          f.write("#!" + os.environ["python"] + "/bin/python3\n")
          f.write("print(" + repr(words) + ")\n")
      os.chmod(out + "/bin/hello", 0o755)
    ''
  ];
  inherit python greeting;
}
