// Runs the extension-host tests (test/editors/vscode/*.test.js) inside code-server through the shim,
// with @vscode/test-electron's runTests, on a fresh copy of the fixture workspace.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { runTests } = require(path.join(process.env.SHIPSHAPE_EDITOR_TOOLS, '@vscode/test-electron'));

const root = path.resolve(__dirname, '../..');

async function main() {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-editor-ws-'));
  fs.cpSync(path.join(root, 'test/fixtures/editor-workspace'), workspace, { recursive: true });
  try {
    const code = await runTests({
      vscodeExecutablePath: path.join(__dirname, 'vscode-shim.js'),
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(__dirname, 'vscode', 'index.js'),
      launchArgs: [workspace],
      extensionTestsEnv: { SHIPSHAPE_TEST_WORKSPACE: workspace },
    });
    return code;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`VS Code tests failed: ${error?.message ?? error}`);
    process.exit(1);
  },
);
