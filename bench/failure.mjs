// bench:failure — (a) agreement with peer rules on ../shared/bench/failure/peer-cases.jsonl, per peer
// rule, every disagreement listed with a reason; (b) editor latency on a 2,000-line TypeScript file:
// didChange → pull diagnostics in the warm server, next to a full TypeScript parse (the floor) and a
// warm ESLint (typed no-floating-promises + promise/catch-or-return) in one process; (c) throughput of
// the failure family on effect@4.1.0 src/ against ESLint running the untyped equivalents; (d) Python in
// the editor: every family on a 2,000-line Python file after each edit, next to a tree-sitter parse.
// Runs whatever failure rules are registered: a peer rule whose Shipshape rules are missing says so.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { corpus, peers, REPO_ROOT, SHARED_DIR } from './lib/cache.mjs';
import { connectServer, stopServer } from './lib/lsp-latency.mjs';
import { table, writeSection } from './lib/report.mjs';
import { fmt, percentile, timeCommand } from './lib/stats.mjs';

const require = createRequire(import.meta.url);
const ESLINT = ['eslint@10.15.0', 'typescript-eslint@8.73.0', 'eslint-plugin-promise@7.3.0', 'typescript@6.0.3'];
const CASES = path.join(SHARED_DIR, 'bench', 'failure', 'peer-cases.jsonl');
const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const EDITS = Number(process.env.FAILURE_BENCH_EDITS ?? 200);
/** Edits sent to the server before timing starts (an even number: the edits insert and remove in turn). */
const SERVER_WARMUP_EDITS = 100;
const RUNS = Number(process.env.FAILURE_BENCH_RUNS ?? 3);
/**
 * `FAILURE_BENCH_ONLY=agreement,latency` runs only those parts. By default all three, except that in a
 * run that also has the workspace section (`npm run bench`) the throughput is left to it: it measures
 * the same pair (the failure family against ESLint with the same four rules on effect@4.1.0), and
 * measuring it twice cost three minutes of the run.
 */
const WORKSPACE_IN_RUN = (process.env.SHIPSHAPE_BENCH_SECTIONS ?? '').split(',').includes('workspace');
const ONLY = new Set((process.env.FAILURE_BENCH_ONLY ?? (WORKSPACE_IN_RUN ? 'agreement,latency,python' : 'agreement,latency,throughput,python')).split(','));

/**
 * Peer rule → the Shipshape rules that express the same concept, and the target. For the promise
 * rules swallowed-error is part of the mapping: `.catch(() => {})` is handled for them and a swallow
 * for us, a deliberate difference that stays in the denominator (issue 4).
 */
const MAPPING = [
  { peer: 'no-empty', ours: ['failure/empty-catch', 'failure/swallowed-error'], target: 0.9, filter: (c) => c.code.includes('catch') },
  { peer: 'no-throw-literal', ours: ['failure/throw-non-error'], target: 0.9 },
  { peer: '@typescript-eslint/only-throw-error', ours: ['failure/throw-non-error'], target: 0.9 },
  { peer: 'promise/catch-or-return', ours: ['failure/floating-promise', 'failure/swallowed-error'], target: 0.9 },
  { peer: '@typescript-eslint/no-floating-promises', ours: ['failure/floating-promise', 'failure/swallowed-error'], target: 0.85 },
  { peer: '@typescript-eslint/no-misused-promises', ours: ['failure/async-callback', 'failure/floating-promise'], target: 0.85 },
];

export async function run() {
  const sections = ['## Failure family', ''];
  if (ONLY.has('agreement')) sections.push(peerAgreement());
  const eslintDir = ONLY.has('latency') || ONLY.has('throughput') ? peers('eslint', ESLINT) : undefined;
  if (ONLY.has('latency')) sections.push(await latency(eslintDir));
  if (ONLY.has('python')) sections.push(pythonEditor());
  if (ONLY.has('throughput')) sections.push(throughput(eslintDir));
  else if (WORKSPACE_IN_RUN && !process.env.FAILURE_BENCH_ONLY) sections.push('### Throughput\n\nThe failure family against ESLint (same rules, effect@4.1.0) is in the Workspace section of this run. `npm run bench:failure` measures it here, with one and two threads.');
  return writeSection('failure', sections.join('\n\n'));
}

