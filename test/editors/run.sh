#!/usr/bin/env bash
# `npm run test:editors`: the real-editor tests (see test/editors/README.md).
#   1. setup.sh: Node 24, code-server, playwright-core, @vscode/test-electron and mocha into a cache
#      outside the repository (2-4 minutes the first time on a machine, nothing after that);
#   2. the build (dist/server.js, dist/extension.js), only if it is missing;
#   3. Neovim headless against the language server (a few seconds);
#   4. VS Code (code-server + chromium) running the extension-host mocha suite (about 25 s).
# Both editor tests always run; the exit code is non-zero if either fails.
set -uo pipefail
cd "$(dirname "$0")/../.."
started=$(date +%s)
since() { echo "$(( $(date +%s) - $1 ))s"; }
summary=()
failed=0

t0=$(date +%s)
echo "== editor tools (test/editors/setup.sh)"
if ! env_file=$(bash test/editors/setup.sh); then
  echo "setup.sh failed"
  exit 1
fi
# shellcheck disable=SC1090
source "$env_file"
summary+=("$(printf '%-8s ok    %s' setup "$(since "$t0")")")

if [ ! -f dist/server.js ] || [ ! -f dist/extension.js ]; then
  t0=$(date +%s)
  echo "== build (dist/ is missing)"
  npm run build --silent || { echo "npm run build failed"; exit 1; }
  summary+=("$(printf '%-8s ok    %s' build "$(since "$t0")")")
fi

command -v nvim >/dev/null || echo "warning: nvim is missing (apt-get install neovim)"
[ -x "${CHROMIUM_BIN:-/usr/bin/chromium}" ] || echo "warning: chromium is missing (apt-get install chromium)"

run_step() { # name, command...
  local name=$1 t0
  shift
  t0=$(date +%s)
  echo
  echo "== $name"
  if "$@"; then
    summary+=("$(printf '%-8s ok    %s' "$name" "$(since "$t0")")")
  else
    summary+=("$(printf '%-8s FAIL  %s' "$name" "$(since "$t0")")")
    failed=1
  fi
}

run_step neovim node test/editors/run-neovim.js
run_step vscode node test/editors/run-vscode.js
# Restricted Mode: the same extension with workspace trust on (untrusted folder), trust tests only.
run_step vscode-untrusted env SHIPSHAPE_WORKSPACE_TRUST=1 SHIPSHAPE_EDITOR_GREP=trust node test/editors/run-vscode.js

echo
echo "== editor tests: $([ $failed -eq 0 ] && echo passed || echo FAILED) in $(since "$started")"
printf '   %s\n' "${summary[@]}"
exit $failed
