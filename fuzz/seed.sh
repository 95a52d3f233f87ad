#!/usr/bin/env bash
# Writes the fuzz targets' seed inputs, from the repository's dataset, into fuzz/corpus/:
# every file of data/ for `parse` and `check` (behind the byte that chooses its shape or its
# place), and a few texts in each language for `render` and `pdf`. Run from anywhere;
# idempotent.
set -euo pipefail
cd "$(dirname "$0")"
data=../data
mkdir -p corpus/parse corpus/check corpus/render corpus/pdf

# parse: the shape's index in fuzz_targets/parse.rs's NAMES.
shape() {
  case "$1" in
    dataset.ron) echo 0 ;; sources.ron) echo 1 ;; actors.ron) echo 2 ;;
    figures.ron) echo 3 ;; regions.ron) echo 4 ;; outlines.ron) echo 5 ;;
    proposals/*) echo 6 ;; labels/*) echo 7 ;;
  esac
}

# check: the file's index among data/'s files, sorted by name as fuzz_targets/check.rs sorts.
i=0
for name in $(cd "$data" && find . -name '*.ron' | sed 's|^\./||' | LC_ALL=C sort); do
  seed=$(echo "$name" | tr '/' '_')
  { printf "\\$(printf '%03o' "$(shape "$name")")"; cat "$data/$name"; } > "corpus/parse/$seed"
  { printf "\\$(printf '%03o' "$i")"; cat "$data/$name"; } > "corpus/check/$seed"
  i=$((i + 1))
done

# render and pdf: the language's index, then texts separated by 0xFF.
for target in render pdf; do
  printf '\000Titre\377Court\377Un r\303\251sum\303\251 de deux phrases. La seconde.' > corpus/$target/fr
  printf '\001Title\377Short\377A summary of two sentences. The second one.' > corpus/$target/en
  printf '\002\330\271\331\206\331\210\330\247\331\206\377\330\271' > corpus/$target/ar
done
