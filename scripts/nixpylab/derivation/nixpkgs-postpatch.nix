postPatch = pkgs.lib.concatStringsSep "\n" [
  ''
    cat << EOF > Modules/Setup.local
    @setupLocal@
    EOF
  ''
];
