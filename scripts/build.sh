#!/usr/bin/env bash
# Builds pkg/: the wasm (wasm-pack, then wasm-opt from npm's binaryen) and two classic-script
# bundles for pages: econ-widget.js (loads econ_widget_bg.wasm beside it) and
# econ-widget.inline.js (wasm inlined as base64, so www/index.html works from file://).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

# The wasm carries the dataset packed at build time (src/data/packed.rs), validated natively here.
cargo run --quiet --release --example pack_dataset
wasm-pack build --release --target no-modules --out-dir pkg --out-name econ_widget --no-pack 2>&1 | grep -v '^\[INFO\]: ⬇' || true
test -f pkg/econ_widget_bg.wasm || { echo "wasm-pack build failed" >&2; exit 1; }
# Explicit features: the ones rustc's wasm32 target emits by default.
wasm-opt -Oz --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  pkg/econ_widget_bg.wasm -o pkg/econ_widget_bg.wasm
rm -f pkg/.gitignore pkg/package.json pkg/README.md
node scripts/bundle.mjs
node scripts/pkg-stamp.mjs write
ls -l pkg/
