// The editor re-checks only the top-level statements an edit can affect (engine/incremental.ts) and
// carries the other statements' findings over. Whatever the edits, the findings (positions, messages,
// fingerprints, fixes) must be exactly those of a full analysis of the same text; and a keystroke in
// one function must really check less than the whole file.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as fc from 'fast-check';
import type ts from 'typescript';
import { builtInChecks } from '../../../server/src/checks';
import { statementsToCheck, type IncrementalState } from '../../../server/src/engine/incremental';
import { DiskHost } from '../../../server/src/engine/host';
import { createWorkspaceIndex, Engine, languageOf, type Finding } from '../../../server/src/engine/index';
import type { Check } from '../../../server/src/engine/types';
import { loadedConfig, TEST_SALT } from '../../helpers/engine';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-incremental-'));
const file = path.join(dir, 'src', 'orders.ts');
const API = `export async function charge(id: string): Promise<void> {}
export function ping(): void {}
`;
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(path.join(dir, 'src', 'api.ts'), API);
const config = loadedConfig(undefined, dir);
const host = new DiskHost();
const workspace = createWorkspaceIndex();
workspace.update({ path: path.join(dir, 'src', 'api.ts'), text: API, language: languageOf('api.ts') });

/** How many top-level statements the statement-local checks were asked to visit, per analysis. */
const visited: (number | 'all')[] = [];
/** The names those statements declare (or their first words), in the last analysis. */
let visitedNames: string[] = [];
const probe: Check = {
  meta: { id: 'test/probe', family: 'failure', languages: ['typescript'], defaultSeverity: 'info', description: 'probe', docs: { summary: '', examples: { bad: [], good: [] } } } as unknown as Check['meta'],
  statementLocal: true,
  run(context) {
    const tree = context.tsTree()!;
    const statements = statementsToCheck(tree);
    visited.push(statements?.size ?? 'all');
    visitedNames = [...(statements ?? [])].map((s) => /(?:function|const|interface)\s+(\w+)/.exec(s.getText(tree))?.[1] ?? s.getText(tree).slice(0, 12));
  },
};
const engine = new Engine([...builtInChecks, probe]);

/** The previous analysis's tree and state, which the next analysis consumes. */
type Previous = { tree?: ts.SourceFile; state?: IncrementalState } | undefined;
function analyzeIncrementally(text: string, previous: Previous, epoch = 1) {
  return engine.analyze({ document: { path: file, text, language: 'typescript' }, config, host, salt: TEST_SALT, previousTree: previous?.tree, workspace, incremental: { epoch, previous: previous?.state } });
}
/** A full analysis: of a fresh parse, or of the given tree (one already parsed for this text). */
function analyzeFully(text: string, tree?: ts.SourceFile) {
  return engine.analyze({ document: { path: file, text, language: 'typescript' }, config, host, salt: TEST_SALT, workspace, tree });
}
const shape = (findings: Finding[]) =>
  findings
    .map((f) => `${f.ruleId} ${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.fingerprint} ${f.message} ${JSON.stringify(f.fixes ?? [])}`)
    .sort();

// Statements that depend on each other by name, so that edits must reach across statements.
const BASE = `import axios from 'axios';
import { charge, ping } from './api';

const options = { timeout: 5000 };
const client = axios.create({ baseURL: 'https://example.com' });

export async function loadOrder(id: string) {
  return fetch(\`/orders/\${id}\`);
}

export function refresh(id: string) {
  return loadOrder(id);
}

export function totals(orders: number[]): number {
  let sum = 0;
  for (const order of orders) sum += order;
  return sum;
}

export function save(id: string) {
  refresh(id);
  charge(id);
  ping();
  axios.get('/a', options);
  client.get('/b');
  try {
    JSON.parse(id);
  } catch {
  }
}

interface Hooks { onDone(): void }
const hooks: Hooks = { onDone: async () => { await charge('1'); } };

[1, 2].forEach(async (n) => { await charge(String(n)); });

export function fail(): never {
  throw 'failed';
}

async function retry() {
  while (true) {
    try {
      return await fetch('/x', { signal: AbortSignal.timeout(100) });
    } catch (error) {
      console.log(error);
    }
  }
}
`;

