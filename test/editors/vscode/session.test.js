// Context-reset prompts in a real VS Code: an AI-like session (large inserts) breaks a constraint,
// the user fixes it, the inserts break it again; the prompt appears with the evidence, the status bar
// counts the regressions, and the primer is copied.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { codeOf, open, waitForDiagnostics } = require('./helpers');
const { clearNotificationsForPicture, screenshot, screenshotNotifications } = require('./helpers-screenshot');

const isLayer = (d) => codeOf(d) === 'architecture/layer-import';
const IMPORT = 'import { query } from "../infra/db";\n';
// What an assistant pastes: eight lines at once, the forbidden import among them.
// The query is awaited: a floating promise here would be a second finding re-introduced by the paste.
const AI_BLOCK = `${IMPORT}\nexport async function cancel(order: Order): Promise<Order> {\n  await query("update orders set cancelled = true");\n  return order;\n}\n\n// generated\n`;

describe('Shipshape context-reset prompts in VS Code (code-server)', () => {
  const settings = () => vscode.workspace.getConfiguration('shipshape.session');

  before(async () => {
    // Regressions at once (no settle time) so the test does not have to wait; two prompt.
    await settings().update('fixSettleSeconds', 0, vscode.ConfigurationTarget.Workspace);
    await settings().update('regressions', 2, vscode.ConfigurationTarget.Workspace);
  });

  after(async () => {
    await settings().update('fixSettleSeconds', undefined, vscode.ConfigurationTarget.Workspace);
    await settings().update('regressions', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('prompts with the evidence after AI edits re-introduce a fixed violation twice, and copies the primer', async () => {
    const document = await open('src/domain/order.ts');
    const editor = vscode.window.activeTextEditor;
    await waitForDiagnostics(document.uri, (d) => d.some(isLayer), 'the violation in the fixture');
    await vscode.commands.executeCommand('shipshape.startNewAiSession');
    // Pictures only: the README's picture of the prompt shows it alone, without "new AI session started".
    await clearNotificationsForPicture();

    for (let round = 1; round <= 2; round++) {
      // The user fixes it: the import line goes.
      const importLine = document.lineAt(0);
      assert.equal(importLine.text, IMPORT.trimEnd());
      await editor.edit((edit) => edit.delete(importLine.rangeIncludingLineBreak));
      await waitForDiagnostics(document.uri, (d) => !d.some(isLayer), `fixed (round ${round})`);
      // The assistant brings it back in one large insert.
      await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), AI_BLOCK));
      await waitForDiagnostics(document.uri, (d) => d.some(isLayer), `re-introduced (round ${round})`);
      if (round === 1) {
        // Remove the rest of the pasted block so the next round starts from the same text.
        await editor.edit((edit) => edit.delete(new vscode.Range(1, 0, AI_BLOCK.split('\n').length - 1, 0)));
      }
    }

    const state = await vscode.commands.executeCommand('shipshape.sessionState');
    assert.equal(state.regressions, 2);
    assert.equal(state.status, '⛵ 2 regressions');
    assert.equal(state.shown.length, 1, 'one prompt');
    assert.match(state.shown[0], /^Since \d\d:\d\d the AI edits re-introduced `domain must not import infra` twice after it had been fixed\. Long sessions drift: start a fresh one with the primer\?$/);

    // For the README (only when SHIPSHAPE_SCREENSHOT_DIR is set): the prompt with its buttons, in the
    // notification center (toasts do not paint in this harness), and the status bar item.
    await screenshotNotifications('session-prompt', 2500);

    const primer = await vscode.commands.executeCommand('shipshape.copyPrimer');
    assert.match(primer, /^# Primer for a fresh session\n\n## Hard constraints/);
    assert.match(primer, /`domain` \(`src\/domain\/\*\*`\) imports no other layer, because the domain model stays free of I\/O/);
    assert.match(primer, /Files touched: the 1 with findings below/);
    assert.match(primer, /- src\/domain\/order\.ts:1 architecture\/layer-import: domain must not import infra/);
    assert.match(primer, /## Why a fresh session\n- Since \d\d:\d\d the AI edits re-introduced `domain must not import infra` twice/);
    let clipboard;
    try {
      clipboard = await vscode.env.clipboard.readText();
    } catch {
      clipboard = undefined; // a headless browser may refuse clipboard reads; the command's result is checked above
    }
    if (clipboard) assert.equal(clipboard, primer);

    await vscode.commands.executeCommand('shipshape.openPrimer');
    assert.equal(vscode.window.activeTextEditor.document.languageId, 'markdown');
    assert.equal(vscode.window.activeTextEditor.document.isUntitled, true);
    assert.equal(vscode.window.activeTextEditor.document.getText(), primer);
    await screenshot('session-primer');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.window.showTextDocument(document);

    await vscode.commands.executeCommand('shipshape.startNewAiSession');
    const fresh = await vscode.commands.executeCommand('shipshape.sessionState');
    assert.equal(fresh.regressions, 0);
    assert.equal(fresh.aiEdits, 0);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    // Later screenshots should not show this test's notifications.
    await vscode.commands.executeCommand('notifications.clearAll');
  });
});
