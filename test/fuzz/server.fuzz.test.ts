// Properties of the language server under malformed traffic: every request gets a result or a proper
// error, the server never crashes, and it still answers well-formed requests afterwards.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { TestLspClient } from '../helpers/lsp-client';
import { RUNS } from './arbitraries';

const METHODS = [
  'textDocument/diagnostic', 'textDocument/codeAction', 'workspace/executeCommand', 'textDocument/hover', 'shipshape/readiness',
  'textDocument/completion', 'no/such/method', '$/cancelRequest', 'shutdown-not-really',
];
const NOTIFICATIONS = ['textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose', 'textDocument/didSave', 'workspace/didChangeWatchedFiles', 'workspace/didChangeConfiguration', 'no/such/notification'];

const junk = fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.constant(undefined), fc.constant(null));
const uri = fc.constantFrom('file:///tmp/a.ts', 'file:///tmp/shipshape.yml', 'untitled:1', 'not a uri', '', 'file:///does/not/exist.py');
const position = fc.record({ line: fc.integer({ min: -5, max: 1e9 }), character: fc.integer({ min: -5, max: 1e9 }) });
const params = fc.oneof(
  junk,
  fc.record({ textDocument: fc.record({ uri, version: fc.integer({ min: -3, max: 50 }), text: fc.string({ maxLength: 200 }), languageId: fc.constantFrom('typescript', 'python', 'x') }) }),
  fc.record({ textDocument: fc.record({ uri, version: fc.integer() }), contentChanges: fc.array(fc.oneof(fc.record({ text: fc.string({ maxLength: 100 }) }), fc.record({ range: fc.record({ start: position, end: position }), text: fc.string({ maxLength: 20 }) }))) }),
  fc.record({ textDocument: fc.record({ uri }), range: fc.record({ start: position, end: position }), context: fc.record({ diagnostics: fc.array(junk, { maxLength: 3 }) }) }),
  fc.record({ command: fc.constantFrom('shipshape.applySuppression', 'shipshape.applyFix', 'shipshape.addToBaseline', 'nope'), arguments: fc.array(junk, { maxLength: 5 }) }),
);
const message = fc.oneof(
  fc.record({ kind: fc.constant('request' as const), method: fc.constantFrom(...METHODS), params }),
  fc.record({ kind: fc.constant('notification' as const), method: fc.constantFrom(...NOTIFICATIONS), params }),
);

describe('fuzz: language server', function () {
  this.timeout(300000);

  it('answers every request (result or error), never crashes, and keeps serving', async () => {
    const client = new TestLspClient();
    let exited = false;
    client.process.on('exit', () => (exited = true));
    // A small root: readiness requests among the junk review this folder, not all of /tmp.
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-fuzz-'));
    await client.initialize({ rootPath: root, pull: true });
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(message, { minLength: 1, maxLength: 8 }), async (messages) => {
        for (const m of messages) {
          if (m.kind === 'notification') {
            await client.connection.sendNotification(m.method, m.params as never);
            continue;
          }
          // A response or a ResponseError both count; a hang is caught by the test timeout.
          await client.connection.sendRequest(m.method, m.params as never).then(
            () => answered++,
            (error: { code?: number }) => {
              assert.equal(typeof error.code, 'number', `a proper LSP error for ${m.method}: ${JSON.stringify(error)}`);
              answered++;
            },
          );
        }
        assert.equal(exited, false, 'the server is still running');
      }),
      { numRuns: Math.max(20, Math.floor(RUNS / 5)) },
    );
    assert.ok(answered > 0);
    // Still serving: a well-formed open and pull work after all that.
    const uri = await client.open(path.join(root, 'after.ts'), 'try { x(); } catch (e) {}\n');
    assert.deepEqual((await client.pull(uri)).map((d) => d.code), ['failure/empty-catch']);
    assert.equal(await client.shutdown(), 0);
  });
});
