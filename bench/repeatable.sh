#!/usr/bin/env bash
# Benchmark: what Repeatable's fixes cost a CPython build. In the same run, a plain nix-build of
# the tutorial's derivation and of the same derivation with Repeatable --fix's fixes (each in a
# workspace of its own, so each is a real build), taken in turns; prints each build's wall time,
# the ratio of the medians (goal: at most 1.05) and whether nix-build --check then finds the
# fixed one bit for bit the same. About 3 CPython builds per run (~5 minutes each on 2 cores).
#   bench/repeatable.sh [--runs N] [--no-check]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
runs=1
[ "${1:-}" = "--runs" ] && { runs=$2; shift 2; }
check=1
[ "${1:-}" = "--no-check" ] && { check=0; shift; }
base=$PWD/bench/work-repeatable
nixopt=(--option substituters '')
if nix --extra-experimental-features nix-command show-config 2>/dev/null | grep -qx 'sandbox = true'; then
  nixopt+=(--option extra-sandbox-paths "/usr /lib=/usr/lib /lib64=/usr/lib64 /etc/alternatives ${NIXPY_SOURCES:-/var/tmp/nixpylab-sources}")
fi
# a workspace whose file is written (PostPatch), with the fixes for "fixed"; prints its .nix file
prepare() {
  rm -rf "$base/$1"
  ./jbang --quiet scripts/PostPatch.java --workdir "$base/$1" --from-start >/dev/null
  [ "$1" = plain ] || ./jbang --quiet scripts/Repeatable.java --workdir "$base/$1" --fix >/dev/null
  ls "$base/$1"/*.nix
}
build() { # ms of one plain nix-build of a file
  local s; s=$(now)
  nix-build "${nixopt[@]}" "$1" --no-out-link >/dev/null 2>&1
  echo $(( ($(now) - s) / 1000000 ))
}
tp=() tf=()
for ((i = 0; i < runs; i++)); do
  # the store keeps a built output: each run builds from workspaces made afresh
  plain=$(prepare plain); fixed=$(prepare fixed)
  if (( i % 2 == 0 )); then tp+=($(build "$plain")); tf+=($(build "$fixed")); else tf+=($(build "$fixed")); tp+=($(build "$plain")); fi
done
printf '%-34s %22s %22s %8s %8s\n' "" "with the fixes" "without" "ratio" "diff"
row "nix-build of the tutorial's CPython" "$(stats "${tf[@]}")" "$(stats "${tp[@]}")"
if [ "$check" = 1 ]; then
  s=$(now); rc=0
  nix-build "${nixopt[@]}" "$fixed" --check --no-out-link >/dev/null 2>"$base/check.err" || rc=$?
  echo "nix-build --check of the fixed one: exit $rc after $(( ($(now) - s) / 1000 )) s$([ $rc = 0 ] && echo ': bit for bit the same' || echo "; see $base/check.err")"
fi
echo "($(nix-build --version), $(nproc) cores, $runs run(s); the stores keep these builds until the workspaces are deleted: rm -rf $base, then nix-store --gc)"
