// Crash recovery in a real VS Code: the server process is killed mid-session; the client restarts it
// and diagnostics come back.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const fs = require('node:fs');
const path = require('node:path');
const { codeOf, open, waitForDiagnostics, workspaceRoot } = require('./helpers');

describe('Shipshape crash recovery in VS Code (code-server)', () => {
  it('restarts a killed server and shows diagnostics again', async () => {
    // Its own file: other suites edit the shared fixtures.
    fs.writeFileSync(path.join(workspaceRoot(), 'src/crash.ts'), 'export function f(): void {\n  try {\n    g();\n  } catch (e) {\n  }\n}\ndeclare function g(): void;\n');
    const document = await open('src/crash.ts');
    await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'failure/empty-catch'));
    const pid = await vscode.commands.executeCommand('shipshape.serverProcessId');
    assert.equal(typeof pid, 'number');
    process.kill(pid, 'SIGKILL');

    // A new server process answers, with a different pid.
    let next;
    for (let i = 0; i < 600 && (next === undefined || next === pid); i++) {
      next = await vscode.commands.executeCommand('shipshape.serverProcessId').then((p) => p, () => undefined);
      if (next === undefined || next === pid) await new Promise((resolve) => setTimeout(resolve, 100)); // polling the restart, guarded
    }
    assert.ok(typeof next === 'number' && next !== pid, `a new server process (${pid} -> ${next})`);

    // And the analysis is back: an edit is checked again.
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '// after the crash\n'));
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'failure/empty-catch' && x.range.start.line === 4), 'diagnostics from the new server');
    assert.ok(diagnostics.length > 0);
  });
});