// ── (d) Python in the editor ──────────────────────────────────────────────────────────────────────

/** Every family on a 2,000-line Python file after each edit, in process (bench/python-editor.ts), next to a tree-sitter parse. */
function pythonEditor() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-bench-python-editor-'));
  const child = spawnSync(process.execPath, ['-r', 'tsx/cjs', '-r', './test/helpers/register-yml.js', 'bench/python-editor.ts', dir, String(EDITS), '40'], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  fs.rmSync(dir, { recursive: true, force: true });
  if (child.status !== 0) throw new Error(`python-editor failed: ${child.stderr}`);
  const times = JSON.parse(child.stdout);
  const median = (values) => percentile(values, 50);
  const row = (name, values, ratio) => [name, fmt.ms(median(values)), fmt.ms(percentile(values, 95)), ratio];
  return [
    `### Python in the editor (${times.lines}-line Python file, ${times.analysis.length} edits, in process)`,
    '',
    `Each text analysed by the engine with every family on (${times.findings} findings); the Python rules share one tree-sitter parse per text. The floor is a tree-sitter parse of the same text. No target in the issues; reported so a regression shows.`,
    '',
    table(['', 'p50', 'p95', 'p95 / floor'], [
      row('Shipshape engine, every family', times.analysis, fmt.ratio(percentile(times.analysis, 95) / percentile(times.parse, 95))),
      row('floor: tree-sitter parse of the same text', times.parse, '1.00×'),
    ]),
  ].join('\n');
}

// ── (a) peer agreement ────────────────────────────────────────────────────────────────────────────

function peerAgreement() {
  const cases = fs.readFileSync(CASES, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  const child = spawnSync(process.execPath, ['-r', 'tsx/cjs', '-r', './test/helpers/register-yml.js', 'bench/failure-engine.ts', 'cases', CASES], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (child.status !== 0) throw new Error(`failure-engine failed: ${child.stderr}`);
  const { rules, results } = JSON.parse(child.stdout);
  const registered = new Set(rules);
  const rows = [];
  const disagreements = [];
  for (const mapping of MAPPING) {
    const scored = cases.map((c, index) => ({ ...c, index })).filter((c) => c.peerRule === mapping.peer && !c.options && (!mapping.filter || mapping.filter(c)));
    const present = mapping.ours.filter((id) => registered.has(id));
    const missing = mapping.ours.filter((id) => !registered.has(id));
    let agree = 0;
    let deliberate = 0;
    for (const c of scored) {
      const fired = results[c.index].ruleIds.filter((id) => mapping.ours.includes(id));
      const flagged = fired.length > 0;
      if (flagged === (c.expect === 'flag')) agree++;
      else {
        const why = reason(c, fired, missing);
        if (/^(deliberate|out of scope)/.test(why)) deliberate++;
        disagreements.push({ peer: mapping.peer, expect: c.expect, fired, reason: why, code: c.code, source: c.source });
      }
    }
    const rate = scored.length ? agree / scored.length : 0;
    rows.push([
      `\`${mapping.peer}\``,
      mapping.ours.map((id) => (registered.has(id) ? `\`${id}\`` : `~~\`${id}\`~~ (not registered)`)).join(' + '),
      `${agree}/${scored.length}`,
      fmt.pct(rate),
      scored.length - deliberate ? `${fmt.pct(agree / (scored.length - deliberate))} (${deliberate} set aside)` : '—',
      `≥ ${fmt.pct(mapping.target)}`,
      present.length === 0 ? 'n/a (no rule)' : rate >= mapping.target ? 'yes' : 'no',
    ]);
  }
  const byReason = new Map();
  for (const d of disagreements) byReason.set(`${d.peer} — ${d.reason}`, (byReason.get(`${d.peer} — ${d.reason}`) ?? 0) + 1);
  const list = disagreements.map((d) => `- \`${d.peer}\` expects **${d.expect}**, Shipshape ${d.fired.length ? `reports ${d.fired.map((id) => `\`${id}\``).join(', ')}` : 'reports nothing'} — *${d.reason}* — \`${oneLine(d.code)}\` (${d.source.replace(/^.*:/, '')})`);
  return [
    '### Peer agreement (`../shared/bench/failure/peer-cases.jsonl`, cases without `options`; `no-empty`: cases with a `catch`)',
    '',
    table(['peer rule', 'Shipshape rules', 'agree', 'agreement', 'without deliberate differences', 'target', 'met? (on agreement)'], rows),
    '',
    'Disagreements by reason:',
    '',
    table(['peer rule — reason', 'cases'], [...byReason].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, String(v)])),
    '',
    '<details><summary>Every disagreement</summary>',
    '',
    ...list,
    '',
    '</details>',
  ].join('\n');
}

