// The failure family's cross-file rules in the language server: a call into another file's async
// function is flagged; when that file's export stops (or starts) being async — edited in the editor or
// changed on disk — its importers are re-checked. Edits arrive as ranged changes and are reparsed
// incrementally, with the same findings as a fresh parse.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeActionRequest, DidChangeTextDocumentNotification, FileChangeType, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyse, visible } from '../helpers/engine';
import { familyCodes, TestLspClient } from '../helpers/lsp-client';

const ORDERS = 'export async function saveOrder(order: unknown) {}\n';
const HANDLER = 'import { saveOrder } from "./orders";\n\nexport function handle(order: unknown) {\n  saveOrder(order);\n  return true;\n}\n';

describe('floating promises across files in the language server', function () {
  let root: string;
  let client: TestLspClient;
  const file = (relative: string) => path.join(root, relative);
  const codes = (diagnostics: Diagnostic[]) => familyCodes(diagnostics, 'failure');

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-fp-'));
    fs.mkdirSync(path.join(root, 'src'));
    fs.writeFileSync(file('src/orders.ts'), ORDERS);
    fs.writeFileSync(file('src/handler.ts'), HANDLER);
    client = new TestLspClient();
    await client.initialize({ rootPath: root, pull: true });
  });

  after(async () => {
    assert.equal(await client.shutdown(), 0, client.stderr.join(''));
  });

  const pull = (relative: string) => client.pullFile(file(relative));
  /** Pulls until `done` holds: a re-check of another file arrives as a diagnostics refresh. */
  const eventually = (relative: string, done: (d: Diagnostic[]) => boolean) => client.pullUntil(file(relative), done);

  /** A ranged edit, as editors send them. */
  async function edit(relative: string, line: number, character: number, deleteCount: number, text: string): Promise<void> {
    const uri = client.uri(file(relative));
    const previous = client.documents.get(uri)!;
    const range = { start: { line, character }, end: { line, character: character + deleteCount } };
    const next = TextDocument.update(previous, [{ range, text }], previous.version + 1);
    client.documents.set(uri, next);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: next.version }, contentChanges: [{ range, text }] });
  }

  it('flags a call to an async function declared in another file', async () => {
    assert.deepEqual(codes(await pull('src/handler.ts')), ['4:3 failure/floating-promise']);
  });

  it('re-checks the importer when the export stops being async in the editor, and when it changes back', async () => {
    const orders = client.uri(file('src/orders.ts'));
    await pull('src/orders.ts');
    await client.change(orders, 'export function saveOrder(order: unknown) {}\n');
    await client.pull(orders); // an editor pulls the edited file first; its changed exports re-check the importers
    await eventually('src/handler.ts', (d) => codes(d).length === 0);
    await client.change(orders, ORDERS);
    await client.pull(orders);
    await eventually('src/handler.ts', (d) => codes(d).length === 1);
  });

  it('re-checks the importer when a closed file changes on disk', async () => {
    await client.close(client.uri(file('src/orders.ts')));
    fs.writeFileSync(file('src/orders.ts'), 'export function saveOrder(order: unknown): number { return 1; }\n');
    await client.filesChanged([{ uri: client.uri(file('src/orders.ts')), type: FileChangeType.Changed }]);
    await eventually('src/handler.ts', (d) => codes(d).length === 0);
    fs.writeFileSync(file('src/orders.ts'), ORDERS);
    await client.filesChanged([{ uri: client.uri(file('src/orders.ts')), type: FileChangeType.Changed }]);
    await eventually('src/handler.ts', (d) => codes(d).length === 1);
  });

  it('offers the quick fix with the configured handler', async () => {
    const uri = client.uri(file('src/handler.ts'));
    const diagnostics = (await pull('src/handler.ts')).filter((d) => d.code === 'failure/floating-promise');
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } })) as CodeAction[];
    const fix = actions.find((a) => a.title.startsWith('Handle rejections'));
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.deepEqual(fix.edit!.changes![uri].map((e) => e.newText), ['void saveOrder(order).catch((error) => queueMicrotask(() => { throw error; }))']);
  });

  it('gives the same findings after ranged edits as a fresh analysis of the same text', async () => {
    const relative = 'src/handler.ts';
    await pull(relative);
    const steps: [number, number, number, string][] = [
      [4, 2, 0, 'saveOrder(order);\n  '], // a second floating call
      [3, 2, 0, 'await '], // not inside an async function: still parses, now a syntax-level await
      [3, 2, 6, ''], // undo
      [2, 7, 0, 'async '], // the function becomes async
      [5, 2, 0, 'const p = fetch("/x");\n  p;\n  '],
      [0, 0, 0, '// header\n'],
    ];
    for (const [line, character, deleteCount, text] of steps) {
      await edit(relative, line, character, deleteCount, text);
      const served = codes(await pull(relative));
      const text_ = client.text(client.uri(file(relative)));
      const fresh = visible(analyse(text_, { filename: relative, files: { 'src/orders.ts': ORDERS } }))
        .filter((f) => f.ruleId.startsWith('failure/'))
        .map((f) => `${f.line}:${f.column} ${f.ruleId}`);
      assert.deepEqual(served, fresh, text_);
    }
    assert.ok(codes(await pull(relative)).length >= 3);
  });
});
