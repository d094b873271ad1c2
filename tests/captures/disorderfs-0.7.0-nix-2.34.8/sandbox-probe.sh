set -u
here=$(dirname "$0")
rm -rf /var/lib/nixpylab/probe; mkdir -p /var/lib/nixpylab/probe/real /var/lib/nixpylab/probe/shuffled
disorderfs --quiet --shuffle-dirents=yes --multi-user=yes /var/lib/nixpylab/probe/real /var/lib/nixpylab/probe/shuffled
echo "\$ nix-build --option substituters '' --option build-dir /var/lib/nixpylab/probe/shuffled probe.nix --no-out-link"
nix-build --option substituters '' --option build-dir /var/lib/nixpylab/probe/shuffled "$here/probe.nix" --no-out-link 2>&1
echo "exit $?"
echo "\$ nix-build --option substituters '' --option build-dir /var/lib/nixpylab/probe/real probe.nix --no-out-link"
nix-build --option substituters '' --option build-dir /var/lib/nixpylab/probe/real "$here/probe.nix" --no-out-link 2>&1 | sed 's|/nix/store/[a-z0-9]*-|/nix/store/«hash»-|'
echo "exit $?"
umount /var/lib/nixpylab/probe/shuffled; rm -rf /var/lib/nixpylab/probe
