#!/usr/bin/env bash
# Benchmark: each workshop check (./jbang scripts/Workshop.java check N) next to the plain Nix
# commands that verify the same thing by hand, on exercise folders where the reference solution
# is applied (so the builds are in the store). Prints median wall times (ms) and the ratio.
#   bench/workshop.sh [--runs N] [--fresh-python]
# --fresh-python also times exercise 2's CPython build from an empty store path: the check
# against a plain nix-build of the same file (each about 40 s here).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=5 fresh=0
while [ $# -gt 0 ]; do
  case "$1" in --runs) runs=$2; shift 2;; --fresh-python) fresh=1; shift;; *) echo "unknown option $1" >&2; exit 2;; esac
done
w=$PWD/bench/work/workshop
nixopt=(--option substituters '')
. bench/lib.sh

echo "[bench] preparing $w: check --solutions (every start, then every solution)" >&2
rm -rf "$w"; mkdir -p "$(dirname "$w")"
s=$(now); ./jbang --quiet scripts/Workshop.java check --solutions --workdir "$w" >"$w.solutions.log" 2>&1 || { cat "$w.solutions.log"; exit 1; }
echo "[bench] check --solutions took $(( ($(now) - s) / 1000000 )) ms" >&2
grep -E '^(ok|BAD)' "$w.solutions.log" >&2

check() { ./jbang --quiet scripts/Workshop.java check "$1" --workdir "$w"; }
plain1() { (cd "$w/01-fake-hash" && nix-build "${nixopt[@]}" --no-out-link source.nix); }
plain2() { (cd "$w/02-lzma" && nix-instantiate "${nixopt[@]}" python.nix && nix-build "${nixopt[@]}" -o result python.nix && result/bin/python3 -c 'import lzma'); }
plain3() { (cd "$w/03-two-builds" && nix-instantiate "${nixopt[@]}" app.nix && nix-build "${nixopt[@]}" -o result app.nix && nix-instantiate "${nixopt[@]}" app.nix); }
plain4() { (cd "$w/04-named-root" && nix-instantiate "${nixopt[@]}" hello.nix && nix-store -q --roots "$(readlink keep-hello)" && keep-hello/bin/hello); }
plain5() { (cd "$w/05-safe-delete" && drv=$(nix-instantiate "${nixopt[@]}" old.nix) && ! nix-store --check-validity "$(nix-store -q --outputs "$drv")"); }

echo "[bench] $runs runs each; JBang's compiled jar is cached (warm)" >&2
check 1 >/dev/null 2>&1 || true
printf '%-34s %22s %22s %8s %s\n' "check (${runs} runs, median (min-max))" "toolkit" "plain nix" "ratio" "  toolkit-plain"
row "1 fake hash (fetch, in store)" "$(spread check 1)" "$(spread plain1)"
row "2 lzma (build in store + import)" "$(spread check 2)" "$(spread plain2)"
row "3 two builds (eval, build, eval)" "$(spread check 3)" "$(spread plain3)"
row "4 named root (eval, roots, run)" "$(spread check 4)" "$(spread plain4)"
row "5 safe delete (eval, validity)" "$(spread check 5)" "$(spread plain5)"

if [ "$fresh" = 1 ]; then
  echo "[bench] exercise 2 from an empty store path: plain nix-build, then the check" >&2
  out=$(readlink "$w/02-lzma/result")
  rm -f "$w/02-lzma/result"
  if ! nix-store --delete "$out" >/dev/null 2>&1; then
    echo "[bench] cannot time a fresh build: other roots hold $out:" >&2; nix-store -q --roots "$out" >&2; exit 1
  fi
  s=$(now); (cd "$w/02-lzma" && nix-build "${nixopt[@]}" -o result python.nix && result/bin/python3 -c 'import lzma') >/dev/null 2>&1; p=$(( ($(now) - s) / 1000000 ))
  rm -f "$w/02-lzma/result"; nix-store --delete "$out" >/dev/null
  s=$(now); check 2 >/dev/null 2>&1; t=$(( ($(now) - s) / 1000000 ))
  row "2 lzma (fresh CPython build)" "$t" "$p"
fi
echo "[bench] Nix $(nix-build --version | sed 's/.* //'), $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)" >&2
