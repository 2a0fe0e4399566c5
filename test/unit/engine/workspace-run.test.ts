// The CLI's workspace run in process: files under their configs, skipped files counted, the baseline
// applied, the result cache, the repository salt, the baseline file and the check report.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyBaseline, buildBaseline, newSalt, pruneBaseline, readBaseline, writeBaseline, type Baseline } from '../../../server/src/engine/baseline';
import { DOCS_BASE_URL, ruleDocLink, ruleDocUrl } from '../../../server/src/engine/docs';
import { ConfigError } from '../../../server/src/engine/errors';
import { createEngine, type Finding } from '../../../server/src/engine/index';
import { buildReport, relativeTo } from '../../../server/src/engine/report/report';
import { BASELINE_PATH, repositorySalt } from '../../../server/src/engine/salt';
import { collectFiles } from '../../../server/src/engine/workspace/files';
import { runWorkspaceParallel } from '../../../server/src/engine/workspace/parallel';
import { analyzeFiles, planWorkspace, prepareWorkspace, runWorkspace } from '../../../server/src/engine/workspace/run';
import { makeWorkspace, withParsesRecorded } from '../../helpers/engine';

const engine = createEngine();
const CATCH = 'try { x(); } catch (e) {}\n';
const lines = (findings: { ruleId: string; file: string; line: number }[], dir: string) => findings.map((f) => `${f.ruleId} ${relativeTo(dir, f.file)}:${f.line}`);

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...args], { cwd: dir, encoding: 'utf8' });
}

