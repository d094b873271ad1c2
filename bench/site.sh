#!/usr/bin/env bash
# Benchmark: rendering the site warm (every block from its transcript) against a plain
# AsciidoctorJ conversion of the same chapters without the run:: extension (Site.java --plain),
# and, with --cold, a render from fresh runs (--refresh: real CPython builds, minutes).
#   bench/site.sh [--runs N] [--cold]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3 cold=0
while [ $# -gt 0 ]; do
  case "$1" in --runs) runs=$2; shift 2;; --cold) cold=1; shift;; *) echo "unknown option $1" >&2; exit 2;; esac
done
. bench/lib.sh
./jbang --quiet scripts/Site.java >/dev/null 2>&1 || { echo "the first render failed: run ./jbang scripts/Site.java and read its errors" >&2; exit 1; }
plain=$(median ./jbang --quiet scripts/Site.java --plain --out build/site-plain)
warm=$(median ./jbang --quiet scripts/Site.java)
printf '%-36s %9s ms\n' "plain AsciidoctorJ (no extension)" "$plain"
printf '%-36s %9s ms %7.2fx\n' "warm render (transcripts)" "$warm" "$(echo "$warm / $plain" | bc -l)"
if [ "$cold" = 1 ]; then
  s=$(now); ./jbang --quiet scripts/Site.java --refresh >/dev/null 2>&1; c=$(( ($(now) - s) / 1000000 ))
  printf '%-36s %9s ms %7.2fx\n' "cold render (--refresh, real builds)" "$c" "$(echo "$c / $plain" | bc -l)"
fi
