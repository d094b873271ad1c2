# Shared by the bench/*.sh scripts (sourced; they set $runs first).
now() { date +%s%N; }
# median wall time in ms of $runs runs of a command (its output discarded, its failure ignored)
median() {
  local t=() i s
  for ((i = 0; i < runs; i++)); do
    s=$(now); "$@" >/dev/null 2>&1 || true; t+=($(( ($(now) - s) / 1000000 )))
  done
  printf '%s\n' "${t[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
# a table row: label, toolkit ms, plain ms, ratio
row() { printf '%-34s %9s ms %9s ms %7.2fx\n' "$1" "$2" "$3" "$(echo "$2 / $3" | bc -l)"; }
