#!/usr/bin/env bash
# Compares every file `jiha render --format all --lang all` writes, byte for byte, between a
# base revision and the working tree: the oracle of a refactoring that must change no output.
#
#   bash bench/compare-renders.sh                      # base: b458611, before the #11 rework,
#                                                      # where only ar/book.html may differ
#                                                      # (its Latin comma became the Arabic one)
#   BASE=<rev> bash bench/compare-renders.sh           # another base revision
#   BEFORE=<old jiha binary> bash bench/compare-renders.sh
#   ALLOWED="ar/book.html ar/proposals/x.html" bash bench/compare-renders.sh
#
# The base is built in a temporary git worktree with this checkout's `target/`, so only jiha
# itself is recompiled. Prints each file that differs and exits 1 if any file other than
# those in ALLOWED (paths under the output directory) differs or is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
work="$(mktemp -d)"
worktree=""
cleanup() {
  [ -n "$worktree" ] && git worktree remove --force "$worktree" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${BEFORE:-}" ] && [ -z "${BASE:-}" ] && [ -z "${ALLOWED+set}" ]; then
  ALLOWED="ar/book.html"
fi
if [ -z "${BEFORE:-}" ]; then
  base="${BASE:-b458611}"
  worktree="$work/base"
  git worktree add --detach "$worktree" "$base" >/dev/null 2>&1
  echo "building the base, $(git rev-parse --short "$base") ..." >&2
  (cd "$worktree" && CARGO_TARGET_DIR="$root/target" cargo build --release --quiet --bin jiha)
  cp "$root/target/release/jiha" "$work/jiha-before"
  BEFORE="$work/jiha-before"
fi
echo "building the working tree ..." >&2
cargo build --release --quiet --bin jiha

"$BEFORE" render --format all --lang all -o "$work/before" >/dev/null
"$root/target/release/jiha" render --format all --lang all -o "$work/after" >/dev/null

(cd "$work/before" && find . -type f | sort) > "$work/before.list"
(cd "$work/after" && find . -type f | sort) > "$work/after.list"
status=0
if ! diff -u "$work/before.list" "$work/after.list" >/dev/null; then
  echo "the two renders do not write the same files:"
  diff "$work/before.list" "$work/after.list" || true
  status=1
fi
same=0
while IFS= read -r file; do
  file="${file#./}"
  if cmp -s "$work/before/$file" "$work/after/$file"; then
    same=$((same + 1))
  elif [[ " ${ALLOWED:-} " == *" $file "* ]]; then
    echo "differs, as allowed: $file"
  else
    echo "differs: $file"
    status=1
  fi
done < "$work/before.list"
echo "$same of $(wc -l < "$work/before.list") files byte-identical"
exit "$status"
