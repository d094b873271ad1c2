# Shared by the bench/*.sh scripts (sourced; they set $runs first).
now() { date +%s%N; }
# wall times in ms of $runs runs of a command (its output discarded, its failure ignored), printed as "median min max"
spread() {
  local t=() i s
  for ((i = 0; i < runs; i++)); do
    s=$(now); "$@" >/dev/null 2>&1 || true; t+=($(( ($(now) - s) / 1000000 )))
  done
  stats "${t[@]}"
}
# "median min max" of the numbers given
stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)], a[1], a[NR]}'; }
# the median alone
median() { local m; read -r m _ <<<"$(spread "$@")"; echo "$m"; }
# "median (min-max)" from "median [min max]"
ms() { set -- $1; if [ $# -ge 3 ]; then printf '%s ms (%s-%s)' "$1" "$2" "$3"; else printf '%s ms' "$1"; fi; }
# a table row: label, toolkit ms, plain ms (each "median" or "median min max"), ratio and difference of the medians
row() { local t=($2) p=($3); printf '%-34s %22s %22s %7.2fx %+7d ms\n' "$1" "$(ms "$2")" "$(ms "$3")" "$(echo "${t[0]} / ${p[0]}" | bc -l)" "$((t[0] - p[0]))"; }
