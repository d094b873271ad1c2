#!/usr/bin/env bash
# Benchmark: where a step's start-up goes, and what each way of cutting it gives. For one step
# (default Roots, on the workspace bench/steps.sh prepares), median wall times of:
#   JBang decides        ./jbang with the kept command turned off (NIXPY_JBANG_FAST=0): JBang's own check each run
#   JBang decides, --cds the same with JBang's own class-data sharing option
#   kept, no archive     ./jbang with its class-data archive turned off (NIXPY_JBANG_CDS=0)
#   kept + archive       ./jbang as it is: the kept java command with its static CDS archive
#   java directly        the kept java command typed by hand, no archive: the floor for a plain JVM start
#   java + dynamic CDS   that with an archive from one run's -XX:ArchiveClassesAtExit (JDK 17 leaves picocli out)
#   plain nix            the Nix commands doing the step's work
# The ways take turns, run by run, so that a machine busier for a while weighs on each alike.
# --after-change also times the runs after a change (the script's time touched): the first, where
# JBang decides (and the archive for the new key is made in the background), then the next two.
#   bench/launcher.sh [--runs N] [--step Roots|Build|TestPython] [--after-change]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=9 step=Roots after=0
while [ $# -gt 0 ]; do
  case "$1" in --runs) runs=$2; shift 2;; --step) step=$2; shift 2;; --after-change) after=1; shift;; *) echo "unknown option $1" >&2; exit 2;; esac
done
. bench/lib.sh
ws=$PWD/bench/work${NIXPY_NIX:+-$NIXPY_NIX}
nixopt=(--option substituters '')
if [ ! -L "$ws/result" ]; then
  echo "[bench] preparing $ws (fetch + postPatch + build, once)" >&2
  ./jbang --quiet scripts/Build.java --workdir "$ws" --from-start >/dev/null 2>&1
fi
out=$(readlink "$ws/result")
nixfile=$(ls "$ws"/chrism-py*.nix)
case "$step" in
  Roots) plain() { nix-store -q --roots "$out"; nix-store --gc --print-roots; } ;;
  Build) plain() { nix-build "${nixopt[@]}" "$nixfile" -o "$ws/result"; } ;;
  TestPython) plain() { for m in zlib readline lzma sqlite3 curses bz2 ctypes hashlib ssl tkinter; do "$out/bin/python3" -c "import $m"; done; } ;;
  *) echo "unknown step $step" >&2; exit 2 ;;
esac
toolkit() { ./jbang --quiet "scripts/$step.java" --workdir "$ws"; }
nocds() { NIXPY_JBANG_CDS=0 ./jbang --quiet "scripts/$step.java" --workdir "$ws"; }
slow() { NIXPY_JBANG_FAST=0 ./jbang --quiet "scripts/$step.java" --workdir "$ws"; }
jbangcds() { NIXPY_JBANG_FAST=0 ./jbang --quiet --cds "scripts/$step.java" --workdir "$ws"; }
cache=${NIXPY_JBANG_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/nixpylab/jbang}
toolkit >/dev/null 2>&1 || true; toolkit >/dev/null 2>&1 || true
for _ in $(seq 30); do ls "$cache"/cds/"$step"-*.jsa >/dev/null 2>&1 && break; sleep 1; done
entry=$(grep -l "/$step.jar:" "$cache"/commands/* | xargs ls -t | head -1)
eval "set -- $(head -1 "$entry")"
direct() { "$@" --workdir "$ws"; }
jsa=$PWD/bench/work-$step.jsa
rm -f "$jsa"; "$@" -XX:ArchiveClassesAtExit="$jsa" --workdir "$ws" >/dev/null 2>&1 || true
cds() { local j=$1; shift; "$j" -XX:SharedArchiveFile="$jsa" -Xlog:cds=off -Xlog:cds+dynamic=off "$@" --workdir "$ws"; }

printf '%-28s %22s %9s\n' "$step ($runs runs, median (min-max))" "wall" "vs plain"
jbangcds >/dev/null 2>&1 || true # JBang makes its archive on the first run
ways=(plain slow jbangcds nocds toolkit direct cds)
declare -A took
for ((i = 0; i < runs; i++)); do
  for way in "${ways[@]}"; do
    s=$(now); $way "$@" >/dev/null 2>&1 || true; took[$way]+=" $(( ($(now) - s) / 1000000 ))"
  done
done
read -r p plo phi <<<"$(stats ${took[plain]})"
for way in slow jbangcds nocds toolkit direct cds; do
  case $way in slow) label="JBang decides";; jbangcds) label="JBang decides, --cds";; nocds) label="kept, no archive";; toolkit) label="kept + archive (./jbang)";; direct) label="java directly";; cds) label="java + dynamic CDS";; esac
  read -r t lo hi <<<"$(stats ${took[$way]})"
  printf '%-28s %22s %+6s ms\n' "$label" "$(ms "$t $lo $hi")" "$((t - p))"
done
printf '%-28s %22s\n' "plain nix" "$(ms "$p $plo $phi")"
if [ "$after" = 1 ]; then
  touch "scripts/$step.java"
  for label in "after a change (JBang)" "the run after it" "the one after that"; do
    s=$(now); toolkit >/dev/null 2>&1 || true; t=$(( ($(now) - s) / 1000000 ))
    printf '%-28s %22s\n' "$label" "$t ms"
    for _ in $(seq 30); do [ -n "$(find "$cache/cds" -name "$step-*.jsa" -newer "scripts/$step.java")" ] && break; sleep 1; done
  done
fi
echo "[bench] Nix $(nix-build --version | sed 's/.* //'), $(java -version 2>&1 | head -1), $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)" >&2
