// The readiness check from the command palette, in a real VS Code: same verdict and counts as the CLI,
// results in their own collection until cleared, a report, and the verdict in the status bar.
'use strict';
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const vscode = require('vscode');
const { fileUri, workspaceRoot } = require('./helpers');

const readinessDiagnostics = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'shipshape readiness');

describe('Shipshape readiness check in VS Code (code-server)', () => {
  it('gives the same verdict and counts as `shipshape readiness`, with results, report and status', async () => {
    const result = await vscode.commands.executeCommand('shipshape.runReadinessCheck');
    assert.ok(result, 'the command returned a result');

    const extension = vscode.extensions.getExtension('shipshape.shipshape');
    const cli = spawnSync(process.execPath, [path.join(extension.extensionPath, 'dist', 'cli.js'), 'readiness', workspaceRoot(), '--format', 'json'], { encoding: 'utf8' });
    const report = JSON.parse(cli.stdout);
    assert.deepEqual(result.verdict, report.verdict);
    assert.deepEqual(result.summary, report.summary);
    assert.equal(cli.status, report.verdict.passed ? 0 : 1);

    // The fixture has a layer violation and a private key: gates fail, and the status bar says so.
    assert.equal(result.verdict.passed, false);
    const failing = result.verdict.gates.filter((g) => !g.passed).length;
    assert.equal(result.status, `$(error) ${failing} gate${failing === 1 ? '' : 's'} failing`);

    // Findings of every file, opened or not, in the readiness collection.
    const order = readinessDiagnostics(fileUri('src/domain/order.ts'));
    assert.deepEqual(order.map((d) => d.code), ['architecture/layer-import']);

    // The report: verdict first, then gates with their numbers.
    const reportDocument = await vscode.workspace.openTextDocument(vscode.Uri.parse('shipshape-report:/Shipshape%20readiness.md'));
    const text = reportDocument.getText();
    assert.match(text, new RegExp(`^# Readiness: ✗ Not ready: ${failing} gates? failing`));
    for (const gate of result.verdict.gates) assert.ok(text.includes(`| ${gate.id} |`), gate.id);

    await vscode.commands.executeCommand('shipshape.clearReadinessResults');
    assert.deepEqual(readinessDiagnostics(fileUri('src/domain/order.ts')), []);
  });
});
