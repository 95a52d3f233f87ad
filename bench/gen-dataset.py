#!/usr/bin/env python3
"""Writes a synthetic dataset of N proposals for the scale benchmarks.

Usage: gen-dataset.py N OUT_DIR [SOURCES]   (OUT_DIR must not exist; run `jiha export-data`
first to get the base dataset, which this script copies and extends with proposals that cycle
through the real ones, under new ids and orders). With SOURCES, each proposal also cites
SOURCES sources of its own, added to sources.ron (so N x SOURCES new sources in the book).
"""
import os
import re
import shutil
import sys

SOURCE = """    Source(
        id: "{id}",
        kind: Statistics,
        title: "Rapport régional {i}, annexe {j} : indicateurs de la proposition {i}",
        author: None,
        publisher: Some("Haut-Commissariat au Plan"),
        event: None,
        date: Some("2024"),
        url: Some("https://www.hcp.ma/file/{i}/{j}/"),
        note: None,
    ),
"""


def main():
    n, base, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    per = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    shutil.copytree(base, out)
    proposals = os.path.join(out, "proposals")
    originals = sorted(os.listdir(proposals))
    texts = [open(os.path.join(proposals, f), encoding="utf-8").read() for f in originals]
    for f in originals:
        os.remove(os.path.join(proposals, f))
    sources = []
    for i in range(n):
        text = texts[i % len(texts)]
        pid = f"proposition-{i + 1:05d}"
        text = re.sub(r'id: "[^"]+"', f'id: "{pid}"', text, count=1)
        text = re.sub(r"order: \d+", f"order: {i + 1}", text, count=1)
        if per:
            ids = [f"source-{i + 1:05d}-{j + 1:02d}" for j in range(per)]
            sources += [SOURCE.format(id=s, i=i + 1, j=j + 1) for j, s in enumerate(ids)]
            cited = ", ".join(f'"{s}"' for s in ids)
            text = re.sub(r"sources: \[", f"sources: [{cited}, ", text, count=1)
        with open(os.path.join(proposals, pid + ".ron"), "w", encoding="utf-8") as fh:
            fh.write(text)
    if sources:
        path = os.path.join(out, "sources.ron")
        text = open(path, encoding="utf-8").read().rstrip()
        assert text.endswith("]")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text[:-1] + "".join(sources) + "]\n")


if __name__ == "__main__":
    main()
