#!/usr/bin/env bash
# Writes a source excerpt for the claims ledger (docs/claims.adoc): a header saying what it is,
# where it is upstream and which copy it was taken from, then the lines as the source has them.
#
#   docs/sources/excerpt.sh man VERSION PAGE [FROM TO]
#       a Nix manual page as the nix-bin package of that Nix installs it, rendered as text
#       (2.8.0: this machine's Debian bookworm nix-bin; 2.34.8: the current Nix's root, made by
#       ./jbang scripts/CurrentNix.java setup), whole or lines FROM..TO of the rendered page
#   docs/sources/excerpt.sh tree REF DIR FROM TO
#       lines FROM..TO of a file of an unpacked source tree, REF being PROJECT-VERSION/PATH and
#       DIR the tree's top (nix-2.8.0 from Debian's nix_2.8.0.orig.tar.xz, cpython-3.11.2 from
#       Debian's python3.11_3.11.2.orig.tar.gz, both fetched with apt-get source, which checks them
#       against the archive's signed Release file)
#   docs/sources/excerpt.sh text REF UPSTREAM TAKEN-FROM < lines
#       lines read elsewhere (a file of a repository at a commit), with their provenance
#
# Run from the repository's top. The excerpt lands in docs/sources/REF.
set -euo pipefail
root=/var/lib/nixpylab/sid

write() { # REF SOURCE UPSTREAM TAKEN-FROM, body on stdin
  local out="docs/sources/$1"
  mkdir -p "$(dirname "$out")"
  { printf '// source: %s\n// upstream: %s\n// taken from: %s\n\n' "$2" "$3" "$4"; cat; } >"$out.tmp"
  mv "$out.tmp" "$out"
  echo "$out"
}

case "${1:-}" in
  man)
    version=$2 page=$3
    case "$version" in
      2.8.0) prefix="" ;;
      2.34.8) prefix=$root ;;
      *) echo "no nix-bin of Nix $version here (2.8.0: this machine's; 2.34.8: the current Nix's root)" >&2; exit 2 ;;
    esac
    section=${page##*.}
    file=$(ls "$prefix/usr/share/man/man$section/$page.gz")
    pkg=$(dpkg-query --admindir="$prefix/var/lib/dpkg" -W -f='${Version}' nix-bin)
    case "$pkg" in "$version"*) ;; *) echo "the nix-bin there is $pkg, not Nix $version" >&2; exit 2 ;; esac
    text=$(MANWIDTH=100 LC_ALL=C.UTF-8 man --nj --nh -l "$file" 2>/dev/null | col -bx)
    what="the $page manual page of Nix $version"
    if [ $# -ge 5 ]; then text=$(sed -n "$4,$5p" <<<"$text"); what="$what, lines $4-$5 as rendered"; fi
    name=${page%.*}
    case "$name" in
      nix3-*) url="https://nix.dev/manual/nix/${version%.*}/command-ref/new-cli/$name" ;;
      nix.conf) url="https://nix.dev/manual/nix/${version%.*}/command-ref/conf-file" ;;
      nix-store-*) url="https://nix.dev/manual/nix/${version%.*}/command-ref/nix-store/${name#nix-store-}" ;;
      *) url="https://nix.dev/manual/nix/${version%.*}/command-ref/$name" ;;
    esac
    printf '%s\n' "$text" | write "nix-$version/man/$page" "$what" "$url" \
      "/usr/share/man/man$section/$page.gz of Debian's nix-bin $pkg (the package of the Nix these pages were recorded on), rendered with man"
    ;;
  tree)
    ref=$2 dir=$3 from=$4 to=$5
    project=${ref%%/*} path=${ref#*/}
    case "$project" in
      nix-2.8.0) url="https://github.com/NixOS/nix/blob/2.8.0/$path#L$from-L$to"
        taken="Debian bookworm's nix_2.8.0.orig.tar.xz (sha256 08b5a0427218de1906bf03004dcbe51d69c55a7b13ccc22c0bbd83ab3f2ed2f6), fetched with apt-get source, which checked it against the archive's signed Release file" ;;
      cpython-3.11.2) url="https://github.com/python/cpython/blob/v3.11.2/$path#L$from-L$to"
        taken="Debian bookworm's python3.11_3.11.2.orig.tar.gz (sha256 2411c74bda5bbcfcddaf4531f66d1adc73f247f529aee981b029513aefdbf849), fetched with apt-get source, which checked it against the archive's signed Release file" ;;
      *) echo "no known copy of $project (nix-2.8.0, cpython-3.11.2)" >&2; exit 2 ;;
    esac
    sed -n "${from},${to}p" "$dir/$path" | write "$ref" "$path of $project, lines $from-$to" "$url" "$taken"
    ;;
  text)
    write "$2" "${2#*/} of ${2%%/*}" "$3" "$4"
    ;;
  *)
    sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
