#!/usr/bin/env bash
# The cost of reporting many findings (#12): `jiha check` on a copy of data/ whose
# programme-spark proposal cites N unknown sources (N findings), and on one whose French title
# holds 20,000 distinct characters no PDF font draws. Prints wall time, peak memory and the
# size of standard error. Needs GNU time.
#   JIHA=target/release/jiha bash bench/report.sh
set -euo pipefail
cd "$(dirname "$0")/.."
jiha="$(realpath "${JIHA:-target/release/jiha}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

measure() { # name, dataset
  /usr/bin/time -f "%e %M" -o "$work/time" "$jiha" check --data "$2" 2>"$work/err" >/dev/null || true
  read -r secs kb < <(tail -n 1 "$work/time")
  printf '| %s | %s s | %s MiB | %s bytes |\n' "$1" "$secs" "$((kb / 1024))" "$(stat -c %s "$work/err")"
}

echo "| dataset | wall | peak memory | standard error |"
echo "|---|---:|---:|---:|"
for n in 16000 64000; do
  cp -r data "$work/refs-$n"
  python3 - "$work/refs-$n/proposals/programme-spark.ron" "$n" <<'PY'
import sys
path, n = sys.argv[1], int(sys.argv[2])
text = open(path).read()
ids = ",\n".join(f'        "nope-{i}"' for i in range(n))
text = text.replace('sources: ["discours-achour", "lesiteinfo-spark-2022"]', "sources: [\n" + ids + "\n    ]", 1)
open(path, "w").write(text)
PY
  measure "$n unknown sources ($n findings)" "$work/refs-$n"
done
cp -r data "$work/glyphs"
python3 - "$work/glyphs/proposals/programme-spark.ron" <<'PY'
import sys
path = sys.argv[1]
text = open(path).read()
cjk = "".join(chr(0x4E00 + i) for i in range(20000))
text = text.replace('"fr": "Le programme Spark pour les start-ups, PME et TPE innovantes"', '"fr": "' + cjk + '"', 1)
open(path, "w").write(text)
PY
measure "20,000 distinct unprintable characters in one text" "$work/glyphs"
