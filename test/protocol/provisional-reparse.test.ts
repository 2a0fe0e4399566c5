// A tree that TypeScript's incremental parser built on a broken one can differ from a fresh parse
// (parse-ts.ts reparseScript). The server answers keystrokes from it, and once typing pauses analyses
// the text afresh: the diagnostics it settles on are a fresh parse's, fingerprints included.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DidChangeTextDocumentNotification, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyRandomEdit, TWO_TRIES, WRONG_TREE_EDITS } from '../helpers/broken-edits';
import { TestLspClient } from '../helpers/lsp-client';

const shape = (diagnostics: Diagnostic[]) =>
  diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character} ${(d.data as { fingerprint?: string } | undefined)?.fingerprint}`).sort();

describe('provisional trees in the language server', function () {
  let root: string;
  let client: TestLspClient;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-provisional-'));
    fs.mkdirSync(path.join(root, 'src'));
    fs.writeFileSync(path.join(root, 'src', 'orders.ts'), TWO_TRIES);
    fs.writeFileSync(path.join(root, 'src', 'other.ts'), 'export const other = 1;\n');
    client = new TestLspClient();
    await client.initialize({ rootPath: root, pull: true });
  });

  after(async () => {
    assert.equal(await client.shutdown(), 0, client.stderr.join(''));
  });

  it('settles, once typing pauses, on the diagnostics of a fresh parse', async () => {
    const file = path.join(root, 'src', 'orders.ts');
    const uri = client.uri(file);
    await client.pullFile(file);
    // The edits after which the incremental tree gives the empty catch another fingerprint.
    for (const edit of WRONG_TREE_EDITS) {
      const previous = client.documents.get(uri)!;
      const { start, end } = applyRandomEdit(previous.getText(), edit);
      const insert = edit[2];
      const range = { start: previous.positionAt(start), end: previous.positionAt(end) };
      const next = TextDocument.update(previous, [{ range, text: insert }], previous.version + 1);
      client.documents.set(uri, next);
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: next.version }, contentChanges: [{ range, text: insert }] });
      await client.pull(uri);
    }
    // A request about another file first completes the edited file's pending work (its index update,
    // and with it the fresh analysis), as a pause in typing would.
    await client.pullFile(path.join(root, 'src', 'other.ts'));
    const settled = shape(await client.pull(uri));
    const text = client.text(uri);
    // The same text opened afresh: analysed from a fresh parse.
    await client.close(uri);
    await client.open(file, text);
    const fresh = shape(await client.pull(uri));
    assert.ok(fresh.some((d) => d.startsWith('failure/empty-catch')), fresh.join('\n'));
    assert.deepEqual(settled, fresh);
  });
});
