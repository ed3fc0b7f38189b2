#!/usr/bin/env bash
# Sets up everything and runs every test: native Rust tests (unit, integration, SVG snapshots,
# property tests, doctests), the dist/ staleness check, the size budget, the browser tests in
# headless Chromium (file:// and http, CSP, accessibility) and the package tests (tests/package/).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "rustfmt and clippy (warnings are errors)"
cargo fmt -p econ-widget --check
cargo clippy -p econ-widget --all-targets --quiet -- -D warnings
cargo clippy -p econ-widget --lib --target wasm32-unknown-unknown --quiet -- -D warnings
cargo clippy -p econ-widget --lib --target wasm32-unknown-unknown --no-default-features --quiet -- -D warnings

step "rust-version is true (no dependency needs a newer Rust)"
node scripts/rust-version.mjs

step "no module cycle (the layers in README only import downwards)"
node --test scripts/module-cycles.test.mjs
node scripts/module-cycles.mjs

step "cargo test (native core)"
cargo test --workspace --quiet

step "wasm tests in headless Chromium (wasm-pack test)"
wasm-pack test --headless --chrome -- --test web 2>&1 | grep -v '^\[INFO\]'

step "dist/ is in step with the sources (inputs and every output file)"
if ! node scripts/dist-stamp.mjs check; then
  if [ "${CI:-}" = "true" ]; then exit 1; fi
  echo "rebuilding dist/ (commit it afterwards)"; bash scripts/build.sh
fi

step "size budget"
node scripts/size-budget.mjs

step "browser tests (headless Chromium)"
node --test --test-concurrency=1 tests/browser/

step "the package: wasm-pack targets, npm pack into esbuild, Vite and Node apps, TypeScript, release files, docs that run"
node --test --test-concurrency=1 tests/package/
echo; echo "all tests passed"
