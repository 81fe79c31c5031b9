#!/usr/bin/env bash
# Runs a TypeScript tool from source: transpile only (type-checking is `npm run typecheck`),
# with the @westgate/* aliases resolved.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export TS_NODE_PROJECT="$root/tsconfig.json" TS_NODE_TRANSPILE_ONLY=true
exec node -r ts-node/register -r "$root/tools/runtime/register-aliases.js" "$@"
