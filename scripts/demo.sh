#!/usr/bin/env bash
# `npm start`: the package inside a real n8n on this machine, beside the provider sandbox.
# Installs what it needs on first run (Node 24 and n8n from the npm registry, cached); Ctrl-C stops all.
set -euo pipefail
PROJECT=$(cd "$(dirname "$0")/.." && pwd)
source "$PROJECT/scripts/n8n-env.sh"
cd "$PROJECT"

N8N_DEMO_PORT=${N8N_DEMO_PORT:-5678}
SANDBOX_PORT=${SANDBOX_PORT:-8787}
OWNER_EMAIL=${OWNER_EMAIL:-demo@example.com}
OWNER_PASSWORD=${OWNER_PASSWORD:-Demo-password-1}
started=$(date +%s)

[ -d node_modules/n8n-core ] || npm ci --no-audit --no-fund
npm run build --silent >/dev/null
ensure_n8n

HOME_DIR="$PROJECT/.cache/demo-n8n"
mkdir -p "$HOME_DIR"
n8n_home_env "$HOME_DIR" "$N8N_DEMO_PORT"
export N8N_LOG_LEVEL=${N8N_LOG_LEVEL:-info}
install_package_into "$HOME_DIR" "$PROJECT" >/dev/null

pids=()
cleanup() {
	trap - INT TERM EXIT
	for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
	log "stopped"
}
trap cleanup INT TERM EXIT

npx --no-install ts-node --transpile-only sandbox/cli.ts --port "$SANDBOX_PORT" >"$PROJECT/.cache/sandbox.log" 2>&1 &
pids+=($!)
with_node24 n8n start >"$PROJECT/.cache/n8n.log" 2>&1 &
pids+=($!)

log "waiting for n8n on http://127.0.0.1:$N8N_DEMO_PORT (log: .cache/n8n.log)"
until curl -sf "http://127.0.0.1:$N8N_DEMO_PORT/healthz/readiness" >/dev/null; do
	kill -0 "${pids[1]}" 2>/dev/null || { tail -40 "$PROJECT/.cache/n8n.log"; exit 1; }
	sleep 0.5
done
# A fresh n8n asks for an owner account; set one so the editor opens straight to a login.
curl -s -o /dev/null -X POST "http://127.0.0.1:$N8N_DEMO_PORT/rest/owner/setup" -H 'content-type: application/json' \
	-d "{\"email\":\"$OWNER_EMAIL\",\"firstName\":\"Demo\",\"lastName\":\"Owner\",\"password\":\"$OWNER_PASSWORD\"}" || true

cat <<MSG

  n8n with n8n-nodes-messenger:  http://127.0.0.1:$N8N_DEMO_PORT   (login $OWNER_EMAIL / $OWNER_PASSWORD)
  provider sandbox:              http://127.0.0.1:$SANDBOX_PORT   (accounts: GET /__sandbox/config)
  ready after $(( $(date +%s) - started )) s. The Messenger nodes are in the editor's node panel;
  the ready-made demo bot workflow and chat page come with the Messenger Trigger (coming soon).
  Ctrl-C stops everything.

MSG
wait -n "${pids[@]}"