/** Why Shipshape and the peer differ on a case: a deliberate difference, a missing rule, or a gap. */
function reason(c, fired, missing) {
  const missingHere = missing.length > 0 && c.expect === 'flag';
  if (missingHere && fired.length === 0) return `rule not registered yet (${missing.join(', ')})`;
  if (c.expect === 'clean') {
    if (fired.includes('failure/empty-catch') && /catch\s*(\([^)]*\))?\s*\{\s*(\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)+\}/.test(c.code)) return 'deliberate: a catch holding only a comment is empty for us';
    if (fired.includes('failure/throw-non-error') && /\?[^?:]+:/.test(c.code)) return 'deliberate: one branch of the conditional throws a literal (the typed only-throw-error flags it too)';
    if (fired.includes('failure/swallowed-error') && fired.length === 1) return 'deliberate: the handler swallows the error (handled for the peer)';
    return c.needsTypeInfo ? 'false positive: the peer knows from types that this is not a promise/error case' : 'false positive';
  }
  if (c.peerRule === 'promise/catch-or-return' && /\.then\((?:[^()]|\([^()]*\))*,(?:[^()]|\([^()]*\))*\)\s*;?\s*\}?\s*$/.test(c.code.trim())) return 'deliberate: `.then(ok, onRejected)` handles the rejection (issue 4); the peer wants `allowThen`';
  if (c.peerRule === 'promise/catch-or-return' && /\.catch\([^)]*\)\.finally\([^)]*\)\s*;?\s*$/.test(c.code.trim())) return 'deliberate: a `.catch` before the `.finally` handles the rejection; the peer wants `allowFinally`';
  if (c.peerRule === 'no-empty' && !/catch\s*(\([^)]*\))?\s*\{\s*\}/.test(c.code)) return 'out of scope: the peer flags an empty try or finally block, not the catch';
  if (c.needsTypeInfo) return 'missed: needs type information (the type of a value, a declaration elsewhere)';
  return 'missed';
}

