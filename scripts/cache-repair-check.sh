#!/usr/bin/env bash
# Proves that the cached n8n install survives what broke it before: run under npm (which exports the
# project's `ignore-scripts=true` to this script), a cache whose sqlite3 binding is missing yet marked
# complete must be repaired by the next ensure_n8n, not reused. Uses the real cache folder: the repair
# it forces is the one a user's next `npm start` would do (about 50 s for the sqlite3 build).
set -euo pipefail
PROJECT=$(cd "$(dirname "$0")/.." && pwd)
source "$PROJECT/scripts/n8n-env.sh"

# Outside `npm run` (plain bash), set the inherited setting by hand so the hazard is always exercised.
export npm_config_ignore_scripts=true

ensure_n8n
sqlite3_usable || { echo "cache check failed: a fresh ensure_n8n left sqlite3 unusable" >&2; exit 1; }

log "breaking the cache the old way: sqlite3's build removed, install still marked complete"
rm -rf "$N8N_DIR/node_modules/sqlite3/build"
[ -f "$N8N_DIR/.complete" ] || { echo "cache check failed: the install was not marked complete" >&2; exit 1; }
if sqlite3_usable; then echo "cache check failed: sqlite3 still loads without its build folder" >&2; exit 1; fi

ensure_n8n
sqlite3_usable || { echo "cache check failed: ensure_n8n reused a broken cache" >&2; exit 1; }
[ -f "$N8N_DIR/node_modules/sqlite3/build/Release/node_sqlite3.node" ] || { echo "cache check failed: no binding was built" >&2; exit 1; }
n8n_opens_database || { echo "cache check failed: n8n cannot open its database after the repair" >&2; exit 1; }
echo "cache check passed: a broken cache was detected and repaired under npm_config_ignore_scripts=true"
