#!/usr/bin/env bash
# Builds dist/ (committed; wasm-pack never writes there, so a plain `wasm-pack build` into pkg/
# cannot break a page): two wasm builds (wasm-pack into target/, then wasm-opt from npm's
# binaryen) and, by scripts/bundle.mjs, three classic-script bundles for pages: econ-widget.js
# (loads econ_widget_bg.wasm beside it), econ-widget.full.js (econ_widget_full_bg.wasm: host
# datasets, host series and SVG export too) and econ-widget.inline.js (the full wasm inlined as
# base64, so www/index.html works from file://); the ES modules of the npm package; content-hashed
# copies in dist/cdn/ with dist/manifest.json (names and SRI hashes).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

# The wasm carries the dataset packed at build time (src/data/packed.rs), validated natively here.
cargo run --quiet --release --example pack_dataset
# Two builds of one crate: dist/econ_widget_bg.wasm (the embedded dataset only: what a one-chart
# page loads) and dist/econ_widget_full_bg.wasm (feature host-data: also reads and validates host
# datasets, copies host series in and exports SVG). Both are bound under the one name
# econ_widget; the one-chart build exports the full build's functions less the host-data ones,
# which its JS API refuses with host_data_unavailable (scripts/bundle.mjs checks). Each keeps its own wasm-bindgen glue: the
# one-chart build imports fewer JS functions (none of those host series use to check and copy
# typed arrays), so its glue (dist/econ_widget_lite.js, in econ-widget.js only) is smaller. dist/econ_widget.js
# is the full build's glue (econ-widget.full.js, econ-widget.inline.js, the raw-handle tests);
# scripts/bundle.mjs checks that each bundle's glue provides every import of its wasm.
build() { # out-dir, extra cargo args...
  local dir=$1; shift
  rm -f "$dir/econ_widget_bg.wasm"
  # Source paths in panic locations, shortened: the registry's and the checkout's absolute paths
  # are machine details, and as bytes of the one-chart wasm they cost 0.3 KB gzip.
  local remap="--remap-path-prefix=$PWD=." index
  for index in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do remap+=" --remap-path-prefix=${index%/}="; done
  RUSTFLAGS="$remap" \
    wasm-pack build --release --target no-modules --out-dir "$dir" --out-name econ_widget --no-pack -- "$@" 2>&1 | grep -v '^\[INFO\]: ⬇' || true
  test -f "$dir/econ_widget_bg.wasm" || { echo "wasm-pack build into $dir failed" >&2; exit 1; }
  # Explicit features: the ones rustc's wasm32 target emits by default.
  # --low-memory-unused: Rust's wasm keeps the stack below its data at 1 MB, so no pointer is
  # under 1 KB and wasm-opt may fold address arithmetic into loads (0.8 KB gzip). Merging
  # functions that differ only in constants (monomorphised Vec and iterator code) must come
  # before -Oz to pay (0.6 KB). --converge repeats -Oz until nothing shrinks.
  # --reorder-functions-by-name, last: monomorphised copies of one generic sit side by side,
  # where gzip finds their likeness (0.3 KB gzip of the one-chart wasm, measured).
  wasm-opt --merge-similar-functions -Oz --converge --low-memory-unused --reorder-functions-by-name --strip-debug --strip-producers --strip-target-features \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$dir/econ_widget_bg.wasm" -o "$dir/econ_widget_bg.wasm"
  # Import names shortened in the wasm and its glue alike (1.5 KB gzip; see the script).
  node scripts/minify-imports.mjs "$dir/econ_widget_bg.wasm" "$dir/econ_widget.js"
  # Panic locations (file, line, column) no one can read, made alike (0.55 KB gzip; see the script).
  node scripts/strip-panic-locations.mjs "$dir/econ_widget_bg.wasm"
}
build "$PWD/target/pkg-full"
build "$PWD/target/pkg-lite" --no-default-features
# The one-chart build's export names shortened too (0.3 KB gzip; see the script), the originals
# kept for scripts/bundle.mjs's check of what each build exports.
node scripts/minify-exports.mjs target/pkg-lite/econ_widget_bg.wasm target/pkg-lite/econ_widget.js target/pkg-lite/export-names.json
# Which functions each build exports: scripts/bundle.mjs checks (FULL_ONLY).
# dist/ holds only what this script writes (stale files of an older layout would be shipped).
rm -rf dist && mkdir -p dist
cp target/pkg-lite/econ_widget.js dist/econ_widget_lite.js
cp target/pkg-lite/econ_widget_bg.wasm dist/econ_widget_bg.wasm
cp target/pkg-full/econ_widget.js dist/econ_widget.js
cp target/pkg-full/econ_widget_bg.wasm dist/econ_widget_full_bg.wasm
# Static fallbacks: every view drawn as SVG by the same Rust layout and drawing code, for pages
# and readers without JavaScript (<noscript>, print of a widget that did not load, AMP, RSS,
# e-mail): dist/static/<view>.<lang>.svg and dist/static/index.json (docs/embedding.md).
cargo run --quiet --release --example static_fallbacks -- dist/static
# The fact references' cards (src/facts.rs fact_card), which bundle.mjs embeds in dist/econ-facts.js.
cargo run --quiet --release --example fact_cards > target/fact-cards.json
node scripts/bundle.mjs
node scripts/dist-stamp.mjs write
ls -l dist/