describe('incremental analysis by statement (engine/incremental.ts)', () => {
  it('checks only the edited function when nothing else names it, and carries the other findings over', () => {
    const first = analyzeIncrementally(BASE, undefined);
    assert.ok(first.findings.length >= 6, `the base module has findings of several rules: ${shape(first.findings).join('\n')}`);
    visited.length = 0;
    const edited = BASE.replace('  return sum;', '  sum += 1;\n  return sum;');
    const second = analyzeIncrementally(edited, first);
    assert.deepEqual(visited, [1]);
    assert.deepEqual(shape(second.findings), shape(analyzeFully(edited).findings));
  });

  it('checks the callers of an edited function again, transitively', () => {
    const first = analyzeIncrementally(BASE, undefined);
    visited.length = 0;
    // loadOrder no longer gives a promise: refresh (which returns it) and save (which calls refresh) change.
    const edited = BASE.replace('export async function loadOrder(id: string) {\n  return fetch', 'export function loadOrder(id: string) {\n  return String');
    const second = analyzeIncrementally(edited, first);
    // The incremental parser may also rebuild the statement before the edit; never more.
    assert.deepEqual(visitedNames.filter((name) => name !== 'client'), ['loadOrder', 'refresh', 'save']);
    assert.deepEqual(shape(second.findings), shape(analyzeFully(edited).findings));
    assert.notDeepEqual(shape(second.findings), shape(first.findings));
  });

  it('checks one route of a route file when its handler is edited, not every statement that names the app', () => {
    const routes = ['import express from "express";', 'const app = express();', 'let hits = 0;']
      .concat(Array.from({ length: 20 }, (_, i) => `app.get("/r${i}", async (req, res) => {\n  res.send(await loadOrder(req.params.id));\n});`))
      .concat(['function count() { hits++; }', 'app.get("/hits", (req, res) => { count(); res.send(String(hits)); });'])
      .join('\n');
    const first = analyzeIncrementally(routes, undefined);
    visited.length = 0;
    const edited = routes.replace('app.get("/r7", async (req, res) => {\n', 'app.get("/r7", async (req, res) => {\n  hits;\n');
    const second = analyzeIncrementally(edited, first);
    assert.ok(visited[0] !== 'all' && visited[0]! <= 2, `statements checked: ${visited[0]}`);
    assert.deepEqual(shape(second.findings), shape(analyzeFully(edited).findings));
    // A function declaration declares its name: what names it is checked again (checks read declarations).
    visited.length = 0;
    const thirdText = edited.replace('function count() { hits++; }', 'function count() { hits += 2; }');
    const third = analyzeIncrementally(thirdText, second);
    assert.deepEqual(visitedNames.sort(), ['app.get("/hi', 'count']);
    // A top-level assignment changes what the statements naming `hits` read.
    visited.length = 0;
    const withReset = thirdText.replace('function count() { hits += 2; }', 'function count() { hits += 2; }\nhits = 0;');
    const fourth = analyzeIncrementally(withReset, third);
    assert.ok(['app.get("/hi', 'app.get("/r7', 'let hits = 0'].every((name) => visitedNames.includes(name)), visitedNames.join(', '));
    assert.deepEqual(shape(fourth.findings), shape(analyzeFully(withReset).findings));
    assert.deepEqual(shape(third.findings), shape(analyzeFully(thirdText).findings));
  });

  it('does not count an assignment to a local variable as a change other statements see', () => {
    const totals = Array.from({ length: 5 }, (_, i) => `export function total${i}(items: number[]) {\n  let sum = 0;\n  for (const item of items) sum += item;\n  return sum;\n}`).join('\n');
    const first = analyzeIncrementally(totals, undefined);
    visited.length = 0;
    analyzeIncrementally(totals.replace('  return sum;\n}\nexport function total1', '  sum *= 2;\n  return sum;\n}\nexport function total1'), first);
    assert.deepEqual(visitedNames, ['total0']);
  });

  it('checks everything again when the epoch changes', () => {
    const first = analyzeIncrementally(BASE, undefined, 1);
    visited.length = 0;
    const edited = BASE.replace('  return sum;', '  return sum + 0;');
    analyzeIncrementally(edited, first, 2);
    assert.deepEqual(visited, ['all']);
  });

  it('checks again, every time, a statement whose finding has a fix outside it', () => {
    // A fix that edits the top of the file (an import, say) cannot move with its statement.
    const importing: Check = {
      ...probe,
      meta: { ...probe.meta, id: 'test/importing' },
      run(context) {
        const tree = context.tsTree()!;
        for (const statement of tree.statements) {
          if (!statementsToCheck(tree) || statementsToCheck(tree)!.has(statement)) {
            if (statement.getText(tree).startsWith('ping()')) context.report({ ruleId: 'test/importing', start: statement.getStart(tree), end: statement.end, message: 'ping', fixes: [{ title: 'import', changes: [{ start: 0, end: 0, newText: '// imported\n' }] }] });
          }
        }
      },
    };
    const withImports = new Engine([...builtInChecks, importing]);
    const run = (text: string, previous?: Previous) => withImports.analyze({ document: { path: file, text, language: 'typescript' }, config, host, salt: TEST_SALT, previousTree: previous?.tree, workspace, incremental: { epoch: 1, previous: previous?.state } });
    const text = 'const a = 1;\nping();\n';
    const first = run(text);
    const edited = 'const a = 12345;\nping();\n';
    const second = run(edited, first);
    const fix = second.findings.find((f) => f.ruleId === 'test/importing')?.fixes?.[0]?.changes[0];
    assert.deepEqual([fix?.line, fix?.column], [1, 1]);
  });

  it('gives the findings of a full analysis after any sequence of edits', () => {
    const lines = BASE.split('\n');
    const snippets = [
      'async function loadOrder(id: string) { return 1; }',
      'function charge() {}',
      'const options = { retries: 1 };',
      "import { get } from 'axios';",
      "get('/c');",
      'loadOrder("2");',
      'refresh("3");',
      'try { refresh("4"); } catch {}',
      "throw 'x';",
      'axios.defaults.timeout = 1000;',
      'interface Hooks { onDone(): Promise<void> }',
      'export {};',
      'app.get("/x", async (req, res) => { res.send(await loadOrder("1")); });',
      'options = { timeout: 1 };',
      'Object.assign(options, { signal: AbortSignal.timeout(5) });',
      'function reset() { options = {}; }',
      'let pending = fetch("/p");',
      'pending.then(ok);',
      '}',
      '{',
      '/* comment */',
    ];
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), line: fc.nat(), snippet: fc.constantFrom(...snippets) }),
      fc.record({ kind: fc.constant('delete' as const), line: fc.nat() }),
      fc.record({ kind: fc.constant('async' as const), line: fc.nat() }),
      fc.record({ kind: fc.constant('chars' as const), at: fc.nat(), remove: fc.nat({ max: 8 }), insert: fc.constantFrom('', 'x', ' ', ';', '(', ')', '{', '}', 'await ', 'void ', '\n') }),
    );
    let restricted = 0;
    let analyses = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 10 }), (edits) => {
        let current = [...lines];
        let text = BASE;
        let previous: Previous = analyzeIncrementally(text, undefined);
        for (const step of edits) {
          if (step.kind === 'chars') {
            const start = step.at % (text.length + 1);
            text = text.slice(0, start) + step.insert + text.slice(start + step.remove);
            current = text.split('\n');
          } else {
            const at = step.line % current.length;
            if (step.kind === 'insert') current.splice(at, 0, step.snippet);
            else if (step.kind === 'delete') current.splice(at, 1);
            else current[at] = current[at]!.includes('async ') ? current[at]!.replace('async ', '') : current[at]!.replace(/\bfunction\b/, 'async function');
            text = current.join('\n');
          }
          visited.length = 0;
          const incremental = analyzeIncrementally(text, previous);
          analyses++;
          if (visited.every((v) => v !== 'all')) restricted++;
          assert.deepEqual(incremental.errors, []);
          // A provisional tree (built on a broken one) may differ from a fresh parse (parse-ts.ts); what is
          // checked here is the carrying over by statement, so it is compared with a full analysis of the same tree.
          assert.deepEqual(shape(incremental.findings), shape(analyzeFully(text, incremental.provisional ? incremental.tree : undefined).findings), `after editing to:\n${text}`);
          previous = incremental;
        }
      }),
      { numRuns: 150 },
    );
    // Most edits must have been checked by statement, or the property above says little.
    assert.ok(restricted > analyses / 2, `${restricted} of ${analyses} analyses were incremental`);
  });
});
