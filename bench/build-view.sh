#!/usr/bin/env bash
# Benchmark: what the live build view costs, and how good its estimate is. Three fresh CPython
# builds in three workspaces (about 3 x 2 minutes here):
#   1. Build.java: the CPU time of the toolkit's own JVM (its threads, not the build it starts);
#   2. a plain nix-build of the same kind of file: the CPU time of the nix-build process itself;
#   3. Build.java again: the estimate it started from (the first build's time, as BuildTimes kept
#      it) against the real time.
#   bench/build-view.sh
set -euo pipefail
cd "$(dirname "$0")/.."
base=$PWD/bench/work-view${NIXPY_NIX:+-$NIXPY_NIX}
rm -rf "$base"
nixopt=(--option substituters '')
if nix --extra-experimental-features nix-command show-config 2>/dev/null | grep -qx 'sandbox = true'; then
  nixopt+=(--option extra-sandbox-paths "/usr /lib=/usr/lib /lib64=/usr/lib64 /etc/alternatives ${NIXPY_SOURCES:-/var/tmp/nixpylab-sources}")
fi
tick=$(getconf CLK_TCK)
times=${XDG_CACHE_HOME:-$HOME/.cache}/nixpylab/build-times.tsv

# CPU time (ms) of one process alone, sampled until it ends; prints the last sample
cpu_until_exit() {
  local pid=$1 last=0 s
  while s=$(awk -v t="$tick" '{print int(($14 + $15) * 1000 / t)}' "/proc/$pid/stat" 2>/dev/null); do
    last=$s; sleep 0.5
  done
  echo "$last"
}
# ./jbang runs JBang's decision, then execs the step's JVM in its own process: wait for that
exec_java() {
  local pid=$1 i
  for ((i = 0; i < 600; i++)); do
    [ "$(cat /proc/$pid/comm 2>/dev/null)" = java ] && [ -z "$(pgrep -P "$pid" -x java || true)" ] && { echo "$pid"; return; }
    sleep 0.05
  done
  echo "$pid"
}
last_time() { awk -F'\t' '$1 == "chrism-py311" {v=$2} END {print v+0}' "$times" 2>/dev/null || echo 0; }
prepare() { ./jbang --quiet scripts/PostPatch.java --workdir "$base/$1" --from-start >/dev/null 2>&1; }

for w in a b c; do prepare $w; done
echo "[bench] 1. Build.java (fresh CPython)" >&2
s=$(date +%s%N)
./jbang --quiet scripts/Build.java --workdir "$base/a" >/dev/null 2>"$base/a.err" & top=$!
jvm=$(exec_java $top); jvm_cpu=$(cpu_until_exit "$jvm"); wait $top
t1=$(( ($(date +%s%N) - s) / 1000000 ))

echo "[bench] 2. plain nix-build (fresh CPython)" >&2
s=$(date +%s%N)
nix-build "${nixopt[@]}" "$(ls "$base"/b/chrism-py*.nix)" -o "$base/b/result" >/dev/null 2>"$base/b.err" & nb=$!
nb_cpu=$(cpu_until_exit $nb); wait $nb
p=$(( ($(date +%s%N) - s) / 1000000 ))

estimate=$(last_time)
echo "[bench] 3. Build.java again, from an estimate of ${estimate} s" >&2
./jbang --quiet scripts/Build.java --workdir "$base/c" >/dev/null 2>"$base/c.err"
actual=$(last_time)

printf '%-44s %10s %10s\n' "" "toolkit" "plain"
printf '%-44s %7s ms %7s ms\n' "wall time of a fresh CPython build" "$t1" "$p"
printf '%-44s %7s ms %7s ms\n' "CPU of the process itself (not the build)" "$jvm_cpu" "$nb_cpu"
printf '%-44s %9.2f%% %9.2f%%\n' "  as a share of the wall time" "$(echo "100 * $jvm_cpu / $t1" | bc -l)" "$(echo "100 * $nb_cpu / $p" | bc -l)"
printf 'estimate on the second Build.java: %s s, real %s s, off by %s s (%.0f%%)\n' "$estimate" "$actual" "$(( actual - estimate ))" \
  "$(echo "100 * ($actual - $estimate) / $actual" | bc -l)"
echo "[bench] Nix $(nix-build --version | sed 's/.* //'), $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)" >&2
for w in a c; do ./jbang --quiet scripts/ForceDelete.java --workdir "$base/$w" >/dev/null 2>&1 || true; done
out=$(readlink "$base/b/result"); rm -f "$base/b/result"; nix-store --delete "$out" >/dev/null 2>&1 || true
