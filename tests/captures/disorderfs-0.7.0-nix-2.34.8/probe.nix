derivation {
  name = "disorderfs-probe";
  system = builtins.currentSystem;
  builder = "/bin/sh";
  args = [ "-c" ": > written-here; echo ok > $out; exit 0" ];
}
