// Not a check: puts the workbench in states worth a screenshot for the README. Runs only with
// SHIPSHAPE_SCREENSHOT_DIR set; the shim takes the pictures (diagnostics.png, readiness.png).
'use strict';
const vscode = require('vscode');
const { codeOf, open, waitForDiagnostics } = require('./helpers');
const { screenshot } = require('./helpers-screenshot');

const settle = () => new Promise((resolve) => setTimeout(resolve, 1500)); // rendering, not correctness

describe('screenshot', function () {
  before(function () {
    if (!process.env.SHIPSHAPE_SCREENSHOT_DIR) this.skip();
  });

  it('diagnostics of each family with the Problems panel open', async () => {
    for (const [file, code] of [['src/config/keys.ts', 'secrets/private-key'], ['src/app/handler.ts', 'failure/empty-catch'], ['src/domain/order.ts', 'architecture/layer-import']]) {
      const document = await open(file);
      await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === code));
    }
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    vscode.window.activeTextEditor.selection = new vscode.Selection(0, 22, 0, 22);
    await vscode.commands.executeCommand('editor.action.showHover');
    await settle();
    await screenshot('diagnostics');
  });

  it('the readiness report', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('shipshape.runReadinessCheck');
    await settle();
    await settle();
    await settle();
    await screenshot('readiness');
  });
});
