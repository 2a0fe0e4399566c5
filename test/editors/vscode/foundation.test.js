// The foundation slice in a real VS Code (code-server): one diagnostic of each family, the
// suppress-with-reason quick fix, and a broken shipshape.yml that is reported while analysis goes on.
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const vscode = require('vscode');
const { codeOf, fileUri, nextDiagnosticsChange, open, shipshapeDiagnostics, waitForDiagnostics, waitForText } = require('./helpers');

const has = (code) => (diagnostics) => diagnostics.some((d) => codeOf(d) === code);

describe('Shipshape in VS Code (code-server)', () => {
  it('activates and shows a diagnostic of each family, with the rule id and a doc link', async () => {
    await open('src/domain/order.ts');
    const extension = vscode.extensions.getExtension('shipshape.shipshape');
    assert.ok(extension, 'extension is installed');
    const layer = await waitForDiagnostics(fileUri('src/domain/order.ts'), has('architecture/layer-import'), 'architecture/layer-import');
    assert.ok(extension.isActive);
    const diagnostic = layer.find((d) => codeOf(d) === 'architecture/layer-import');
    assert.equal(diagnostic.range.start.line, 0);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostic.message, /^domain must not import infra \(src\/infra\/db\.ts\): The domain model stays free of I\/O/);
    assert.match(diagnostic.code.target.toString(), /docs\/rules\/architecture\/layer-import\.md$/);

    await open('src/app/handler.ts');
    const failure = await waitForDiagnostics(fileUri('src/app/handler.ts'), has('failure/empty-catch'), 'failure/empty-catch');
    assert.equal(failure.find((d) => codeOf(d) === 'failure/empty-catch').range.start.line, 4);

    await open('src/config/keys.ts');
    const secrets = await waitForDiagnostics(fileUri('src/config/keys.ts'), has('secrets/private-key'), 'secrets/private-key');
    const keyText = fs.readFileSync(fileUri('src/config/keys.ts').fsPath, 'utf8').split('\n')[2];
    assert.ok(!secrets[0].message.includes(keyText.slice(0, 16)), 'the key is never shown');
  });

  it('reports nothing for a clean file once the server has answered for it', async () => {
    const uri = fileUri('src/clean.ts');
    const answered = nextDiagnosticsChange(uri, 'the diagnostics of src/clean.ts');
    await open('src/clean.ts');
    assert.deepEqual((await answered).map((d) => [codeOf(d), d.message]), []);
    assert.deepEqual(shipshapeDiagnostics(uri), []);
  });

  it('analyses as you type: a finding appears and disappears with the edit', async () => {
    const document = await open('src/clean.ts');
    const editor = vscode.window.activeTextEditor;
    await editor.edit((edit) => edit.insert(new vscode.Position(3, 0), 'try { add(1, 2); } catch (e) {}\n'));
    await waitForDiagnostics(document.uri, has('failure/empty-catch'), 'empty-catch after typing');
    await vscode.commands.executeCommand('undo');
    await waitForDiagnostics(document.uri, (d) => d.length === 0, 'no diagnostics after undo');
  });

  it('applies "suppress with a reason" and the finding goes away', async () => {
    const document = await open('src/app/handler.ts');
    const [diagnostic] = await waitForDiagnostics(document.uri, has('failure/empty-catch'));
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
    const suppress = actions.find((a) => a.title === 'Suppress failure/empty-catch with a reason…');
    assert.ok(suppress, `quick fix offered; got ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(suppress.kind && vscode.CodeActionKind.QuickFix.contains(suppress.kind), `kind is quickfix, got ${suppress.kind?.value}`);
    assert.equal(suppress.command.command, 'shipshape.suppressWithReason');
    const [uriArgument, lineArgument, ruleArgument] = suppress.command.arguments;
    assert.equal(vscode.Uri.parse(uriArgument).toString(), document.uri.toString());
    assert.equal(lineArgument, diagnostic.range.start.line);
    assert.equal(ruleArgument, 'failure/empty-catch');
    // The command asks for the reason with an input box; a caller may pass it as the 4th argument.
    await vscode.commands.executeCommand(suppress.command.command, ...suppress.command.arguments, 'the coupon is optional');
    const text = await waitForText(document, (t) => t.includes('shipshape-ignore-next-line'));
    assert.match(text, /\n {2}\/\/ shipshape-ignore-next-line failure\/empty-catch -- the coupon is optional\n {2}\} catch \(err\) \{/);
    await waitForDiagnostics(document.uri, (d) => !d.some((x) => codeOf(x) === 'failure/empty-catch'), 'empty-catch gone');
    // Only that finding went away: the other files keep theirs.
    for (const [file, code] of [['src/domain/order.ts', 'architecture/layer-import'], ['src/config/keys.ts', 'secrets/private-key']]) {
      assert.ok(shipshapeDiagnostics(fileUri(file)).some((d) => codeOf(d) === code), `${file} still has ${code}`);
    }
  });

  it('reports a broken shipshape.yml at the offending line and keeps serving with the last good config', async () => {
    const configUri = fileUri('shipshape.yml');
    const original = fs.readFileSync(configUri.fsPath, 'utf8');
    const broken = original.replace('      mayImport: []', '      mayImport: notalist');
    const badLine = broken.split('\n').findIndex((line) => line.includes('notalist'));
    fs.writeFileSync(configUri.fsPath, broken);
    try {
      const problems = await waitForDiagnostics(configUri, (d) => d.length > 0, 'config problem');
      assert.equal(problems[0].range.start.line, badLine);
      assert.match(problems[0].message, /mayImport/);
      // The server still answers, with the last good config: the layer rule still applies.
      const document = await open('src/domain/order.ts');
      await vscode.window.activeTextEditor.edit((edit) => edit.insert(new vscode.Position(1, 0), '\n'));
      await waitForDiagnostics(document.uri, has('architecture/layer-import'), 'layer-import with the last good config');
    } finally {
      fs.writeFileSync(configUri.fsPath, original);
    }
    await waitForDiagnostics(configUri, (d) => d.length === 0, 'config problem cleared');
  });

  it('registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['shipshape.restartServer', 'shipshape.showOutput', 'shipshape.suppressWithReason']) assert.ok(commands.includes(id), id);
  });
});
