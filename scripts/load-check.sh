#!/usr/bin/env bash
# Installs the packed package into a real n8n, as users install community packages, and fails unless
# n8n loads every node and credential type that package.json's n8n block lists.
set -euo pipefail
PROJECT=$(cd "$(dirname "$0")/.." && pwd)
source "$PROJECT/scripts/n8n-env.sh"

ensure_n8n
[ -f "$PROJECT/dist/nodes/Messenger/Messenger.node.js" ] || (cd "$PROJECT" && npm run build --silent)

HOME_DIR=$(mktemp -d)
trap 'rm -rf "$HOME_DIR"' EXIT
n8n_home_env "$HOME_DIR"
install_package_into "$HOME_DIR" "$PROJECT"

with_node24 n8n export:nodes --output="$HOME_DIR/nodes.json" >/dev/null
# Peer dependencies resolve from the n8n install, as they do inside n8n.
NODE_PATH="$N8N_DIR/node_modules" with_node24 node "$PROJECT/scripts/check-loaded-types.js" "$PROJECT/package.json" "$HOME_DIR/nodes.json" \
	"$HOME_DIR/.n8n/nodes/node_modules/n8n-nodes-messenger"