function oneLine(code) {
  const text = code.trim().replace(/\s+/g, ' ');
  return (text.length > 110 ? text.slice(0, 107) + '…' : text).replace(/`/g, 'ˋ');
}

// ── (b) editor latency ────────────────────────────────────────────────────────────────────────────

/** A realistic service module: async handlers, try/catch, fetch, promise chains, throws. */
export function serviceFile(lines = 2000) {
  const out = ["import { readFile } from 'node:fs/promises';", "import { db, logger, queue } from './infra';", ''];
  let i = 0;
  while (out.length < lines - 12) {
    const n = i++;
    out.push(
      `export interface Order${n} { id: string; total: number; items: string[]; createdAt: Date }`,
      '',
      `export async function loadOrder${n}(id: string): Promise<Order${n} | undefined> {`,
      `  const response = await fetch(\`https://api.example.com/orders/\${id}\`, { signal: AbortSignal.timeout(5000) });`,
      '  if (!response.ok) {',
      `    throw new Error(\`order \${id}: HTTP \${response.status}\`);`,
      '  }',
      `  const body = (await response.json()) as Order${n};`,
      '  return body.items.length > 0 ? body : undefined;',
      '}',
      '',
      `export async function saveOrder${n}(order: Order${n}): Promise<void> {`,
      '  try {',
      `    await db.insert('orders', order);`,
      `    await queue.publish('order.saved', { id: order.id });`,
      '  } catch (err) {',
      n % 5 === 0 ? `    logger.error('saving order failed', err);` : `    throw new Error(\`saving order \${order.id} failed\`, { cause: err });`,
      '  }',
      '}',
      '',
      `export function totals${n}(orders: Order${n}[]): number {`,
      '  let sum = 0;',
      '  for (const order of orders) {',
      '    if (order.total < 0) throw new RangeError(`negative total in ${order.id}`);',
      '    sum += order.total;',
      '  }',
      '  return sum;',
      '}',
      '',
      `export function refresh${n}(id: string): Promise<void> {`,
      `  return loadOrder${n}(id).then((order) => (order ? saveOrder${n}(order) : undefined));`,
      '}',
      '',
      `export async function readConfig${n}(file: string): Promise<Record<string, unknown>> {`,
      "  const text = await readFile(file, 'utf8');",
      '  try {',
      '    return JSON.parse(text) as Record<string, unknown>;',
      '  } catch (err) {',
      `    throw new Error(\`config \${file} is not JSON\`, { cause: err });`,
      '  }',
      '}',
      '',
    );
  }
  while (out.length < lines) out.push('');
  return out.slice(0, lines).join('\n') + '\n';
}

async function latency(eslintDir) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-failure-latency-'));
  const file = path.join(dir, 'src', 'orders.ts');
  const text = serviceFile(2000);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  fs.writeFileSync(path.join(dir, 'src', 'infra.ts'), 'export const db: any = {};\nexport const logger: any = {};\nexport const queue: any = {};\n');
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'es2022', module: 'nodenext', strict: true, lib: ['es2022', 'dom'], skipLibCheck: true, noEmit: true }, include: ['src'] }));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'latency', private: true, type: 'module' }));
  // Only the failure family: the target is for the failure rules.
  fs.writeFileSync(path.join(dir, 'shipshape.yml'), 'rules:\n  secrets/*: off\n  architecture/*: off\n');
  const edits = editsFor(text, EDITS);

  const server = await serverLatency(dir, file, text, edits);
  const floor = parseFloor(text, edits);
  const eslint = await eslintLatency(eslintDir, dir, file, edits);
  const lines = text.split('\n').length - 1;
  const rows = [
    ['Shipshape server: didChange → pull diagnostics (failure rules, warm)', fmt.ms(server.p50), fmt.ms(server.p95), fmt.ratio(server.p95 / floor.p95), `${server.findings} findings; after ${SERVER_WARMUP_EDITS} warm-up edits`],
    ['floor: `ts.createSourceFile`, full parse of the same text', fmt.ms(floor.p50), fmt.ms(floor.p95), '1.00×', ''],
    ['ESLint warm, one process: typed `no-floating-promises` + `promise/catch-or-return` (`lintText`)', fmt.ms(eslint.p50), fmt.ms(eslint.p95), fmt.ratio(eslint.p95 / floor.p95), `first lint (program build) ${fmt.ms(eslint.first)}; ${eslint.edits} edits`],
  ];
  return [
    `### Editor latency: ${lines}-line TypeScript file, ${edits.length} edits (target p95 ≤ 10 ms)`,
    '',
    table(['what', 'p50', 'p95', 'p95 / floor', 'notes'], rows),
    '',
    `Shipshape p95 is ${fmt.ratio(eslint.p95 / server.p95)} faster than the warm typed ESLint; target p95 ≤ 10 ms: **${server.p95 <= 10 ? 'met' : 'not met'}**.`,
  ].join('\n');
}

/** Alternately insert and remove a statement in the middle of the file (an incremental change each). */
function editsFor(text, count) {
  const lines = text.split('\n');
  const line = lines.findIndex((l, i) => i > lines.length / 2 && l.startsWith('  let sum = 0;')) + 1;
  const edits = [];
  for (let i = 0; i < count; i++) {
    const insert = i % 2 === 0;
    const statement = `  sum += ${i};\n`;
    edits.push(insert ? { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: statement } : { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: '' });
  }
  return edits;
}

function applyEdit(text, edit) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const at = (p) => starts[p.line] + p.character;
  return text.slice(0, at(edit.range.start)) + edit.text + text.slice(at(edit.range.end));
}

