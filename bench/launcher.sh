#!/usr/bin/env bash
# Benchmark: where a step's start-up goes, and what each way of cutting it gives. For one step
# (default Roots, on the workspace bench/steps.sh prepares), median wall times of:
#   JBang decides        ./jbang with the kept command turned off (NIXPY_JBANG_FAST=0): JBang's own check each run
#   JBang decides, --cds the same with JBang's own class-data sharing option
#   kept command         ./jbang as it is: the java command JBang printed last time, run directly
#   java directly        that java command typed by hand: the floor for a JVM start
#   java + AppCDS        the same with a class-data archive made from one run (-XX:SharedArchiveFile)
#   plain nix            the Nix commands doing the step's work
#   bench/launcher.sh [--runs N] [--step Roots|Build|TestPython]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=9 step=Roots
while [ $# -gt 0 ]; do
  case "$1" in --runs) runs=$2; shift 2;; --step) step=$2; shift 2;; *) echo "unknown option $1" >&2; exit 2;; esac
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
slow() { NIXPY_JBANG_FAST=0 ./jbang --quiet "scripts/$step.java" --workdir "$ws"; }
jbangcds() { NIXPY_JBANG_FAST=0 ./jbang --quiet --cds "scripts/$step.java" --workdir "$ws"; }
toolkit >/dev/null 2>&1 || true; toolkit >/dev/null 2>&1 || true
entry=$(grep -l "/$step.jar:" "${NIXPY_JBANG_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/nixpylab/jbang}"/commands/* | xargs ls -t | head -1)
eval "set -- $(head -1 "$entry")"
direct() { "$@" --workdir "$ws"; }
jsa=$PWD/bench/work-$step.jsa
rm -f "$jsa"; "$@" -XX:ArchiveClassesAtExit="$jsa" --workdir "$ws" >/dev/null 2>&1 || true
cds() { local j=$1; shift; "$j" -XX:SharedArchiveFile="$jsa" -Xlog:cds=off -Xlog:cds+dynamic=off "$@" --workdir "$ws"; }

printf '%-28s %22s %9s\n' "$step ($runs runs, median (min-max))" "wall" "vs plain"
read -r p plo phi <<<"$(spread plain)"
jbangcds >/dev/null 2>&1 || true # JBang makes its archive on the first run
for way in slow jbangcds toolkit direct cds; do
  case $way in slow) label="JBang decides";; jbangcds) label="JBang decides, --cds";; toolkit) label="kept command (./jbang)";; direct) label="java directly";; cds) label="java + AppCDS";; esac
  read -r t lo hi <<<"$(spread $way "$@")"
  printf '%-28s %22s %+6s ms\n' "$label" "$(ms "$t $lo $hi")" "$((t - p))"
done
printf '%-28s %22s\n' "plain nix" "$(ms "$p $plo $phi")"
echo "[bench] Nix $(nix-build --version | sed 's/.* //'), $(java -version 2>&1 | head -1), $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)" >&2
