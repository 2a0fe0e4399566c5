// Not a check: leaves the workbench in a state worth a screenshot for the README (diagnostics of each
// family, the Problems panel open). Runs only with SHIPSHAPE_SCREENSHOT set; the shim takes the picture.
'use strict';
const fs = require('node:fs');
const vscode = require('vscode');
const { codeOf, open, waitForDiagnostics } = require('./helpers');

describe('screenshot', function () {
  before(function () {
    if (!process.env.SHIPSHAPE_SCREENSHOT) this.skip();
  });

  it('shows diagnostics of each family with the Problems panel open', async () => {
    for (const [file, code] of [['src/config/keys.ts', 'secrets/private-key'], ['src/app/handler.ts', 'failure/empty-catch'], ['src/domain/order.ts', 'architecture/layer-import']]) {
      const document = await open(file);
      await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === code));
    }
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const editor = vscode.window.activeTextEditor;
    editor.selection = new vscode.Selection(0, 22, 0, 22);
    await vscode.commands.executeCommand('editor.action.showHover');
    await new Promise((resolve) => setTimeout(resolve, 1500)); // let the hover render before the picture (not a correctness wait)
    const file = process.env.SHIPSHAPE_SCREENSHOT;
    fs.writeFileSync(`${file}.ready`, '');
    while (!fs.existsSync(`${file}.done`)) await new Promise((resolve) => setTimeout(resolve, 100));
    fs.rmSync(`${file}.done`);
  });
});
