#!/usr/bin/env python3
"""Writes a synthetic dataset of N proposals for the scale benchmarks.

Usage: gen-dataset.py N OUT_DIR   (OUT_DIR must not exist; run `jiha export-data` first to get
the base dataset, which this script copies and extends with proposals that cycle through the
real ones, under new ids and orders).
"""
import os
import re
import shutil
import sys


def main():
    n, base, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    shutil.copytree(base, out)
    proposals = os.path.join(out, "proposals")
    originals = sorted(os.listdir(proposals))
    texts = [open(os.path.join(proposals, f), encoding="utf-8").read() for f in originals]
    for f in originals:
        os.remove(os.path.join(proposals, f))
    for i in range(n):
        text = texts[i % len(texts)]
        pid = f"proposition-{i + 1:05d}"
        text = re.sub(r'id: "[^"]+"', f'id: "{pid}"', text, count=1)
        text = re.sub(r"order: \d+", f"order: {i + 1}", text, count=1)
        with open(os.path.join(proposals, pid + ".ron"), "w", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main()
