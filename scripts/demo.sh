#!/usr/bin/env bash
# `npm start`: the package inside a real n8n on this machine, with a demo bot workflow active in it and
# the provider sandbox with its chat page. Installs what it needs on first run (the project's dev
# dependencies; Node 24 and n8n from the npm registry, cached in ~/.cache/n8n-nodes-messenger).
# The rest is scripts/demo.ts; Ctrl-C stops everything.
set -euo pipefail
PROJECT=$(cd "$(dirname "$0")/.." && pwd)
cd "$PROJECT"
export DEMO_STARTED_AT=${DEMO_STARTED_AT:-$(date +%s%3N)}

[ -d node_modules/n8n-core ] && [ -d node_modules/ts-node ] || npm ci --no-audit --no-fund
npm run build --silent >/dev/null
exec node -r ts-node/register/transpile-only "$PROJECT/scripts/demo.ts"