describe('workspace run (engine)', () => {
  it('analyses each file under its nearest config, counts skipped files and reports progress', () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 30; i++) many[`src/m${i}.ts`] = `export const v${i} = ${i};\n`;
    const dir = makeWorkspace({
      ...many,
      'shipshape.yml': 'rules:\n  failure/empty-catch: warning\nlimits:\n  maxFileSizeKB: 100\n',
      'src/a.ts': CATCH,
      'sub/shipshape.yml': 'rules:\n  failure/empty-catch: off\n',
      'sub/b.ts': CATCH,
      'img.bin': 'GIF\u0000\u0001',
      'big.ts': 'export const big = 1;\n'.repeat(8000),
    });
    const progress: string[] = [];
    const run = runWorkspace(engine, { files: collectFiles([dir]).files, applyBaseline: true, allowGit: false, onProgress: (done, total) => progress.push(`${done}/${total}`) });
    assert.deepEqual(lines(run.findings, dir), ['failure/empty-catch src/a.ts:1']);
    assert.equal(run.findings[0].severity, 'warning');
    assert.deepEqual(run.filesSkipped, { binary: 1, 'too-large (secrets checked)': 1 });
    // 30 + a.ts + b.ts analysed; the two shipshape.yml files are validated, not scanned.
    assert.equal(run.filesScanned, 32);
    assert.deepEqual(run.configs.map((c) => relativeTo(dir, c.path!)).sort(), ['shipshape.yml', 'sub/shipshape.yml']);
    assert.deepEqual(progress, ['25/33']);
    assert.deepEqual(run.errors, []);
  });

  it('uses the config given for every file, and refuses a missing or invalid one', () => {
    const dir = makeWorkspace({ 'ci.yml': 'rules:\n  failure/empty-catch: error\n', 'sub/shipshape.yml': 'rules:\n  failure/empty-catch: off\n', 'sub/b.ts': CATCH, 'bad.yml': 'rules: [1\n' });
    const run = runWorkspace(engine, { files: [path.join(dir, 'sub/b.ts')], configFile: path.join(dir, 'ci.yml'), applyBaseline: false, allowGit: false });
    assert.deepEqual(run.findings.map((f) => f.severity), ['error']);
    assert.throws(() => runWorkspace(engine, { files: [], configFile: path.join(dir, 'nope.yml'), applyBaseline: false }), (e: unknown) => e instanceof ConfigError && e.message === `Config file not found: ${path.join(dir, 'nope.yml')}`);
    assert.throws(() => runWorkspace(engine, { files: [], configFile: path.join(dir, 'bad.yml'), applyBaseline: false }), (e: unknown) => e instanceof ConfigError && /bad\.yml:\d+:\d+: Invalid YAML/.test(e.message));
    const broken = makeWorkspace({ 'shipshape.yml': 'gates:\n  maxErrors: nope\n', 'a.ts': CATCH });
    assert.throws(() => runWorkspace(engine, { files: [path.join(broken, 'a.ts')], applyBaseline: false, allowGit: false }), (e: unknown) => e instanceof ConfigError && e.message.endsWith('shipshape.yml:2:14: gates.maxErrors: must be integer'));
  });

  it('indexes the project around the checked files, not the folder of a config given with --config', () => {
    const main = 'import { loadUser } from "../lib";\nexport function go() {\n  loadUser("1");\n}\n';
    const dir = makeWorkspace({
      'ci.yml': 'rules: {}\n',
      'elsewhere/big.ts': 'export async function unrelated() {}\n',
      'repo/.git/HEAD': 'ref: refs/heads/main\n',
      'repo/src/lib.ts': 'export async function loadUser(id: string) { return id; }\n',
      'repo/src/app/main.ts': main,
      'configs/ci.yml': 'rules: {}\n',
    });
    const file = path.join(dir, 'repo/src/app/main.ts');
    for (const config of ['ci.yml', 'configs/ci.yml']) {
      const options = { files: [file], configFile: path.join(dir, config), applyBaseline: false, allowGit: false };
      const indexed = prepareWorkspace(engine, options).indexInputs().map((document) => relativeTo(dir, document.path)).sort();
      assert.deepEqual(indexed, ['repo/src/app/main.ts', 'repo/src/lib.ts'], config);
      // The async export in the repository is known, wherever the config lives.
      assert.deepEqual(lines(runWorkspace(engine, options).findings, dir), ['failure/floating-promise repo/src/app/main.ts:3'], config);
    }
  });

  it('indexes a file outside any project (no shipshape.yml, no repository) alone, and still reads what it imports', () => {
    const main = 'import { loadUser } from "./lib";\nexport function go() {\n  loadUser("1");\n}\n';
    // The folder around the file is no project: a downloads folder, /tmp. Its other files are not read.
    const dir = makeWorkspace({ 'lib.ts': 'export async function loadUser(id: string) { return id; }\n', 'main.ts': main, 'other/big.ts': 'export async function unrelated() {}\n', 'other/deep/more.ts': 'export const x = 1;\n' });
    const file = path.join(dir, 'main.ts');
    for (const configFile of [undefined, path.join(dir, 'other/ci.yml')]) {
      if (configFile) fs.writeFileSync(configFile, 'rules: {}\n');
      const options = { files: [file], configFile, applyBaseline: false, allowGit: false };
      assert.deepEqual(prepareWorkspace(engine, options).indexInputs().map((document) => relativeTo(dir, document.path)), ['main.ts'], String(configFile));
      // The async export it imports is read on demand.
      assert.deepEqual(lines(runWorkspace(engine, options).findings, dir), ['failure/floating-promise main.ts:3'], String(configFile));
    }
    // With a shipshape.yml, its folder is the project: the whole of it is indexed.
    fs.writeFileSync(path.join(dir, 'shipshape.yml'), 'rules: {}\n');
    const indexed = prepareWorkspace(engine, { files: [file], applyBaseline: false, allowGit: false }).indexInputs().map((document) => relativeTo(dir, document.path)).sort();
    assert.deepEqual(indexed, ['lib.ts', 'main.ts', 'other/big.ts', 'other/deep/more.ts']);
  });

  it('analyses overridden content instead of the disk', () => {
    const dir = makeWorkspace({ 'a.ts': 'export const a = 1;\n' });
    const file = path.join(dir, 'a.ts');
    const run = runWorkspace(engine, { files: [file], contentOverride: new Map([[file, CATCH]]), applyBaseline: false, allowGit: false });
    assert.deepEqual(lines(run.findings, dir), ['failure/empty-catch a.ts:1']);
  });

  it('applies the baseline of each config folder, at most count times per fingerprint', () => {
    const dir = makeWorkspace({ 'shipshape.yml': 'rules: {}\n', 'a.ts': CATCH + CATCH });
    const files = collectFiles([dir]).files;
    const first = runWorkspace(engine, { files, applyBaseline: true, salt: 's', allowGit: false });
    assert.equal(first.findings.length, 2);
    writeBaseline(dir, buildBaseline(first.findings.map((finding) => ({ finding, relativePath: 'a.ts' })), 's'));
    fs.writeFileSync(path.join(dir, 'a.ts'), CATCH + CATCH + CATCH);
    const second = runWorkspace(engine, { files, applyBaseline: true, allowGit: false });
    assert.deepEqual(second.findings.map((f) => f.suppressed?.kind ?? 'new'), ['baseline', 'baseline', 'new']);
    const ignored = runWorkspace(engine, { files, applyBaseline: false, allowGit: false });
    assert.deepEqual(ignored.findings.map((f) => f.suppressed?.kind ?? 'new'), ['new', 'new', 'new']);
    const report = buildReport(second, dir);
    assert.deepEqual(report.findings.map((f) => `${f.file}:${f.line}`), ['a.ts:3']);
    assert.equal(report.version, 1);
    assert.deepEqual(report.summary, { filesScanned: 1, filesSkipped: {}, bySeverity: { error: 0, warning: 1, info: 0 }, byFamily: { failure: 1 }, suppressed: 0, baselined: 2 });
    assert.deepEqual(Object.keys(report.findings[0]), ['ruleId', 'family', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'fingerprint']);
  });

  it('reuses cached results for unchanged files and re-analyses changed ones', async () => {
    const dir = makeWorkspace({ 'shipshape.yml': 'rules:\n  failure/empty-catch: warning\n', 'a.ts': CATCH, 'b.ts': 'export const b = 1;\n', 'c.py': 'import os\n' });
    const cacheDir = path.join(dir, '.shipshape/cache');
    const files = collectFiles([dir]).files.filter((f) => !f.endsWith('.yml'));
    const run = () => runWorkspaceParallel(engine, { files, applyBaseline: true, allowGit: false, cacheDir, workers: 1 });
    const cold = await run();
    assert.deepEqual(cold.cache, { hits: 0, misses: 3 });
    assert.deepEqual(lines(cold.findings, dir), ['failure/empty-catch a.ts:1']);
    assert.equal(fs.readFileSync(path.join(cacheDir, '.gitignore'), 'utf8'), '# Shipshape result cache: never commit.\n*\n');
    const stored = JSON.parse(fs.readFileSync(path.join(cacheDir, 'results.json'), 'utf8'));
    assert.equal(stored.format, 2);
    assert.match(stored.engine, /^[0-9a-f]{40}$/);
    assert.equal(Object.keys(stored.entries).length, 3);
    assert.deepEqual(fs.readdirSync(cacheDir).sort(), ['.gitignore', 'results.json']);

    const warm = await run();
    assert.deepEqual(warm.cache, { hits: 3, misses: 0 });
    assert.deepEqual(warm.findings, cold.findings);
    assert.equal(warm.filesScanned, 3);
    // Cached findings are copies: marking them (baseline) does not change the cache.
    warm.findings[0].suppressed = { kind: 'baseline' };
    assert.equal((await run()).findings[0].suppressed, undefined);

    // A body edit in b.ts changes its key only.
    fs.writeFileSync(path.join(dir, 'b.ts'), 'export const b = 2;\n');
    assert.deepEqual((await run()).cache, { hits: 2, misses: 1 });
    // A changed config changes every key.
    fs.writeFileSync(path.join(dir, 'shipshape.yml'), 'rules:\n  failure/empty-catch: error\n');
    const reconfigured = await run();
    assert.deepEqual(reconfigured.cache, { hits: 0, misses: 3 });
    assert.equal(reconfigured.findings[0].severity, 'error');
    // Entries no longer used are dropped.
    assert.equal(Object.keys(JSON.parse(fs.readFileSync(path.join(cacheDir, 'results.json'), 'utf8')).entries).length, 3);

    // A cache from another build, or a broken file, is ignored.
    fs.writeFileSync(path.join(cacheDir, 'results.json'), JSON.stringify({ ...stored, engine: 'other' }));
    assert.deepEqual((await run()).cache, { hits: 0, misses: 3 });
    fs.writeFileSync(path.join(cacheDir, 'results.json'), JSON.stringify({ ...JSON.parse(fs.readFileSync(path.join(cacheDir, 'results.json'), 'utf8')), format: 1 }));
    assert.deepEqual((await run()).cache, { hits: 0, misses: 3 });
    fs.writeFileSync(path.join(cacheDir, 'results.json'), '{');
    assert.deepEqual((await run()).cache, { hits: 0, misses: 3 });
    // Without a cache folder nothing is written and no counts are given.
    const plain = await runWorkspaceParallel(engine, { files, applyBaseline: true, allowGit: false });
    assert.equal(plain.cache, undefined);
  });

  it('keeps cross-file results fresh: a changed export re-analyses the importers', async () => {
    const dir = makeWorkspace({
      'shipshape.yml': 'architecture:\n  cycles: forbid\n',
      'a.ts': "import { b } from './b';\nexport const a = b;\n",
      'b.ts': "import { a } from './a';\nexport const b = 1;\n",
    });
    const cacheDir = path.join(dir, 'cache');
    const files = collectFiles([dir]).files.filter((f) => f.endsWith('.ts'));
    const run = () => runWorkspaceParallel(engine, { files, applyBaseline: false, allowGit: false, cacheDir });
    const cold = await run();
    assert.ok(cold.findings.some((f) => f.ruleId === 'architecture/cycle'));
    fs.writeFileSync(path.join(dir, 'b.ts'), 'export const b = 1;\n');
    const after = await run();
    assert.deepEqual(after.cache, { hits: 0, misses: 2 });
    assert.ok(!after.findings.some((f) => f.ruleId === 'architecture/cycle'));
  });

  it('reports progress every 25 files in the parallel run too', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 52; i++) files[`m${i}.ts`] = `export const v${i} = ${i};\n`;
    const dir = makeWorkspace(files);
    const cacheDir = path.join(dir, '.cache');
    const progress: string[] = [];
    const all = collectFiles([dir]).files;
    await runWorkspaceParallel(engine, { files: all, applyBaseline: false, allowGit: false, cacheDir, onProgress: (d, t) => progress.push(`${d}/${t}`) });
    assert.deepEqual(progress, ['25/52', '50/52', '52/52'], 'every 25 files, and the total at the end');
    // A warm run counts the cached files first.
    fs.writeFileSync(path.join(dir, 'm0.ts'), 'export const v0 = 100;\n');
    progress.length = 0;
    await runWorkspaceParallel(engine, { files: all, applyBaseline: false, allowGit: false, cacheDir, onProgress: (d, t) => progress.push(`${d}/${t}`) });
    assert.deepEqual(progress, ['52/52'], 'the one file analysed again, after the 51 from the cache');
  });

  it('one thread without a cache parses each file once, import cycles included, and finds what the two passes (index, then analysis) find', async () => {
    const dir = makeWorkspace({
      // Files sort so that importers come before what they import: the order must come from the imports.
      'shipshape.yml': 'rules:\n  secrets/*: off\n',
      'a-app/use.ts': 'import { load } from "../z-lib/reexport";\nimport { get } from "../z-lib/http";\nexport function use() {\n  load("x");\n  return get("/orders");\n}\n',
      'z-lib/reexport.ts': 'export { load } from "./load";\n',
      'z-lib/load.ts': 'export async function load(id: string) {\n  return fetch(id, { signal: AbortSignal.timeout(1000) });\n}\n',
      'z-lib/http.ts': 'import axios from "axios";\nexport const get = axios.get;\n',
      // An import cycle: each calls the other's async export without handling it.
      'm-cycle/c.ts': 'import { d } from "./d";\nexport async function c() {}\nexport function callD() {\n  d();\n}\n',
      'm-cycle/d.ts': 'import { c } from "./c";\nexport async function d() {}\nexport function callC() {\n  c();\n}\n',
      // Not checked, but in the project: summarised on demand for its importer.
      'other/helper.ts': 'export async function help() {}\n',
      'a-app/helped.ts': 'import { help } from "../other/helper";\nexport function run() {\n  help();\n}\n',
      'other/http.ts': 'import axios from "axios";\nexport const get2 = axios.get;\n',
      'a-app/use2.ts': 'import { get2 } from "../other/http";\nexport function use2() {\n  return get2("/x");\n}\n',
    });
    const files = collectFiles([dir]).files.filter((file) => !file.includes(`${path.sep}other${path.sep}`));
    const key = (f: Finding) => `${relativeTo(dir, f.file)}:${f.line} ${f.ruleId}`;
    const twoPasses = runWorkspace(engine, { files, applyBaseline: false, allowGit: false, salt: 's' }).findings.map(key).sort();
    assert.deepEqual(twoPasses, ['a-app/helped.ts:3 failure/floating-promise', 'a-app/use.ts:4 failure/floating-promise', 'a-app/use.ts:5 failure/network-timeout', 'a-app/use2.ts:3 failure/network-timeout', 'm-cycle/c.ts:4 failure/floating-promise', 'm-cycle/d.ts:4 failure/floating-promise']);
    const { result, parsed } = await withParsesRecorded(dir, () => runWorkspaceParallel(engine, { files, applyBaseline: false, allowGit: false, salt: 's' }));
    const singlePass = result.findings.map(key).sort();
    assert.deepEqual(singlePass, twoPasses);
    // Each once: the file of the cycle asked about before its turn keeps the tree parsed for its summary.
    assert.deepEqual(parsed.filter((file, index) => parsed.indexOf(file) !== index), [], `parsed: ${parsed.join(', ')}`);
    assert.deepEqual([...new Set(parsed)].sort(), [...files.map((f) => relativeTo(dir, f)).filter((f) => f.endsWith('.ts')), 'other/helper.ts', 'other/http.ts'].sort());
  });

  it('one thread reads the other files of the project only when a check reaches them', async () => {
    const dir = makeWorkspace({
      'shipshape.yml': 'architecture:\n  cycles: forbid\n',
      '.git/HEAD': 'ref: refs/heads/main\n',
      'src/main.ts': 'import { load } from "./lib";\nexport function go() {\n  load("1");\n}\n',
      'src/lib.ts': 'import { go } from "./main";\nexport async function load(id: string) { return id; }\n',
      ...Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`src/unrelated/u${i}.ts`, `export async function u${i}() {}\n`])),
    });
    const opened: string[] = [];
    // The module object itself (an ES namespace import cannot be written to): the engine reads it at each call.
    const nodeFs = require('node:fs') as { openSync: typeof fs.openSync };
    const openSync = nodeFs.openSync;
    nodeFs.openSync = ((file: fs.PathLike, ...rest: unknown[]) => {
      opened.push(relativeTo(dir, String(file)));
      return (openSync as (...args: unknown[]) => number)(file, ...rest);
    }) as typeof fs.openSync;
    let findings: string[];
    try {
      const run = await runWorkspaceParallel(engine, { files: [path.join(dir, 'src/main.ts')], applyBaseline: false, allowGit: false, salt: 's' });
      findings = run.findings.map((f) => `${relativeTo(dir, f.file)}:${f.line} ${f.ruleId}`).sort();
    } finally {
      nodeFs.openSync = openSync;
    }
    // The async export and the cycle are found through the imported file, which is read; the rest is not.
    assert.deepEqual(findings, ['src/main.ts:1 architecture/cycle', 'src/main.ts:3 failure/floating-promise']);
    assert.ok(opened.includes('src/lib.ts'), `opened: ${opened.join(', ')}`);
    assert.deepEqual(opened.filter((file) => file.includes('unrelated')), []);
  });

  it('threads sharing a file list each analyse the files nobody has claimed, and claim the rest', () => {
    const dir = makeWorkspace({ 'shipshape.yml': 'rules:\n  failure/*: off\n', ...Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`f${i}.env`, `API_TOKEN=ghp_${i}Xk7mQ2vL9pR4tW8yB3nC6dF1gH5jK0aZ\n`])) });
    const plan = planWorkspace(engine, { files: collectFiles([dir]).files, applyBaseline: false, allowGit: false });
    const files = plan.files.map((planned) => ({ ...planned, salt: 's' }));
    // Another thread has already claimed the first four.
    const claims = new Int32Array(new SharedArrayBuffer(4));
    claims[0] = 4;
    const outcomes = analyzeFiles(engine, files, plan.workspace, plan.host, undefined, undefined, claims);
    assert.deepEqual(outcomes.map((o) => path.basename(o.file)), files.slice(4).map((f) => path.basename(f.file)));
    assert.ok(outcomes.every((o) => o.findings.length === 1), 'and analyses them');
    assert.ok(claims[0] >= files.length, 'nothing is left for another thread');
    assert.deepEqual(analyzeFiles(engine, files, plan.workspace, plan.host, undefined, undefined, claims), []);
  });
});