async function serverLatency(root, file, text, edits) {
  const rpc = require('vscode-languageserver-protocol/node');
  const { URI } = require('vscode-uri');
  const server = await connectServer(root);
  const { connection } = server;
  const uri = URI.file(file).toString();
  let version = 1;
  await connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'typescript', version, text } });
  const pull = () => connection.sendRequest(rpc.DocumentDiagnosticRequest.type, { textDocument: { uri } });
  let last = await pull();
  // Warm-up: the same kind of edits, not timed. An edit costs the server a few milliseconds, so 20 of them
  // did not warm it: the optimising compiler was still at work through the first timed edits (three paired
  // runs, 20 against 100 warm-up edits: p95 8.5 against 6.3 ms, p90 7.5 against 5.3 ms). ESLint's ten
  // warm-up lints take about as long as these hundred edits.
  for (const edit of edits.slice(0, SERVER_WARMUP_EDITS)) {
    await connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, { textDocument: { uri, version: ++version }, contentChanges: [edit] });
    await pull();
  }
  const times = [];
  for (const edit of edits) {
    const started = performance.now();
    await connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, { textDocument: { uri, version: ++version }, contentChanges: [edit] });
    last = await pull();
    times.push(performance.now() - started);
  }
  await stopServer(server);
  return { p50: percentile(times, 50), p95: percentile(times, 95), findings: last.items.length };
}

function parseFloor(text, edits) {
  const ts = require('typescript');
  let current = text;
  for (let i = 0; i < 20; i++) ts.createSourceFile('orders.ts', current, ts.ScriptTarget.Latest, true);
  const times = [];
  for (const edit of edits) {
    current = applyEdit(current, edit);
    const started = performance.now();
    ts.createSourceFile('orders.ts', current, ts.ScriptTarget.Latest, true);
    times.push(performance.now() - started);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function eslintLatency(eslintDir, root, file, edits) {
  const peerRequire = createRequire(path.join(eslintDir, 'package.json'));
  const { ESLint } = await import(pathToFileURL(peerRequire.resolve('eslint')).href);
  const tseslint = (await import(pathToFileURL(peerRequire.resolve('typescript-eslint')).href)).default;
  const promise = (await import(pathToFileURL(peerRequire.resolve('eslint-plugin-promise')).href)).default;
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: root } },
        plugins: { '@typescript-eslint': tseslint.plugin, promise },
        rules: { '@typescript-eslint/no-floating-promises': 'error', 'promise/catch-or-return': 'error' },
      },
    ],
  });
  let current = fs.readFileSync(file, 'utf8');
  let started = performance.now();
  await eslint.lintText(current, { filePath: file });
  const first = performance.now() - started;
  const count = Math.min(edits.length, Number(process.env.FAILURE_BENCH_ESLINT_EDITS ?? 100));
  for (const edit of edits.slice(0, 10)) await eslint.lintText((current = applyEdit(current, edit)), { filePath: file });
  const times = [];
  for (const edit of edits.slice(0, count)) {
    current = applyEdit(current, edit);
    started = performance.now();
    await eslint.lintText(current, { filePath: file });
    times.push(performance.now() - started);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), first, edits: count };
}

// ── (c) throughput ────────────────────────────────────────────────────────────────────────────────

