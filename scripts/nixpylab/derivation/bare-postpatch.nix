postPatch = ''
  cat > Modules/Setup.local <<'EOF'
  @setupLocal@
  EOF
'';
