#!/usr/bin/env bash
# Whole-process benchmarks of jiha, side by side with what a user would use instead, and at
# scale. Writes the tables of docs/performance.md to stdout. Needs: a release build
# (cargo build --release), hyperfine, chromium, python3 with `pip install typst weasyprint`,
# GNU time.
#   bash bench/run.sh > /tmp/perf.md
# JIHA names another binary to measure, such as the dist build:
#   JIHA=target/dist/jiha bash bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
jiha="$(realpath "${JIHA:-target/release/jiha}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
runs="${RUNS:-10}"

section() { printf '\n### %s\n\n' "$1"; }

# hyperfine's markdown table, medians with min-max.
bench() {
  hyperfine --style none --warmup 1 --runs "$runs" --export-json "$work/h.json" "$@" >/dev/null
  python3 - "$work/h.json" <<'PY'
import json, statistics, sys
rows = json.load(open(sys.argv[1]))["results"]
print("| command | median | min – max | runs |")
print("|---|---:|---:|---:|")
for r in rows:
    t = r["times"]
    print(f"| `{r['command']}` | {statistics.median(t)*1000:.1f} ms | {min(t)*1000:.1f} – {max(t)*1000:.1f} ms | {len(t)} |")
PY
}

section "Machine"
echo "- $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)"
echo "- $(free -g | awk '/Mem:/ {print $2}') GiB of memory"
echo "- jiha $("$jiha" --version | cut -d' ' -f2) (\`${JIHA:-target/release/jiha}\`), $(rustc --version)"

section "Whole process, per format (default dataset, every brief, one language unless said)"
bench -n "html, fr" "$jiha render -f html -l fr -o $work/o1" \
      -n "md, fr" "$jiha render -f md -l fr -o $work/o2" \
      -n "txt, fr" "$jiha render -f txt -l fr -o $work/o3" \
      -n "typst, fr" "$jiha render -f typst -l fr -o $work/o4" \
      -n "pdf, fr" "$jiha render -f pdf -l fr -o $work/o5" \
      -n "html, all languages" "$jiha render -f html -l all -o $work/o6" \
      -n "everything: all formats, all languages" "$jiha render -f all -l all -o $work/o7" \
      -n "check" "$jiha check"

section "The book as PDF: jiha against the alternatives"
"$jiha" render book -f typst,html -l fr -o "$work/book" >/dev/null
cat > "$work/typst-compile.py" <<PY
import typst
typst.compile("$work/book/fr/book.typ", output="$work/book-typst-py.pdf", font_paths=["$PWD/assets/fonts"])
PY
bench -n "jiha render book -f pdf" "$jiha render book -f pdf -l fr -o $work/b1" \
      -n "typst (PyPI) compiling jiha's Typst source" "python3 $work/typst-compile.py" \
      -n "chromium printing jiha's HTML book" "chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --user-data-dir=$work/chr --no-pdf-header-footer --print-to-pdf=$work/book-chromium.pdf $work/book/fr/book.html"
# WeasyPrint (PyPI) takes seconds a run: fewer runs, in a table of its own.
runs=3 bench -n "weasyprint (PyPI) printing jiha's HTML book" "weasyprint $work/book/fr/book.html $work/book-weasy.pdf"

section "Scale: synthetic datasets (bench/gen-dataset.py)"
"$jiha" export-data "$work/base" >/dev/null
echo "| proposals | check: median | check: peak memory | all proposal briefs as HTML: median | HTML: peak memory |"
echo "|---:|---:|---:|---:|---:|"
for n in 100 1000 10000; do
  python3 bench/gen-dataset.py "$n" "$work/base" "$work/d$n"
  
  hyperfine --style none --runs 3 --export-json "$work/c.json" "$jiha check --data $work/d$n" >/dev/null
  hyperfine --style none --runs 3 --export-json "$work/r.json" "$jiha render -f html -l fr --kind proposal --data $work/d$n -o $work/r$n" >/dev/null
  mem_check=$(/usr/bin/time -f %M "$jiha" check --data "$work/d$n" 2>&1 >/dev/null | tail -1)
  mem_render=$(/usr/bin/time -f %M "$jiha" render -f html -l fr --kind proposal --data "$work/d$n" -o "$work/m$n" 2>&1 >/dev/null | tail -1)
  python3 - "$n" "$work/c.json" "$work/r.json" "$mem_check" "$mem_render" <<'PY'
import json, statistics, sys
n, c, r, mc, mr = sys.argv[1:]
med = lambda f: statistics.median(json.load(open(f))["results"][0]["times"]) * 1000
print(f"| {n} | {med(c):.0f} ms | {int(mc)/1024:.0f} MiB | {med(r):.0f} ms | {int(mr)/1024:.0f} MiB |")
PY
done

section "Size"
echo "- binary: $(stat -c %s "$jiha") bytes"
