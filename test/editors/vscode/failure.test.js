// Failure-semantics quick fixes in a real VS Code: each diagnostic appears as the code is typed, the
// quick fix is applied the way the lightbulb applies it (the code action's workspace edit), and the
// diagnostic goes.
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { codeOf, open, waitForDiagnostics, waitForText, workspaceRoot } = require('./helpers');

async function applyQuickFix(document, diagnostic, titleStart) {
  const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  const action = actions.find((a) => a.title.startsWith(titleStart));
  assert.ok(action, `"${titleStart}…" offered; got ${JSON.stringify(actions.map((a) => a.title))}`);
  assert.ok(action.edit, 'the fix is a plain workspace edit');
  assert.ok(await vscode.workspace.applyEdit(action.edit), 'the edit applied');
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

async function typeInto(relative, text) {
  const file = path.join(workspaceRoot(), relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '');
  const document = await open(relative);
  const editor = vscode.window.activeTextEditor;
  await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), text));
  return document;
}

describe('Shipshape failure-semantics quick fixes in VS Code (code-server)', () => {
  it('adds an abort signal to a fetch without a timeout, merged into its options', async () => {
    const document = await typeInto('src/app/load-user.ts', 'export async function loadUser(url: string) {\n  return await fetch(url, { method: "GET" });\n}\n');
    const [diagnostic] = await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'failure/network-timeout'), 'failure/network-timeout');
    await applyQuickFix(document, diagnostic, 'Add an abort signal');
    await waitForText(document, (t) => t.includes('AbortSignal.timeout('), 'the signal added');
    assert.match(document.getText(), /fetch\(url, \{ method: "GET", signal: AbortSignal\.timeout\(10_?000\) \}\)/);
    await waitForDiagnostics(document.uri, (d) => !d.some((x) => codeOf(x) === 'failure/network-timeout'), 'finding gone');
    await document.save();
  });

  it('rethrows from an empty catch with the error as cause', async () => {
    const document = await typeInto('src/app/settings.ts', 'export function readSettings(load: () => string) {\n  try {\n    return load();\n  } catch (err) {\n  }\n}\n');
    const [diagnostic] = await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'failure/empty-catch'), 'failure/empty-catch');
    await applyQuickFix(document, diagnostic, 'Rethrow the error with its cause');
    await waitForText(document, (t) => t.includes('cause: err'), 'the rethrow added');
    assert.match(document.getText(), /throw new Error\([^)]*\{ cause: err \}\)/);
    await waitForDiagnostics(document.uri, (d) => !d.some((x) => codeOf(x) === 'failure/empty-catch' || codeOf(x) === 'failure/swallowed-error'), 'finding gone');
    await document.save();
  });

  it('awaits a call to an async function declared in another file', async () => {
    fs.mkdirSync(path.join(workspaceRoot(), 'src/app'), { recursive: true });
    fs.writeFileSync(path.join(workspaceRoot(), 'src/app/users.ts'), 'export async function loadUser(id: string): Promise<string> {\n  return id;\n}\n');
    const document = await typeInto('src/app/user-handler.ts', 'import { loadUser } from "./users";\n\nexport async function handle() {\n  loadUser("1");\n}\n');
    // The workspace index learns about users.ts in the background: wait for the diagnostic, no sleep.
    const [diagnostic] = await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'failure/floating-promise'), 'failure/floating-promise');
    await applyQuickFix(document, diagnostic, 'Await the promise');
    await waitForText(document, (t) => t.includes('await loadUser("1");'), 'await added');
    await waitForDiagnostics(document.uri, (d) => !d.some((x) => codeOf(x) === 'failure/floating-promise'), 'finding gone');
    await document.save();
  });

  it('in Python, awaits a coroutine called without await and adds a timeout to a requests call', async () => {
    const document = await typeInto('app/jobs.py', 'import requests\n\n\nasync def send(to):\n    ...\n\n\nasync def signup(user):\n    send(user)\n    requests.get("https://hooks.example.com/signup")\n');
    const find = (diagnostics, code) => diagnostics.find((x) => codeOf(x) === code);
    const found = await waitForDiagnostics(document.uri, (d) => !!find(d, 'failure/floating-promise') && !!find(d, 'failure/network-timeout'), 'failure/floating-promise and failure/network-timeout');
    await applyQuickFix(document, find(found, 'failure/floating-promise'), 'Await the coroutine');
    await waitForText(document, (t) => t.includes('    await send(user)\n'), 'await added');
    const left = await waitForDiagnostics(document.uri, (d) => !find(d, 'failure/floating-promise') && !!find(d, 'failure/network-timeout'), 'the coroutine finding gone');
    await applyQuickFix(document, find(left, 'failure/network-timeout'), 'Add timeout=10');
    await waitForText(document, (t) => t.includes('requests.get("https://hooks.example.com/signup", timeout=10)'), 'timeout added');
    await waitForDiagnostics(document.uri, (d) => !find(d, 'failure/network-timeout'), 'the timeout finding gone');
    await document.save();
  });

  it('ends a floating promise outside an async function with void and a rejection handler', async () => {
    const document = await typeInto('src/app/render.ts', 'declare function render(response: Response): void;\nexport function start(url: string) {\n  fetch(url, { signal: AbortSignal.timeout(5000) }).then(render);\n}\n');
    const [diagnostic] = await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'failure/floating-promise'), 'failure/floating-promise');
    await applyQuickFix(document, diagnostic, 'Handle rejections: void');
    await waitForText(document, (t) => t.includes('void fetch('), 'void and .catch added');
    assert.match(document.getText(), /void fetch\(url, \{ signal: AbortSignal\.timeout\(5000\) \}\)\.then\(render\)\.catch\(/);
    await waitForDiagnostics(document.uri, (d) => !d.some((x) => codeOf(x) === 'failure/floating-promise'), 'finding gone');
    await document.save();
  });
});
