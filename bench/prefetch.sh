#!/usr/bin/env bash
# Benchmark: scripts/Prefetch.java against nix-prefetch-url on the CPython source tarball, in
# the same run: wall time (median of N) and peak memory (GNU time's maximum resident set size).
#   bench/prefetch.sh [--runs N] [--big] [TARBALL]
# --big adds a 1 GiB tree (one file of zeros, gzip) to show memory staying flat (heap capped at 64 MiB).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=5
[ "${1:-}" = "--runs" ] && { runs=$2; shift 2; }
big=0
[ "${1:-}" = "--big" ] && { big=1; shift; }
tarball=${1:-$(ls /var/tmp/nixpylab-sources/python*.orig.tar.* 2>/dev/null | head -1)}
[ -f "$tarball" ] || { echo "no tarball: run the FetchFakeHash step first or give one" >&2; exit 1; }
command -v /usr/bin/time >/dev/null || { echo "GNU time is needed: apt-get install -y time" >&2; exit 1; }
url="file://$tarball"

run() { # label, command...: prints median ms and the largest max RSS (MiB) over the runs
  local label=$1; shift
  local t=() m=0 i s rss
  for ((i = 0; i < runs; i++)); do
    s=$(date +%s%N)
    rss=$(/usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1)
    t+=($(( ($(date +%s%N) - s) / 1000000 )))
    [ "$rss" -gt "$m" ] && m=$rss
  done
  printf '%s %s %s\n' "$label" "$(printf '%s\n' "${t[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')" "$((m / 1024))"
}
jar_cmd() { # the java command JBang would run, so JBang's own start is measured apart
  ./jbang --quiet build scripts/Prefetch.java >/dev/null 2>&1
  echo java -Xmx64m -XX:+UseSerialGC -Xshare:auto -cp "$(./jbang --quiet info classpath scripts/Prefetch.java 2>/dev/null)" Prefetch
}
read -r -a java_prefetch <<<"$(jar_cmd)"

echo "[bench] $(basename "$tarball"), $(du -h "$tarball" | cut -f1), $runs runs each" >&2
{
  run "nix-prefetch-url-unpack" nix-prefetch-url --option substituters '' --unpack "$url"
  run "Prefetch.java-unpack(java)" "${java_prefetch[@]}" "$tarball"
  run "Prefetch.java-unpack(jbang)" ./jbang --quiet scripts/Prefetch.java "$tarball"
  run "nix-prefetch-url-flat" nix-prefetch-url --option substituters '' "$url"
  run "Prefetch.java-flat(java)" "${java_prefetch[@]}" --flat "$tarball"
} | awk 'BEGIN { printf "%-30s %10s %10s %8s\n", "command", "median ms", "peak MiB", "vs nix" }
         /^nix-prefetch-url-unpack/ { nu = $2 } /^nix-prefetch-url-flat/ { nf = $2 }
         { base = ($1 ~ /flat/) ? nf : nu; printf "%-30s %10d %10d %7.2fx\n", $1, $2, $3, (base ? $2 / base : 0) }'

if [ "$big" = 1 ]; then
  d=/var/tmp/nixpylab-bench-big; rm -rf "$d"; mkdir -p "$d/big"; chmod 755 "$d"
  head -c 1G /dev/zero > "$d/big/zeros"; echo small > "$d/big/small"
  tar -C "$d" -czf "$d/big.tar.gz" big; rm -rf "$d/big"; chmod 644 "$d/big.tar.gz"
  echo "[bench] 1 GiB tree: $(du -h "$d/big.tar.gz" | cut -f1) gzip" >&2
  runs=1 tarball="$d/big.tar.gz"
  {
    run "nix-prefetch-url-unpack" nix-prefetch-url --option substituters '' --unpack "file://$tarball"
    run "Prefetch.java-unpack(java)" "${java_prefetch[@]}" "$tarball"
  } | awk '/^nix/ { nu = $2 } { printf "%-30s %10d %10d %7.2fx\n", $1, $2, $3, (nu ? $2 / nu : 0) }'
  rm -rf "$d"
fi
