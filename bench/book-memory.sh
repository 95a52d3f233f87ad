#!/usr/bin/env bash
# The book's PDF at scale (#12): peak memory and wall time of `jiha render book -f pdf -l fr`
# on synthetic datasets of N proposals (bench/gen-dataset.py), to see memory grow in step with
# the data. Needs GNU time. Sizes as arguments, "N" or "N:SOURCES" (sources per proposal):
#   JIHA=target/release/jiha bash bench/book-memory.sh 110 300 600 1000 1000:20
set -euo pipefail
cd "$(dirname "$0")/.."
jiha="$(realpath "${JIHA:-target/release/jiha}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$jiha" export-data "$work/base" >/dev/null

echo "| proposals | sources each | peak memory | wall |"
echo "|---:|---:|---:|---:|"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(110 300)
for size in "${sizes[@]}"; do
  n="${size%%:*}"
  sources=""
  [[ "$size" == *:* ]] && sources="${size#*:}"
  python3 bench/gen-dataset.py "$n" "$work/base" "$work/d" $sources >/dev/null
  /usr/bin/time -f "%e %M" -o "$work/time" \
    "$jiha" render book -f pdf -l fr --data "$work/d" -o "$work/out" >/dev/null
  read -r secs kb < <(tail -n 1 "$work/time")
  printf '| %s | %s | %s MiB | %s s |\n' "$n" "${sources:-as generated}" "$((kb / 1024))" "$secs"
  rm -rf "$work/d" "$work/out"
done
