#!/usr/bin/env bash
# Benchmark: each tutorial step next to the plain Nix commands doing the same work, on the
# same workspace, in the same run. Prints median wall times (ms) and the ratio toolkit/plain.
#   bench/steps.sh [--runs N] [--cpython]
# --cpython also times one fresh CPython build by Build.java against a plain nix-build of the
# same file (about 2 x 2 minutes here).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=5 cpython=0
while [ $# -gt 0 ]; do
  case "$1" in --runs) runs=$2; shift 2;; --cpython) cpython=1; shift;; *) echo "unknown option $1" >&2; exit 2;; esac
done
# on the current Nix (./jbang scripts/CurrentNix.java shell -- bench/steps.sh) the workspace is its own
ws=$PWD/bench/work${NIXPY_NIX:+-$NIXPY_NIX}
nixopt=(--option substituters '')
# with the sandbox on, the plain commands open what the bare profile's steps open (see HostPaths)
if nix --extra-experimental-features nix-command show-config 2>/dev/null | grep -qx 'sandbox = true'; then
  nixopt+=(--option extra-sandbox-paths "/usr /lib=/usr/lib /lib64=/usr/lib64 /etc/alternatives ${NIXPY_SOURCES:-/var/tmp/nixpylab-sources}")
fi

. bench/lib.sh

echo "[bench] preparing $ws (fetch + postPatch + build, once)" >&2
./jbang --quiet scripts/Build.java --workdir "$ws" --from-start >/dev/null 2>&1
nixfile=$(ls "$ws"/chrism-py*.nix)
out=$(readlink "$ws/result")
url=$(sed -n 's/^ *url = "\(.*\)";/\1/p' "$nixfile")
sed 's/hash = "sha256-[^"]*"/hash = "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="/' "$nixfile" > "$ws/.fake.nix"

plain_fetch() { nix-build "${nixopt[@]}" "$ws/.fake.nix" --no-out-link; nix-build "${nixopt[@]}" "$nixfile" -A src --no-out-link; }
plain_build() { nix-build "${nixopt[@]}" "$nixfile" -o "$ws/result"; }
plain_roots() { nix-store -q --roots "$out"; nix-store --gc --print-roots; }
plain_test() { for m in zlib readline lzma sqlite3 curses bz2 ctypes hashlib ssl tkinter; do "$out/bin/python3" -c "import $m"; done; }
tool() { ./jbang --quiet "scripts/$1.java" --workdir "$ws" "${@:2}"; }
# NixCommand's work by hand, in the workspace: each step with the nix command (and the classic one where it has none),
# the Closure program deleted the safe way and built again, rebuilt live with --rebuild and --check, the log both ways
nixc=(nix --extra-experimental-features nix-command)
plain_nix_command() (
  cd "$ws"
  "${nixc[@]}" build "${nixopt[@]}" -f "$nixfile" src --no-link --json
  if "${nixc[@]}" derivation show --help >/dev/null 2>&1; then "${nixc[@]}" derivation show "${nixopt[@]}" -f "$nixfile"; else "${nixc[@]}" show-derivation "${nixopt[@]}" -f "$nixfile"; fi
  "${nixc[@]}" build "${nixopt[@]}" -f "$nixfile" -o result --json
  nix-store "${nixopt[@]}" -q --roots ./result
  prog=$(readlink result-hello)
  "${nixc[@]}" store delete "${nixopt[@]}" ./result-hello || true
  rm result-hello
  "${nixc[@]}" store delete "${nixopt[@]}" "$prog"
  "${nixc[@]}" build "${nixopt[@]}" -f hello-py.nix -o result-hello --json
  "${nixc[@]}" build "${nixopt[@]}" -f hello-py.nix --rebuild --no-link
  nix-build "${nixopt[@]}" hello-py.nix --check --no-out-link
  "${nixc[@]}" log "${nixopt[@]}" ./result | tail -n 5
  nix-store --read-log ./result | tail -n 5
)
# Trust's work by hand: a file added, kept by a root, a restricted setting passed, a plain and a forced delete, then the safe one
plain_trust() (
  cd "$ws"
  echo "Added to the Nix store by NixPy Lab's Trust step, run as $(id -un)." > trust-note.txt
  p=$(nix-store --add trust-note.txt)
  nix-store -r "$p" --add-root trust-kept --indirect
  nix-store --option extra-sandbox-paths /usr -q --roots "$p"
  nix-store --delete "$p" || true
  nix-store --delete --ignore-liveness "$p" || true
  rm -f trust-kept
  if nix-store -q --hash "$p" >/dev/null 2>&1; then nix-store --delete "$p"; fi
)

echo "[bench] $runs runs each; JBang's compiled jars are cached (warm)" >&2
# each step twice (JBang's answer kept, its class list written), then until ./jbang's class-data
# archives are made (in the background): what a learner's warm runs start from
tool Closure >/dev/null 2>&1  # NixCommand works on Closure's program
for s in FetchFakeHash Build Roots TestPython NixCommand Trust; do tool $s >/dev/null 2>&1 || true; tool $s >/dev/null 2>&1 || true; done
for _ in $(seq 60); do pgrep -f -- '-Xshare:dump' >/dev/null || break; sleep 1; done
printf '%-34s %22s %22s %8s %s\n' "step (${runs} runs, median (min-max))" "toolkit" "plain nix" "ratio" "  toolkit-plain"
row "FetchFakeHash (fake, got, prove)" "$(spread tool FetchFakeHash)" "$(spread plain_fetch)"
row "Build (already in the store)" "$(spread tool Build)" "$(spread plain_build)"
row "Roots" "$(spread tool Roots)" "$(spread plain_roots)"
row "TestPython (10 imports)" "$(spread tool TestPython)" "$(spread plain_test)"
row "NixCommand (each step, nix command)" "$(spread tool NixCommand)" "$(spread plain_nix_command)"
row "Trust (add, keep, delete three ways)" "$(spread tool Trust)" "$(spread plain_trust)"
row "JVM+JBang start (--version)" "$(spread tool Roots --version)" "$(spread true)"

if [ "$cpython" = 1 ]; then
  echo "[bench] fresh CPython builds: plain nix-build, then Build.java (each after a forced delete)" >&2
  tool ForceDelete >/dev/null 2>&1
  s=$(now); plain_build >/dev/null 2>&1; p=$(( ($(now) - s) / 1000000 ))
  nix-store --delete --ignore-liveness "$out" >/dev/null 2>&1; rm -f "$ws/result"
  s=$(now); tool Build >/dev/null 2>&1; t=$(( ($(now) - s) / 1000000 ))
  row "Build (fresh CPython)" "$t" "$p"
fi
# the plain commands must have done the step's work: the fake hash refused with Nix's got: line, the source proved
if ! plain_fetch >"$ws/.plain-fetch.log" 2>&1; then :; fi
grep -q 'got:' "$ws/.plain-fetch.log" && grep -q "$(basename "$(nix-build "${nixopt[@]}" "$nixfile" -A src --no-out-link 2>/dev/null)")" "$ws/.plain-fetch.log" \
  || { echo "[bench] warning: the plain fetch did not do the step's work; its output:" >&2; cat "$ws/.plain-fetch.log" >&2; }
echo "[bench] Nix $(nix-build --version | sed 's/.* //'), $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)" >&2
