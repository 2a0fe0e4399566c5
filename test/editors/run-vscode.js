// Runs the extension-host tests (test/editors/vscode/*.test.js) in a real VS Code: @vscode/test-electron's
// runTests launches vscode-shim.js in place of the `code` executable (the shim runs code-server + chromium).
// The extension under development is the repository root; the workspace is a fresh copy of
// test/fixtures/editor-workspace in a temp folder, so tests may edit files freely.
//
// Needs the env from setup.sh (run.sh sources it); run alone, it runs setup.sh itself.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');

function loadEditorEnv() {
  if (process.env.SHIPSHAPE_EDITOR_TOOLS && process.env.CODE_SERVER_BIN && process.env.NODE24_BIN) return;
  const envFile = execFileSync('bash', [path.join(__dirname, 'setup.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop();
  for (const line of fs.readFileSync(envFile, 'utf8').split('\n')) {
    const match = /^export ([A-Z0-9_]+)="(.*)"$/.exec(line);
    if (match) process.env[match[1]] = match[2];
  }
}

async function main() {
  loadEditorEnv();
  for (const file of ['dist/extension.js', 'dist/server.js']) {
    if (!fs.existsSync(path.join(root, file))) throw new Error(`${file} is missing: run \`npm run build\` first`);
  }
  const { runTests } = require(path.join(process.env.SHIPSHAPE_EDITOR_TOOLS, '@vscode/test-electron'));
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-vscode-'));
  const workspace = path.join(scratch, 'editor-workspace');
  fs.cpSync(path.join(root, 'test/fixtures/editor-workspace'), workspace, { recursive: true });
  try {
    return await runTests({
      vscodeExecutablePath: path.join(__dirname, 'vscode-shim.js'),
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(__dirname, 'vscode', 'index.js'),
      // Without explicit profile folders test-electron would use ./.vscode-test in the current folder.
      launchArgs: [workspace, `--user-data-dir=${path.join(scratch, 'user-data')}`, `--extensions-dir=${path.join(scratch, 'extensions')}`],
      extensionTestsEnv: { SHIPSHAPE_TEST_WORKSPACE: workspace },
    });
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

const started = Date.now();
main().then(
  () => {
    console.log(`VS Code (code-server) tests passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    process.exit(0);
  },
  (error) => {
    const timedOut = error && error.code === 124;
    console.error(`VS Code (code-server) tests failed${timedOut ? ' (timed out)' : ''}: ${error?.message ?? error}`);
    process.exit(timedOut ? 124 : 1);
  },
);
