// A notebook's cells and an unsaved document in a real VS Code: each is checked as a text of its
// language (a notebook open in its editor is not a text document, so its .ipynb is never checked
// there), and the secrets quick fix edits the cell itself, saving the value to .env.
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { codeOf, fileUri, waitForDiagnostics, waitForText, workspaceRoot } = require('./helpers');

const VALUE = 'sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Nb';

function notebookJson(cells) {
  return JSON.stringify({
    cells: cells.map((source) => ({ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: [source] })),
    metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' }, language_info: { name: 'python' } },
    nbformat: 4,
    nbformat_minor: 5,
  });
}

describe('Shipshape in notebook cells and unsaved documents (code-server)', () => {
  // The files the fix writes, as they were: the other suites share this workspace.
  const touched = ['.env', '.env.example', '.gitignore', 'analysis.ipynb'];
  let before;
  beforeEach(() => {
    before = new Map(touched.map((name) => [name, fs.existsSync(path.join(workspaceRoot(), name)) ? fs.readFileSync(path.join(workspaceRoot(), name), 'utf8') : undefined]));
  });
  afterEach(() => {
    for (const [name, text] of before) {
      const file = path.join(workspaceRoot(), name);
      if (text === undefined) fs.rmSync(file, { force: true });
      else fs.writeFileSync(file, text);
    }
  });

  it('finds a key and requests without a timeout in notebook cells (one using another cell\'s import), and moves the key to .env', async () => {
    fs.writeFileSync(path.join(workspaceRoot(), 'analysis.ipynb'), notebookJson([`import requests\n\nnotebook_key = "${VALUE}"\nrequests.get(url)\n`, 'page = requests.post(url, json=body)\n']));
    const notebook = await vscode.workspace.openNotebookDocument(fileUri('analysis.ipynb'));
    await vscode.window.showNotebookDocument(notebook);
    const cell = notebook.cellAt(0).document;
    assert.equal(cell.uri.scheme, 'vscode-notebook-cell');
    const diagnostics = await waitForDiagnostics(cell.uri, (d) => ['secrets/stripe-key', 'failure/network-timeout'].every((code) => d.some((x) => codeOf(x) === code)), 'the key and the request');
    const secret = diagnostics.find((d) => codeOf(d) === 'secrets/stripe-key');
    assert.ok(!secret.message.includes(VALUE.slice(8)), 'the key is masked');
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', cell.uri, secret.range);
    const move = actions.find((a) => a.title.startsWith('Move to environment variable'));
    assert.ok(move, `offered; got ${JSON.stringify(actions.map((a) => a.title))}`);
    await vscode.commands.executeCommand(move.command.command, ...move.command.arguments);
    await waitForText(cell, (t) => t.includes('os.environ['), 'the literal replaced in the cell');
    assert.match(cell.getText(), /^notebook_key = os\.environ\["NOTEBOOK_KEY"\]$/m);
    assert.match(fs.readFileSync(path.join(workspaceRoot(), '.env'), 'utf8'), new RegExp(`^NOTEBOOK_KEY=${VALUE}$`, 'm'));
    assert.ok(!fs.existsSync(path.join(workspaceRoot(), 'analysis.ipynb.py')), 'no file is made for the cell');
    await waitForDiagnostics(cell.uri, (d) => !d.some((x) => codeOf(x) === 'secrets/stripe-key'), 'the key finding gone');
    // The second cell uses the first cell's import.
    await waitForDiagnostics(notebook.cellAt(1).document.uri, (d) => d.some((x) => codeOf(x) === 'failure/network-timeout'), 'the request of the second cell');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('checks an unsaved document as you type', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'typescript', content: 'export async function load(url: string) {\n  return 1;\n}\n' });
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), '  try { await fetch(url, { signal: AbortSignal.timeout(1000) }); } catch (e) {}\n'));
    await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'failure/empty-catch'), 'the empty catch in the unsaved document');
    assert.equal(document.uri.scheme, 'untitled');
  });
});
