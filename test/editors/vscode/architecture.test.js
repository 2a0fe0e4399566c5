// Architecture in a real VS Code: a layer violation appears when the import is typed, disappears when
// it is removed, and its hover explains the constraint.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { codeOf, open, waitForDiagnostics } = require('./helpers');

const isLayer = (d) => codeOf(d) === 'architecture/layer-import';

describe('Shipshape architecture in VS Code (code-server)', () => {
  it('shows a layer violation as the import is typed, and drops it when the import is removed', async () => {
    const document = await open('src/domain/order.ts');
    const editor = vscode.window.activeTextEditor;
    await waitForDiagnostics(document.uri, (d) => d.some(isLayer), 'the violation in the fixture');
    const importLine = document.lineAt(0);
    assert.match(importLine.text, /^import \{ query \} from "\.\.\/infra\/db";$/);

    await editor.edit((edit) => edit.delete(importLine.rangeIncludingLineBreak));
    await waitForDiagnostics(document.uri, (d) => !d.some(isLayer), 'no violation once the import is gone');

    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'import { query } from "../infra/db";\n'));
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.some(isLayer), 'the violation again');
    const violation = diagnostics.find(isLayer);
    assert.equal(violation.range.start.line, 0);
    assert.match(violation.message, /^domain must not import infra \(src\/infra\/db\.ts\): The domain model stays free of I\/O/);

    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, violation.range.start.translate(0, 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Constraint on `domain`/);
  });
});