describe('baseline file', () => {
  const finding = (fingerprint: string, ruleId = 'failure/empty-catch', suppressed?: Finding['suppressed']) => ({ fingerprint, ruleId, suppressed }) as Finding;

  it('round-trips, sorted by fingerprint with a count each', () => {
    const dir = makeWorkspace({});
    const baseline = buildBaseline([{ finding: finding('b2'), relativePath: 'x.ts' }, { finding: finding('a1', 'secrets/x'), relativePath: 'y.ts' }, { finding: finding('b2'), relativePath: 'z.ts' }], 'salt');
    assert.deepEqual(baseline, { version: 1, salt: 'salt', findings: { a1: { ruleId: 'secrets/x', file: 'y.ts', count: 1 }, b2: { ruleId: 'failure/empty-catch', file: 'x.ts', count: 2 } } });
    assert.deepEqual(Object.keys(baseline.findings), ['a1', 'b2']);
    const file = writeBaseline(path.join(dir, 'deep'), baseline);
    assert.equal(file, path.join(dir, 'deep', BASELINE_PATH));
    assert.equal(fs.readFileSync(file, 'utf8'), JSON.stringify(baseline, null, 2) + '\n');
    assert.deepEqual(readBaseline(path.join(dir, 'deep')), baseline);
  });

  it('reads as absent when missing, broken or without findings', () => {
    const write = (text: string) => makeWorkspace({ [BASELINE_PATH]: text });
    assert.equal(readBaseline(makeWorkspace({})), undefined);
    assert.equal(readBaseline(write('{')), undefined);
    assert.equal(readBaseline(write('null')), undefined);
    assert.equal(readBaseline(write('{"version":1,"salt":"s"}')), undefined);
    assert.equal(readBaseline(write('{"version":1,"salt":"s","findings":"x"}')), undefined);
    assert.deepEqual(readBaseline(write('{"version":1,"salt":"s","findings":{}}')), { version: 1, salt: 's', findings: {} });
  });

  it('marks at most count findings per fingerprint and leaves suppressed ones alone', () => {
    const baseline: Baseline = { version: 1, salt: 's', findings: { a: { ruleId: 'r', file: 'f', count: 2 }, b: { ruleId: 'r', file: 'f', count: 1 } } };
    const findings = [finding('a', 'r', { kind: 'inline' }), finding('a'), finding('c'), finding('a'), finding('a'), finding('b')];
    applyBaseline(findings, baseline);
    assert.deepEqual(findings.map((f) => f.suppressed?.kind ?? '-'), ['inline', 'baseline', '-', 'baseline', '-', 'baseline']);
    const untouched = [finding('a')];
    applyBaseline(untouched, undefined);
    assert.equal(untouched[0].suppressed, undefined);
  });

  it('prunes what no longer occurs and never adds', () => {
    const baseline: Baseline = { version: 1, salt: 's', findings: { a: { ruleId: 'r', file: 'f', count: 3 }, b: { ruleId: 'r', file: 'g', count: 1 }, c: { ruleId: 'r', file: 'h', count: 1 } } };
    const { baseline: pruned, removed } = pruneBaseline(baseline, [finding('a'), finding('a'), finding('b'), finding('b'), finding('d')]);
    assert.equal(removed, 2);
    assert.deepEqual(pruned, { version: 1, salt: 's', findings: { a: { ruleId: 'r', file: 'f', count: 2 }, b: { ruleId: 'r', file: 'g', count: 1 } } });
    assert.equal(baseline.findings.a.count, 3);
  });

  it('makes a random 128-bit salt', () => {
    const salt = newSalt();
    assert.match(salt, /^[0-9a-f]{32}$/);
    assert.notEqual(newSalt(), salt);
  });
});