function throughput(eslintDir) {
  const effect = corpus('effect@4.1.0');
  const src = path.join(effect, 'src');
  const files = listTs(src);
  const bytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
  const config = path.join(os.tmpdir(), `shipshape-bench-failure-${process.pid}.yml`);
  fs.writeFileSync(config, 'rules:\n  secrets/*: off\n  architecture/*: off\n  shipshape/*: off\n');
  const ours = (workers) => timeCommand(process.execPath, [CLI, 'check', src, '--format', 'json', '--config', config, '--exit-zero', '--workers', String(workers)], { runs: RUNS });
  const oursOne = ours(1);
  const oursAll = ours(os.cpus().length);
  fs.rmSync(config, { force: true });
  const findings = JSON.parse(oursOne.output.stdout).findings;
  const counts = new Map();
  for (const f of findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);

  // The config sits in the corpus folder (ESLint resolves `files` from its base path); the plugins are
  // imported by absolute URL from the peer folder in the cache.
  const peerRequire = createRequire(path.join(eslintDir, 'package.json'));
  const url = (name) => pathToFileURL(peerRequire.resolve(name)).href;
  const eslintConfig = path.join(effect, 'eslint.shipshape-bench.config.mjs');
  fs.writeFileSync(
    eslintConfig,
    [
      `import tseslint from ${JSON.stringify(url('typescript-eslint'))};`,
      `import promise from ${JSON.stringify(url('eslint-plugin-promise'))};`,
      'export default [{',
      "  files: ['**/*.ts'],",
      '  languageOptions: { parser: tseslint.parser },',
      '  plugins: { promise },',
      '  linterOptions: { reportUnusedDisableDirectives: "off" },',
      "  rules: { 'no-empty': 'error', 'no-throw-literal': 'error', 'promise/catch-or-return': 'error', 'promise/no-callback-in-promise': 'error' },",
      '}];',
    ].join('\n'),
  );
  // The floor: one process that only parses every file once with TypeScript, as Shipshape does.
  const floor = timeCommand(process.execPath, [path.join(REPO_ROOT, 'bench', 'lib', 'parse-all.cjs'), src], { runs: RUNS });
  const eslintBin = path.join(eslintDir, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const eslint = timeCommand(process.execPath, [eslintBin, '-c', eslintConfig, '--format', 'json', '--no-warn-ignored', 'src'], { runs: RUNS, cwd: effect });
  const eslintFindings = (() => {
    try {
      const results = JSON.parse(eslint.output.stdout);
      return `${results.reduce((n, r) => n + r.messages.length, 0)} in ${results.length} files`;
    } catch {
      return `unreadable output (exit ${eslint.output.status}): ${(eslint.output.stderr ?? '').slice(0, 200)}`;
    }
  })();
  const rows = [
    ['Shipshape CLI, failure rules only, 1 worker', fmt.range(oursOne.wall), oursOne.cpu ? fmt.range(oursOne.cpu) : '—', `${findings.length} in ${new Set(findings.map((f) => f.file)).size} files (${[...counts].map(([k, v]) => `${k} ${v}`).join(', ')})`],
    [`Shipshape CLI, failure rules only, ${os.cpus().length} workers`, fmt.range(oursAll.wall), oursAll.cpu ? fmt.range(oursAll.cpu) : '—', ''],
    ['ESLint + @typescript-eslint/parser: no-empty, no-throw-literal, promise/catch-or-return, promise/no-callback-in-promise', fmt.range(eslint.wall), eslint.cpu ? fmt.range(eslint.cpu) : '—', String(eslintFindings)],
    ['floor: a process that only parses every file once with TypeScript (bench/lib/parse-all.cjs)', fmt.range(floor.wall), floor.cpu ? fmt.range(floor.cpu) : '—', '—'],
  ];
  const ratio = eslint.wall.median / oursOne.wall.median;
  const cpuRatio = eslint.cpu && oursOne.cpu ? eslint.cpu.median / oursOne.cpu.median : undefined;
  return [
    `### Throughput: effect@4.1.0 \`src/**/*.ts\` (${files.length} files, ${(bytes / 2 ** 20).toFixed(1)} MiB), ${RUNS} runs each (median, min–max)`,
    '',
    table(['tool', 'wall', 'CPU (user+sys)', 'findings'], rows),
    '',
    `Shipshape (1 worker) is **${fmt.ratio(ratio)}** faster than ESLint in wall time${cpuRatio ? ` and ${fmt.ratio(cpuRatio)} in CPU time` : ''}; with ${os.cpus().length} workers ${fmt.ratio(eslint.wall.median / oursAll.wall.median)}. Target ≥ 5×: **${ratio >= 5 ? 'met' : 'not met'}** (1 worker). Shipshape takes ${fmt.ratio(oursOne.wall.median / floor.wall.median)} the parse-only floor's time; 5× faster than ESLint would be ${fmt.ratio(eslint.wall.median / 5 / floor.wall.median)} of it.`,
  ].join('\n');
}

function listTs(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listTs(full));
    else if (entry.name.endsWith('.ts')) out.push(full);
  }
  return out;
}

