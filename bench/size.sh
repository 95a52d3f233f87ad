#!/usr/bin/env bash
# What the binary is made of: builds the `dist` profile without stripping, in its own target
# directory (a full build: about 15 minutes on 2 cores), and lists the biggest crates with
# cargo-bloat (`cargo install cargo-bloat`). The sizes of the stripped binaries come first.
#   bash bench/size.sh
set -euo pipefail
cd "$(dirname "$0")/.."
target="${SIZE_TARGET_DIR:-target/size}"
export CARGO_TARGET_DIR="$target" CARGO_PROFILE_DIST_STRIP=false
cargo build --profile dist --quiet
strip -o "$target/jiha-dist-stripped" "$target/dist/jiha"
echo "- release binary (target/release/jiha, stripped): $(stat -c %s target/release/jiha) bytes"
echo "- dist binary (stripped): $(stat -c %s "$target/jiha-dist-stripped") bytes"
echo
echo '```text'
cargo bloat --profile dist --crates -n 15
echo '```'
