#!/usr/bin/env bash
# `npm run test:scale`: n8n's queue mode (Debian's Redis + PostgreSQL, n8n main + 2 workers) with the
# packed package, under load, provider faults, a SIGKILLed worker, a fuzzed webhook, and side by side
# with the same flow built from n8n's core nodes. Sizes come from the environment (scripts/scale/scale.ts);
# the defaults are the CI size. Installs what is missing: Debian's redis-server and postgresql (needs
# root and Debian's mirror), Node 24 + n8n (cached, scripts/n8n-env.sh), the project's dev dependencies.
set -euo pipefail
PROJECT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$PROJECT"

if ! command -v redis-server >/dev/null || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
	apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y redis-server postgresql
fi
[ -d node_modules/n8n-core ] && [ -d node_modules/ts-node ] || npm ci --no-audit --no-fund
npm run build --silent >/dev/null
exec node -r ts-node/register/transpile-only "$PROJECT/scripts/scale/scale.ts"
