// Documents that are not files of their own: the cells of an open notebook (`vscode-notebook-cell:`
// URIs, whose path is the notebook's) and unsaved documents (`untitled:`). Each is analysed as a text of
// its language; ignore rules look at the notebook; a fix edits the cell or the unsaved document itself
// and never creates a file for it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeActionRequest, ExecuteCommandRequest, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { makeWorkspace } from '../helpers/engine';
import { TestLspClient } from '../helpers/lsp-client';

const KEY = 'sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab';
const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code).sort();

/** The URI VS Code gives a notebook's cell: the notebook's path, the cell in the fragment. */
function cellUri(notebook: string, cell: number): string {
  return URI.file(notebook).with({ scheme: 'vscode-notebook-cell', fragment: `W${cell}sZmlsZQ==` }).toString();
}

describe('language server: notebook cells and unsaved documents', function () {
  let root: string;
  let client: TestLspClient;

  beforeEach(async () => {
    root = makeWorkspace({
      'shipshape.yml': 'ignore:\n  - "exports.ipynb"\n',
      '.gitignore': 'scratch.ipynb\n',
      'analysis.ipynb': '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}\n',
    });
    client = new TestLspClient();
    await client.initialize({ rootPath: root, pull: true });
  });

  afterEach(async () => {
    const code = await client.shutdown();
    assert.equal(code, 0, `server exit code; stderr: ${client.stderr.join('')}`);
  });

  it('checks a Python cell for secrets and failures, and a Markdown cell for secrets', async () => {
    const notebook = path.join(root, 'analysis.ipynb');
    const code = await client.openUri(cellUri(notebook, 0), `import requests\n\nstripe_key = "${KEY}"\nresponse = requests.get(url)\n`, 'python');
    const notes = await client.openUri(cellUri(notebook, 1), `Use the key \`${KEY}\` for the demo.\n`, 'markdown');
    assert.deepEqual(codes(await client.pull(code)), ['failure/network-timeout', 'secrets/stripe-key']);
    assert.deepEqual(codes(await client.pull(notes)), ['secrets/stripe-key']);
  });

  it('reads a cell with the imports of the notebook\'s other cells, and again when they change', async () => {
    const notebook = path.join(root, 'analysis.ipynb');
    const imports = await client.openUri(cellUri(notebook, 0), 'import json\nfrom pathlib import (\n    Path,\n)\nimport requests\n', 'python');
    const uri = await client.openUri(cellUri(notebook, 1), 'response = requests.get(url)\n', 'python');
    const diagnostics = await client.pull(uri);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['failure/network-timeout', 0, 11]]);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } })) as CodeAction[];
    const add = actions.find((a) => a.title === 'Add timeout=10')!;
    assert.deepEqual(Object.keys(add.edit!.changes!), [uri], 'the fix edits the cell only');
    assert.deepEqual(await client.pull(imports), [], 'nothing is reported in the first cell');
    const refreshed = client.nextRefresh();
    await client.change(imports, 'import json\n');
    await refreshed;
    assert.deepEqual(await client.pull(uri), [], 'without the import, `requests` is not known to be requests');
  });

  it('knows a coroutine function defined in another cell: calling it without await drops it', async () => {
    const notebook = path.join(root, 'analysis.ipynb');
    await client.openUri(cellUri(notebook, 0), 'import asyncio\n\nasync def load(url):\n    await asyncio.sleep(1)\n', 'python');
    const uri = await client.openUri(cellUri(notebook, 1), 'load("a")\nawait load("b")\n', 'python');
    assert.deepEqual((await client.pull(uri)).map((d) => [d.code, d.range.start.line]), [['failure/floating-promise', 0]]);
  });

  it('moves a key in a cell to .env: the cell changes, and no file is made for the cell', async () => {
    const notebook = path.join(root, 'analysis.ipynb');
    const uri = await client.openUri(cellUri(notebook, 0), `import os\n\nstripe_key = "${KEY}"\n`, 'python');
    const diagnostics = await client.pull(uri);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } })) as CodeAction[];
    const move = actions.find((a) => a.title.startsWith('Move to environment variable'))!;
    assert.ok(move, `offers the move: ${actions.map((a) => a.title).join(', ')}`);
    assert.deepEqual(await client.connection.sendRequest(ExecuteCommandRequest.type, { command: move.command!.command, arguments: move.command!.arguments }), { applied: true });
    assert.equal(client.text(uri), 'import os\n\nstripe_key = os.environ["STRIPE_KEY"]\n');
    assert.equal(fs.readFileSync(path.join(root, '.env'), 'utf8'), `STRIPE_KEY=${KEY}\n`);
    assert.deepEqual(fs.readdirSync(root).filter((name) => name.startsWith('analysis')), ['analysis.ipynb']);
    assert.deepEqual(await client.pull(uri), []);
  });

  it('suppresses in a cell with the cell language\'s comment', async () => {
    const uri = await client.openUri(cellUri(path.join(root, 'analysis.ipynb'), 2), 'try:\n    run()\nexcept Exception:\n    pass\n', 'python');
    const diagnostics = await client.pull(uri);
    assert.deepEqual(codes(diagnostics), ['failure/empty-catch']);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } })) as CodeAction[];
    const suppress = actions.find((a) => a.title.startsWith('Suppress'))!;
    const [, line, ruleId] = suppress.command!.arguments!;
    assert.deepEqual(await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'shipshape.applySuppression', arguments: [uri, line, ruleId, 'runs in a scratch notebook'] }), { applied: true });
    assert.match(client.text(uri), /# shipshape-ignore-next-line failure\/empty-catch -- runs in a scratch notebook\n/);
    assert.deepEqual(await client.pull(uri), []);
  });

  it('looks at the notebook for ignore rules: .gitignore for secrets, shipshape.yml ignore for everything', async () => {
    const ignoredByGit = await client.openUri(cellUri(path.join(root, 'scratch.ipynb'), 0), `import requests\nkey = "${KEY}"\nrequests.get(url)\n`, 'python');
    assert.deepEqual(codes(await client.pull(ignoredByGit)), ['failure/network-timeout']);
    const ignoredByConfig = await client.openUri(cellUri(path.join(root, 'exports.ipynb'), 0), `key = "${KEY}"\n`, 'python');
    assert.deepEqual(await client.pull(ignoredByConfig), []);
  });

  it('checks a cell of an unsaved notebook as an unsaved document', async () => {
    // The notebook's scheme is in the fragment, in base64: `untitled`.
    const uri = `vscode-notebook-cell:Untitled-1.ipynb#W0s${Buffer.from('untitled').toString('base64')}`;
    await client.openUri(uri, `import os\nstripe_key = "${KEY}"\n`, 'python');
    const diagnostics = await client.pull(uri);
    assert.deepEqual(codes(diagnostics), ['secrets/stripe-key']);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } })) as CodeAction[];
    const move = actions.find((a) => a.title.startsWith('Move to environment variable'))!;
    assert.deepEqual(await client.connection.sendRequest(ExecuteCommandRequest.type, { command: move.command!.command, arguments: move.command!.arguments }), { applied: true });
    assert.equal(client.text(uri), 'import os\nstripe_key = os.environ["STRIPE_KEY"]\n');
    assert.equal(fs.readFileSync(path.join(root, '.env'), 'utf8'), `STRIPE_KEY=${KEY}\n`);
    assert.ok(!fs.existsSync('/Untitled-1.ipynb.py') && !fs.existsSync(path.join(root, 'Untitled-1.ipynb.py')), 'no file is made for the cell');
  });

  it('checks an unsaved document as a file of its language in the workspace, which nothing ignores', async () => {
    const uri = await client.openUri('untitled:Untitled-1', `export const stripeSecret = "${KEY}";\nfetch(url);\n`, 'typescript');
    assert.deepEqual(codes(await client.pull(uri)), ['failure/floating-promise', 'failure/network-timeout', 'secrets/stripe-key']);
    const diagnostics = await client.pull(uri);
    const secret = diagnostics.find((d) => d.code === 'secrets/stripe-key')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: secret.range, context: { diagnostics: [secret] } })) as CodeAction[];
    const move = actions.find((a) => a.title.startsWith('Move to environment variable'))!;
    assert.deepEqual(await client.connection.sendRequest(ExecuteCommandRequest.type, { command: move.command!.command, arguments: move.command!.arguments }), { applied: true });
    assert.equal(client.text(uri), 'export const stripeSecret = process.env.STRIPE_SECRET;\nfetch(url);\n');
    assert.equal(fs.readFileSync(path.join(root, '.env'), 'utf8'), `STRIPE_SECRET=${KEY}\n`);
    assert.ok(!fs.existsSync(path.join(root, 'Untitled-1.ts')), 'no file is made for the unsaved document');
  });
});

describe('language server: an unsaved document in a window with no folder', function () {
  let client: TestLspClient;

  before(async () => {
    client = new TestLspClient();
    await client.initialize({ rootPath: undefined, pull: true });
  });

  after(async () => {
    const code = await client.shutdown();
    assert.equal(code, 0, `server exit code; stderr: ${client.stderr.join('')}`);
  });

  it('is checked, and offers no fix that would write a file (the key would land in a temporary folder)', async () => {
    const uri = await client.openUri('untitled:Untitled-2', `export const stripeSecret = "${KEY}";\n`, 'typescript');
    const diagnostics = await client.pull(uri);
    assert.deepEqual(codes(diagnostics), ['secrets/stripe-key']);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title), ['Suppress secrets/stripe-key with a reason…']);
  });
});
