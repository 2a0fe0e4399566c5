// Python coroutines across files in the language server: a call of another module's `async def`
// without await is flagged, with the await fix; when that module's function stops being async (edited
// in the editor), the importer is re-checked and the finding goes, and it comes back with the `async`.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeActionRequest, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { familyCodes, TestLspClient } from '../helpers/lsp-client';

const MAILER = 'async def send(to):\n    ...\n';
const SIGNUP = 'from app.mailer import send\n\n\nasync def signup(user):\n    send(user)\n    return True\n';

describe('Python coroutines across files in the language server', function () {
  let root: string;
  let client: TestLspClient;
  const file = (relative: string) => path.join(root, relative);
  const codes = (diagnostics: Diagnostic[]) => familyCodes(diagnostics, 'failure');

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-py-'));
    fs.mkdirSync(path.join(root, '.git'));
    fs.mkdirSync(path.join(root, 'app'));
    fs.writeFileSync(file('app/__init__.py'), '');
    fs.writeFileSync(file('app/mailer.py'), MAILER);
    fs.writeFileSync(file('app/signup.py'), SIGNUP);
    client = new TestLspClient();
    await client.initialize({ rootPath: root, pull: true });
  });

  after(async () => {
    assert.equal(await client.shutdown(), 0, client.stderr.join(''));
  });

  const pull = (relative: string) => client.pullFile(file(relative));
  const eventually = (relative: string, done: (d: Diagnostic[]) => boolean) => client.pullUntil(file(relative), done);

  it('flags the call of another module\'s coroutine function and offers to await it', async () => {
    const diagnostics = await eventually('app/signup.py', (d) => codes(d).length > 0);
    assert.deepEqual(codes(diagnostics), ['5:5 failure/floating-promise']);
    const uri = client.uri(file('app/signup.py'));
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } })) as CodeAction[];
    const fix = actions.find((a) => a.title === 'Await the coroutine');
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.deepEqual(fix.edit!.changes![uri].map((e) => `${e.range.start.line + 1}:${e.range.start.character + 1} ${e.newText}`), ['5:5 await ']);
  });

  it('re-checks the importer when the function stops being async in the editor, and when it changes back', async () => {
    const mailer = client.uri(file('app/mailer.py'));
    await pull('app/mailer.py');
    await client.change(mailer, 'def send(to):\n    ...\n');
    await client.pull(mailer);
    await eventually('app/signup.py', (d) => codes(d).length === 0);
    await client.change(mailer, MAILER);
    await client.pull(mailer);
    await eventually('app/signup.py', (d) => codes(d).length === 1);
  });
});
