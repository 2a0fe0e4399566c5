// The architecture family in the language server: it agrees with the CLI, follows edits (a cycle
// closes and opens as imports are typed), explains itself on hover and offers its quick fixes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeActionRequest, ExecuteCommandRequest, HoverRequest, type CodeAction, type Diagnostic, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { ARCH_FIXTURE, cliFindings } from '../cli/architecture.test';
import { copyFolder, TestLspClient } from '../helpers/lsp-client';

const SOURCES = [
  'apps/web/src/main.ts',
  'apps/web/src/pages/home.ts',
  'apps/web/src/state/actions.ts',
  'apps/web/src/state/selectors.ts',
  'apps/web/src/state/store.ts',
  'packages/domain/src/index.ts',
  'packages/domain/src/money.ts',
  'packages/domain/src/order.ts',
  'packages/infra/src/db/pool.ts',
  'packages/infra/src/db/query.ts',
  'packages/infra/src/index.ts',
  'services/worker/jobs.py',
  'services/worker/settings.py',
];

const key = (file: string, d: Diagnostic) => `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`;

describe('architecture rules in the language server', function () {
  let root: string;
  let client: TestLspClient;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-arch-'));
    copyFolder(ARCH_FIXTURE, root);
    client = new TestLspClient();
    await client.initialize({ rootPath: root, pull: true });
  });

  after(async () => {
    assert.equal(await client.shutdown(), 0, client.stderr.join(''));
  });

  const diagnosticsOf = (relative: string) => client.pullFile(path.join(root, relative));
  /** Pulls until the diagnostics satisfy `done` (the index is built in the background; edits re-check). */
  const eventually = (relative: string, done: (d: Diagnostic[]) => boolean) => client.pullUntil(path.join(root, relative), done);

  it('reports exactly what the CLI reports, once the workspace graph is built', async () => {
    const expected = cliFindings(root).map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}`).sort();
    // Cycles need the background index; wait for it through the refresh it sends when done.
    await eventually('apps/web/src/state/store.ts', (d) => d.some((x) => x.code === 'architecture/cycle'));
    const actual: string[] = [];
    for (const file of SOURCES) for (const d of await diagnosticsOf(file)) actual.push(key(file, d));
    assert.deepEqual(actual.sort(), expected);
  });

  it('re-checks the edited file and the cycle it touches as imports are typed and removed', async () => {
    const actions = client.uri(path.join(root, 'apps/web/src/state/actions.ts'));
    const original = client.text(actions);
    await client.change(actions, original.replace('import { store } from "./store";', 'import type { store as S } from "./store";\ndeclare const store: S;'));
    assert.deepEqual(await diagnosticsOf('apps/web/src/state/actions.ts'), []);
    await eventually('apps/web/src/state/store.ts', (d) => !d.some((x) => x.code === 'architecture/cycle'));

    await client.change(actions, original);
    await diagnosticsOf('apps/web/src/state/actions.ts'); // an editor pulls the edited file first
    const back = await eventually('apps/web/src/state/store.ts', (d) => d.some((x) => x.code === 'architecture/cycle'));
    assert.match(back[0].message as string, /^Import cycle: apps\/web\/src\/state\/store\.ts → apps\/web\/src\/state\/actions\.ts → apps\/web\/src\/state\/store\.ts\./);

    const order = client.uri(path.join(root, 'packages/domain/src/order.ts'));
    const orderText = client.text(order);
    await client.change(order, orderText.replace('import { query } from "@acme/infra";\n', ''));
    assert.deepEqual((await diagnosticsOf('packages/domain/src/order.ts')).map((d) => d.code), []);
    await client.change(order, orderText);
    assert.deepEqual((await diagnosticsOf('packages/domain/src/order.ts')).map((d) => d.code), ['architecture/layer-import']);
  });

  it('explains a violation on hover: the constraint, its reason, and what the file may import', async () => {
    const [violation] = await diagnosticsOf('packages/domain/src/order.ts');
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: client.uri(path.join(root, 'packages/domain/src/order.ts')) },
      position: { line: violation.range.start.line, character: violation.range.start.character + 3 },
    });
    const value = (hover?.contents as MarkupContent).value;
    assert.equal(value, [
      '**Constraint on `domain`** (shipshape.yml): may import no other layer; must not import the packages `pg`, `node:fs` — *The domain model stays free of I/O so it can be unit-tested and reused.*',
      '**`packages/domain/src/order.ts`** is in `domain`. It may import its own layers, files in no layer. It must not import `infra`, `web`, `worker`.',
    ].join('\n\n'));
    assert.deepEqual(hover?.range, violation.range);
    const nothing = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: client.uri(path.join(root, 'packages/domain/src/order.ts')) }, position: { line: 3, character: 2 } });
    assert.equal(nothing, null);
  });

  async function actionsFor(relative: string, ruleId: string): Promise<CodeAction[]> {
    const uri = client.uri(path.join(root, relative));
    const diagnostics = (await diagnosticsOf(relative)).filter((d) => d.code === ruleId);
    assert.equal(diagnostics.length, 1);
    return (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } })) as CodeAction[];
  }

  it('rewrites a deep import to the public entry', async () => {
    const relative = 'apps/web/src/main.ts';
    // The entry does not export `pool` yet: no rewrite. Once it does (edited in the editor), the rewrite is offered.
    assert.deepEqual((await actionsFor(relative, 'architecture/public-api')).map((a) => a.title), ['Suppress architecture/public-api with a reason…', 'Add to baseline (architecture/public-api)']);
    const infraIndex = client.uri(path.join(root, 'packages/infra/src/index.ts'));
    await client.change(infraIndex, client.text(infraIndex) + 'export { pool } from "./db/pool.js";\n');
    await client.pull(infraIndex); // as an editor does after an edit; the changed exports re-check the importers
    const actions = await actionsFor(relative, 'architecture/public-api');
    assert.deepEqual(actions.map((a) => a.title), ["Import from the public entry '@acme/infra'", 'Suppress architecture/public-api with a reason…', 'Add to baseline (architecture/public-api)']);
    const edit = actions[0].edit!.changes![client.uri(path.join(root, relative))];
    assert.deepEqual(edit.map((e) => e.newText), ['"@acme/infra"']);
  });

  it('adds a finding to the baseline, after which it is no longer shown', async () => {
    const actions = await actionsFor('packages/domain/src/money.ts', 'architecture/forbidden-package');
    const add = actions.find((a) => a.title === 'Add to baseline (architecture/forbidden-package)')!;
    const result = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: add.command!.command, arguments: add.command!.arguments });
    assert.deepEqual(result, { applied: true });
    const baseline = JSON.parse(fs.readFileSync(path.join(root, '.shipshape', 'baseline.json'), 'utf8'));
    assert.equal(Object.values(baseline.findings as Record<string, { ruleId: string; file: string; count: number }>)[0].file, 'packages/domain/src/money.ts');
    assert.deepEqual(await diagnosticsOf('packages/domain/src/money.ts'), []);
  });
});
