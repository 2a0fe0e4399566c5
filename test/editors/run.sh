#!/usr/bin/env bash
# `npm run test:editors`: the real-editor tests. Neovim (a second LSP client, fast) first, then
# VS Code (code-server + Chromium) running the extension-host mocha suite.
set -euo pipefail
cd "$(dirname "$0")/../.."
started=$(date +%s)
elapsed() { echo "$(( $(date +%s) - started ))s"; }

[ -f dist/server.js ] && [ -f dist/extension.js ] || npm run build --silent
command -v nvim >/dev/null || { echo "nvim is missing (apt-get install neovim)"; exit 1; }
[ -x "${CHROMIUM_BIN:-/usr/bin/chromium}" ] || { echo "chromium is missing (apt-get install chromium)"; exit 1; }

env_file=$(bash test/editors/setup.sh)
# shellcheck disable=SC1090
source "$env_file"
echo "editor tools ready ($(elapsed))"

echo "== Neovim"
node test/editors/run-neovim.js
echo "Neovim done ($(elapsed))"

echo "== VS Code (code-server)"
node test/editors/run-vscode.js
echo "VS Code done ($(elapsed))"
