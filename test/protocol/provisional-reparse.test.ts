// A tree that TypeScript's incremental parser built on a broken one can differ from a fresh parse
// (parse-ts.ts reparseScript). The server answers keystrokes from it, and once typing pauses analyses
// the text afresh: the diagnostics it settles on are a fresh parse's, fingerprints included.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DidChangeTextDocumentNotification, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestLspClient } from '../helpers/lsp-client';

const BASE = `export async function load(id: string) {
  try {
    return await fetchOrder(id);
  } catch (error) {
    throw new Error('loading failed', { cause: error });
  }
}

export function save(order: Order) {
  try {
    write(order);
  } catch {
  }
}
`;

// Found by the property test in test/unit/engine/incremental-parse.test.ts (seed -1700718177): after
// these edits the incremental tree gives the empty catch another try statement, so another fingerprint.
const EDITS: Array<[number, number, string]> = [
  [777531649, 6, 'catch'], [0, 8, ')'], [1882442698, 3, '\n'], [0, 6, ' '], [0, 0, ' '], [543650851, 12, "'"],
  [333492265, 1, 'async () => {}'], [0, 1, 'async () => {}'], [417436548, 8, 'catch'], [710631314, 12, '('], [0, 9, "'"],
];

const shape = (diagnostics: Diagnostic[]) =>
  diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character} ${(d.data as { fingerprint?: string } | undefined)?.fingerprint}`).sort();

describe('provisional trees in the language server', function () {
  let root: string;
  let client: TestLspClient;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-provisional-'));
    fs.mkdirSync(path.join(root, 'src'));
    fs.writeFileSync(path.join(root, 'src', 'orders.ts'), BASE);
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
    for (const [at, remove, insert] of EDITS) {
      const previous = client.documents.get(uri)!;
      const text = previous.getText();
      const start = at % (text.length + 1);
      const range = { start: previous.positionAt(start), end: previous.positionAt(Math.min(text.length, start + remove)) };
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