describe('repository salt', () => {
  it('comes from the baseline when it has one', () => {
    assert.equal(repositorySalt(makeWorkspace({ [BASELINE_PATH]: '{"salt":"from-baseline"}' }), { allowGit: true }), 'from-baseline');
  });

  it('else is the root commit when git may be read, else a fixed fallback', () => {
    const dir = makeWorkspace({ 'a.txt': 'a\n', [BASELINE_PATH]: '{"salt":""}' });
    assert.equal(repositorySalt(dir, { allowGit: true }), 'shipshape-unsalted-v1'); // not a repository
    git(dir, 'init', '-q');
    assert.equal(repositorySalt(dir, { allowGit: true }), 'shipshape-unsalted-v1'); // no commit yet
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'one');
    const root = git(dir, 'rev-parse', 'HEAD').trim();
    git(dir, 'commit', '-qm', 'two', '--allow-empty');
    assert.equal(repositorySalt(dir, { allowGit: true }), root);
    assert.equal(repositorySalt(dir, { allowGit: false }), 'shipshape-unsalted-v1');
    // A folder inside the repository finds it above.
    fs.mkdirSync(path.join(dir, 'sub'));
    assert.equal(repositorySalt(path.join(dir, 'sub'), { allowGit: true }), root);
    fs.writeFileSync(path.join(dir, BASELINE_PATH), '{"salt":42}');
    assert.equal(repositorySalt(dir, { allowGit: true }), root);
  });
});

describe('rule documentation links', () => {
  it('point at the published page, or at the page shipped beside the bundle', () => {
    assert.equal(ruleDocUrl('failure/empty-catch'), `${DOCS_BASE_URL}failure/empty-catch.md`);
    assert.equal(DOCS_BASE_URL, 'https://github.com/shipshape-dev/shipshape/blob/main/docs/rules/');
    const root = makeWorkspace({ 'docs/rules/failure/empty-catch.md': '# x\n' });
    const bundleDir = path.join(root, 'dist');
    assert.equal(ruleDocLink('failure/empty-catch', bundleDir), `file://${path.join(root, 'docs/rules/failure/empty-catch.md')}`);
    assert.equal(ruleDocLink('secrets/aws', bundleDir), `${DOCS_BASE_URL}secrets/aws.md`);
  });
});

describe('check report', () => {
  it('relativises paths with forward slashes, and names a file given as the base by its name', () => {
    assert.equal(relativeTo('/w', '/w/src/a.ts'), 'src/a.ts');
    assert.equal(relativeTo('/w/a.ts', '/w/a.ts'), 'a.ts');
    assert.equal(relativeTo('/w/sub', '/w/a.ts'), '../a.ts');
  });
});
