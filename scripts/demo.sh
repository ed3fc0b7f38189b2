#!/usr/bin/env bash
# Sets up everything, builds pkg/ if it is stale, and serves the demo on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
node scripts/pkg-stamp.mjs check >/dev/null 2>&1 || bash scripts/build.sh
exec node scripts/serve.mjs "${PORT:-8080}"
