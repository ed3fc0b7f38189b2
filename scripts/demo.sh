#!/usr/bin/env bash
# Serves the committed build (dist/) and the demo pages on 127.0.0.1 with Node alone: no
# browser, Rust or npm install needed. With DEMO_BUILD=1 it first sets everything up and
# rebuilds dist/ if it is stale (as it was before it was committed).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${DEMO_BUILD:-}" = "1" ]; then
  bash scripts/setup.sh
  node scripts/dist-stamp.mjs check >/dev/null 2>&1 || bash scripts/build.sh
elif ! node scripts/dist-stamp.mjs check >/dev/null 2>&1; then
  echo "note: dist/ does not match the sources (DEMO_BUILD=1 rebuilds it); serving it as it is" >&2
fi
exec node scripts/serve.mjs "${PORT:-8080}"
