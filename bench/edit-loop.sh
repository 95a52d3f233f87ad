#!/usr/bin/env bash
# The editor's loop: from editing one label in data/figures.ron to a rebuilt release binary,
# and `jiha check --data DIR` on the same edit (the loop without a Rust toolchain).
# Each timed build follows a real edit: hyperfine's --prepare switches the label between two
# wordings, so every run rebuilds. data/figures.ron is restored on exit.
#   RUNS=5 bash bench/edit-loop.sh
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-5}"
file=data/figures.ron
work="$(mktemp -d)"
cp "$file" "$work/figures.ron.orig"
trap 'cp "$work/figures.ron.orig" "$file"; rm -rf "$work"' EXIT

# Switches the first French label of figures.ron between its wording and an edited one.
cat > "$work/toggle.py" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
old, new = '"fr": "Présence de Huawei au Maroc"', '"fr": "Présence de Huawei au Maroc (édité)"'
text = text.replace(new, old) if new in text else text.replace(old, new, 1)
open(path, "w", encoding="utf-8").write(text)
PY

cargo build --release --quiet # start from an up-to-date binary
hyperfine --style none --runs "$runs" --export-json "$work/build.json" \
  --prepare "python3 $work/toggle.py $file" "cargo build --release --quiet" >/dev/null
# The last build holds the edit or not, depending on the parity of the runs: check it is the
# binary of the file as it stands now.
target/release/jiha export-data "$work/embedded" >/dev/null
cmp -s "$file" "$work/embedded/figures.ron" || { echo "the rebuilt binary does not hold the edit" >&2; exit 1; }

cp -r "$work/embedded" "$work/edited"
python3 "$work/toggle.py" "$work/edited/figures.ron"
hyperfine --style none --warmup 1 --runs "$runs" --export-json "$work/check.json" \
  "target/release/jiha check --data $work/edited" >/dev/null

# Back to the committed data, and to its binary.
cp "$work/figures.ron.orig" "$file"
cargo build --release --quiet

python3 - "$work/build.json" "$work/check.json" <<'PY'
import json, statistics, sys
print("| step | median | min – max | runs |")
print("|---|---:|---:|---:|")
for name, path in zip(["`cargo build --release` after the edit", "`jiha check --data DIR` on the edit"], sys.argv[1:]):
    t = json.load(open(path))["results"][0]["times"]
    unit, scale = ("s", 1) if statistics.median(t) >= 1 else ("ms", 1000)
    print(f"| {name} | {statistics.median(t)*scale:.2f} {unit} | {min(t)*scale:.2f} – {max(t)*scale:.2f} {unit} | {len(t)} |")
PY
