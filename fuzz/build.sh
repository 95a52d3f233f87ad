#!/usr/bin/env bash
# Builds the fuzz targets into fuzz/target/x86_64-unknown-linux-gnu/coverage/ (see the
# README): jiha's crates instrumented for libFuzzer, the dependencies plain. Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")"
triple=$(rustc -vV | sed -n 's/^host: //p')
RUSTC_WRAPPER="$PWD/rustc-coverage" cargo build --profile coverage --target "$triple" --bins "$@"
echo "fuzz targets: fuzz/target/$triple/coverage/{parse,check,render,pdf}"
