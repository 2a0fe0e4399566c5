// The readiness review in process: runReadiness over a temporary project, the gates, the verdict, the
// text and Markdown renderings and the merge of shard reports. (test/cli/readiness.test.ts runs the
// same through the bundled CLI; these run the engine's own code, so mutation testing reaches it.)
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildBaseline, writeBaseline } from '../../../server/src/engine/baseline';
import { ConfigError } from '../../../server/src/engine/errors';
import { createEngine, type Finding } from '../../../server/src/engine/index';
import { DEFAULT_GATES, evaluateGates } from '../../../server/src/engine/readiness/gates';
import { loadRootConfig, mergeReadiness, runReadiness, type ReadinessReport, type Shard } from '../../../server/src/engine/readiness/run';
import { formatReadinessMarkdown, formatReadinessText } from '../../../server/src/engine/report/readiness-format';
import { collectFiles } from '../../../server/src/engine/workspace/files';
import { makeWorkspace } from '../../helpers/engine';

const engine = createEngine();

const READY_PROJECT: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'p', scripts: { test: 'node --test' }, dependencies: { pino: '9.0.0' } }, null, 2),
  'package-lock.json': '{}',
  '.gitignore': '.env\n',
  '.github/workflows/ci.yml': 'on: push\n',
  '.c8rc.json': '{ "check-coverage": true, "lines": 80 }\n',
  'src/a.test.js': 'require("node:test");\n',
};

const catches = (n: number) => Array.from({ length: n }, (_, i) => `try { f${i}(); } catch (e) {}\n`).join('');

async function review(files: Record<string, string>, options: { shard?: Shard; configFile?: string } = {}) {
  const dir = makeWorkspace({ ...READY_PROJECT, ...files });
  const rootConfig = loadRootConfig(engine, dir, options.configFile && path.join(dir, options.configFile));
  const warnings: string[] = [];
  let all = collectFiles([dir]).files;
  if (options.shard) all = all.filter((_, i) => i % options.shard!.count === options.shard!.index - 1);
  const result = await runReadiness(engine, { dir, files: all, rootConfig, allowGit: false, warn: (m) => warnings.push(m), workers: 1, shard: options.shard, configFile: options.configFile && path.join(dir, options.configFile) });
  return { dir, warnings, ...result };
}

const gateLines = (report: ReadinessReport) => report.verdict.gates.map((g) => `${g.id} ${g.passed} ${g.actual}/${g.limit} ${g.message}`);

describe('readiness review (engine)', () => {
  it('fails gates with their numbers, marks off and failing project checks, and renders text and Markdown', async () => {
    const { report, warnings, inlineSuppressed } = await review({
      '.gitignore': 'node_modules\n',
      'shipshape.yml': 'rules:\n  failure/empty-catch: warning\n  readiness/lockfile: off\ngates:\n  maxErrors: 0\n  maxWarnings: 2\n  secrets: 0\n  required: [readiness/tests-present, readiness/env-ignored, readiness/lockfile]\n',
      'src/a.ts': catches(3),
    });
    assert.deepEqual(warnings, []);
    assert.deepEqual(inlineSuppressed, []);
    assert.equal(report.version, 1);
    assert.equal(report.kind, 'readiness');
    assert.equal(report.verdict.passed, false);
    assert.equal(report.verdict.newOnly, false);
    assert.deepEqual(gateLines(report), [
      'maxErrors false 1/0 1 of 0 errors allowed',
      'maxWarnings false 3/2 3 of 2 warnings used',
      'secrets true 0/0 0 secrets (at most 0, whatever the severity)',
      'required:readiness/tests-present true 0/0 readiness/tests-present passes',
      'required:readiness/env-ignored false 1/0 readiness/env-ignored fails (1 finding)',
      'required:readiness/lockfile false 0/0 readiness/lockfile is required but switched off or unknown',
    ]);
    // failure: 100 - 3 warnings × 3; readiness: 8 of the 9 enabled checks pass.
    assert.deepEqual(report.verdict.scores, { failure: 91, secrets: 100, architecture: 100, readiness: 89 });
    const statuses = Object.fromEntries(report.projectChecks.map((c) => [c.ruleId, c.status]));
    assert.equal(statuses['readiness/lockfile'], 'off');
    assert.equal(statuses['readiness/env-ignored'], 'fail');
    assert.equal(statuses['readiness/tests-present'], 'pass');
    assert.equal(Object.keys(statuses).length, engine.projectChecks.length);
    const envCheck = report.projectChecks.find((c) => c.ruleId === 'readiness/env-ignored')!;
    assert.equal(envCheck.title, '.env files are ignored by git');
    assert.equal(envCheck.severity, 'error');
    assert.equal(envCheck.file, '.gitignore');
    assert.equal(envCheck.line, 1);
    assert.match(envCheck.message!, /does not ignore \.env/);
    const passing = report.projectChecks.find((c) => c.ruleId === 'readiness/tests-present')!;
    assert.deepEqual(Object.keys(passing).sort(), ['ruleId', 'status', 'title']);
    assert.deepEqual(
      report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}:${f.column} ${f.severity} ${f.baselineState}`),
      ['readiness/env-ignored .gitignore:1:1 error new', 'failure/empty-catch src/a.ts:1:15 warning new', 'failure/empty-catch src/a.ts:2:15 warning new', 'failure/empty-catch src/a.ts:3:15 warning new'],
    );
    assert.deepEqual(report.summary, { filesScanned: 7, filesSkipped: {}, bySeverity: { error: 1, warning: 3, info: 0 }, byFamily: { readiness: 1, failure: 3 }, suppressed: 0, baselined: 0 });
    assert.deepEqual(report.gatesConfig, { maxErrors: 0, maxWarnings: 2, secrets: 0, required: ['readiness/tests-present', 'readiness/env-ignored', 'readiness/lockfile'] });
    assert.ok(!('shard' in report) && !('changedSince' in report));

    const catchMessage = report.findings[1].message;
    const checkLines = report.projectChecks.map((c) => (c.status === 'pass' ? `  ✓ ${c.ruleId}` : c.status === 'off' ? `  - ${c.ruleId} (off)` : `  ✗ ${c.ruleId} (.gitignore:1): ${envCheck.message}`));
    assert.equal(
      formatReadinessText(report),
      [
        '✗ Not ready: 4 gates failing',
        '',
        'Gates:',
        '  ✗ maxErrors: 1 of 0 errors allowed',
        '  ✗ maxWarnings: 3 of 2 warnings used',
        '  ✓ secrets: 0 secrets (at most 0, whatever the severity)',
        '  ✓ required:readiness/tests-present: readiness/tests-present passes',
        '  ✗ required:readiness/env-ignored: readiness/env-ignored fails (1 finding)',
        '  ✗ required:readiness/lockfile: readiness/lockfile is required but switched off or unknown',
        '',
        'Scores:',
        '  failure        91/100',
        '  secrets       100/100',
        '  architecture  100/100',
        '  readiness      89/100',
        '',
        'Project checks:',
        ...checkLines,
        '',
        'Findings by rule:',
        '  failure/empty-catch (3)',
        `    src/a.ts:1:15 warning ${catchMessage}`,
        `    src/a.ts:2:15 warning ${catchMessage}`,
        `    src/a.ts:3:15 warning ${catchMessage}`,
        '',
        '7 files scanned · 0 in baseline · 0 suppressed',
        '',
      ].join('\n'),
    );

    const escaped = (text: string) => text.replace(/([|*_<>])/g, '\\$1');
    const link = (file: string, line: number) => `[${file}#${line}]`;
    const checkRows = report.projectChecks.map((c) =>
      c.status === 'pass' ? `| ${c.ruleId} | ✓ pass |  |` : c.status === 'off' ? `| ${c.ruleId} | off |  |` : `| ${c.ruleId} | ✗ error | [.gitignore#1]: ${escaped(envCheck.message!)} |`,
    );
    assert.equal(
      formatReadinessMarkdown(report, link),
      [
        '# Readiness: ✗ Not ready: 4 gates failing',
        '',
        '## Gates',
        '',
        '| gate | result | numbers |',
        '| --- | --- | --- |',
        '| maxErrors | ✗ fail | 1 of 0 errors allowed |',
        '| maxWarnings | ✗ fail | 3 of 2 warnings used |',
        '| secrets | ✓ pass | 0 secrets (at most 0, whatever the severity) |',
        '| required:readiness/tests-present | ✓ pass | readiness/tests-present passes |',
        '| required:readiness/env-ignored | ✗ fail | readiness/env-ignored fails (1 finding) |',
        '| required:readiness/lockfile | ✗ fail | readiness/lockfile is required but switched off or unknown |',
        '',
        '## Scores',
        '',
        '- **failure** `█████████░` 91/100',
        '- **secrets** `██████████` 100/100',
        '- **architecture** `██████████` 100/100',
        '- **readiness** `█████████░` 89/100',
        '',
        '## Project checks',
        '',
        '| check | status | evidence |',
        '| --- | --- | --- |',
        ...checkRows,
        '',
        '## Findings (1 errors, 3 warnings, 0 info)',
        '',
        '### failure/empty-catch (3)',
        '',
        `- [src/a.ts#1] — warning: ${escaped(catchMessage)}`,
        `- [src/a.ts#2] — warning: ${escaped(catchMessage)}`,
        `- [src/a.ts#3] — warning: ${escaped(catchMessage)}`,
        '',
        '',
        '_7 files scanned · 0 in baseline · 0 suppressed_',
        '',
      ].join('\n'),
    );
    // The default link is file:line.
    assert.match(formatReadinessMarkdown(report), /^- src\/a\.ts:1 — warning: /m);
    assert.match(formatReadinessMarkdown(report), /\| readiness\/env-ignored \| ✗ error \| \.gitignore:1: /);
  });

  it('passes with no gates configured, says so, and caps long finding lists', async () => {
    const { report } = await review({ 'shipshape.yml': 'rules:\n  failure/empty-catch: info\ngates: {}\n', 'src/a.ts': catches(51) });
    assert.equal(report.verdict.passed, true);
    assert.deepEqual(report.verdict.gates, []);
    // 51 infos cost 51 points.
    assert.equal(report.verdict.scores.failure, 49);
    const text = formatReadinessText(report);
    assert.match(text, /^✓ Ready: every gate passes\n\nGates:\n {2}\(none configured\)\n\nScores:\n/);
    assert.match(text, /^ {2}failure/m);
    assert.match(text, /\n {2}failure\/empty-catch \(51\)\n/);
    assert.equal(text.split('\n').filter((l) => l.startsWith('    src/a.ts:')).length, 20);
    assert.match(text, /\n {4}src\/a\.ts:20:16 info [^\n]+\n {4}… and 31 more\n/);
    const markdown = formatReadinessMarkdown(report);
    assert.match(markdown, /^# Readiness: ✓ Ready: every gate passes\n/);
    assert.match(markdown, /\| --- \| --- \| --- \|\n\n## Scores/);
    assert.match(markdown, /- \*\*failure\*\* `█████░░░░░` 49\/100/);
    assert.match(markdown, /## Findings \(0 errors, 0 warnings, 51 info\)/);
    assert.equal(markdown.split('\n').filter((l) => l.startsWith('- src/a.ts:')).length, 50);
    assert.match(markdown, /\n- src\/a\.ts:50 — info: [^\n]+\n- … and 1 more\n/);
  });

  it('says when there is nothing to show', async () => {
    const { report } = await review({ 'shipshape.yml': 'rules:\n  readiness/*: off\n' });
    assert.equal(report.verdict.passed, true);
    assert.ok(report.projectChecks.every((c) => c.status === 'off'));
    assert.equal(report.verdict.scores.readiness, undefined);
    assert.deepEqual(gateLines(report), ['maxErrors true 0/0 0 of 0 errors allowed', 'secrets true 0/0 0 secrets (at most 0, whatever the severity)']);
    const markdown = formatReadinessMarkdown(report);
    assert.match(markdown, /## Findings \(0 errors, 0 warnings, 0 info\)\n\nNo new findings\.\n/);
    assert.ok(!formatReadinessText(report).includes('Findings by rule'));
    // Without shipshape.yml the default gates apply: no error and no secret.
    const bare = await review({});
    assert.deepEqual(bare.report.gatesConfig, { maxErrors: 0, secrets: 0 });
    assert.match(formatReadinessText(bare.report), /\nProject checks:\n/);
  });

  it('counts only new findings with newOnly; inline suppressions are returned apart and counted', async () => {
    const files = {
      'shipshape.yml': 'rules:\n  failure/empty-catch: warning\ngates:\n  maxWarnings: 1\n  secrets: 0\n  newOnly: true\n  required: [failure/empty-catch]\n',
      'src/a.ts': catches(3),
    };
    const first = await review(files);
    assert.deepEqual(gateLines(first.report), [
      'maxWarnings false 3/1 3 of 1 new warnings used',
      'secrets true 0/0 0 new secrets (at most 0, whatever the severity)',
      'required:failure/empty-catch false 3/0 failure/empty-catch fails (3 findings)',
    ]);
    // Baseline the three findings, then add a fourth and an inline-suppressed fifth.
    const dir = first.dir;
    const all = await runReadiness(engine, { dir, files: collectFiles([dir]).files, rootConfig: loadRootConfig(engine, dir), allowGit: false, warn: () => {}, workers: 1 });
    const findings = all.report.findings.map((f) => ({ finding: { ...f, file: path.join(dir, f.file) } as unknown as Finding, relativePath: f.file }));
    const salt = 'fixed-salt';
    writeBaseline(dir, buildBaseline(findings, salt));
    fs.writeFileSync(path.join(dir, 'src/a.ts'), catches(3) + 'try { g(); } catch (e) {}\n// shipshape-ignore-next-line failure/empty-catch -- best effort\ntry { h(); } catch (e) {}\n');
    const rootConfig = loadRootConfig(engine, dir);
    const again = await runReadiness(engine, { dir, files: collectFiles([dir]).files, rootConfig, allowGit: false, warn: () => {}, workers: 1 });
    const report = again.report;
    assert.equal(report.verdict.newOnly, true);
    assert.deepEqual(gateLines(report), [
      'maxWarnings true 1/1 1 of 1 new warnings used',
      'secrets true 0/0 0 new secrets (at most 0, whatever the severity)',
      // `required` counts baselined findings too: the rule still fails.
      'required:failure/empty-catch false 4/0 failure/empty-catch fails (4 findings)',
    ]);
    assert.deepEqual(
      report.findings.map((f) => `${f.line} ${f.baselineState}`),
      ['1 unchanged', '2 unchanged', '3 unchanged', '4 new'],
    );
    assert.equal(report.summary.baselined, 3);
    assert.equal(report.summary.suppressed, 1);
    assert.deepEqual(report.summary.bySeverity, { error: 0, warning: 1, info: 0 });
    assert.deepEqual(again.inlineSuppressed.map((f) => `${f.line} ${f.suppression?.kind} ${f.suppression?.justification}`), ['6 inSource best effort']);
    assert.match(formatReadinessText(report), /\n8 files scanned · 3 in baseline · 1 suppressed\n$/);
    assert.match(formatReadinessText(report), /\n {2}failure\/empty-catch \(1\)\n {4}src\/a\.ts:4:/);
  });

  it('reports project checks on the first shard only, and merges shards into one verdict', async () => {
    const files: Record<string, string> = { 'shipshape.yml': 'rules:\n  failure/empty-catch: warning\ngates:\n  maxWarnings: 3\n  required: [readiness/tests-present, failure/empty-catch, architecture/cycle]\n' };
    for (let i = 0; i < 8; i++) files[`src/f${i}.ts`] = i % 2 === 0 ? catches(1) : `export const v${i} = ${i};\n`;
    const dir = makeWorkspace({ ...READY_PROJECT, ...files });
    const rootConfig = loadRootConfig(engine, dir);
    const all = collectFiles([dir]).files;
    const run = (files: string[], shard?: Shard, changedSince?: string) => runReadiness(engine, { dir, files, rootConfig, allowGit: false, warn: () => {}, workers: 1, shard, changedSince });
    const whole = (await run(all)).report;
    const shards: ReadinessReport[] = [];
    for (const index of [1, 2]) shards.push((await run(all.filter((_, i) => i % 2 === index - 1), { index, count: 2 }, 'main')).report);
    assert.ok(shards[0].projectChecks.length > 0);
    assert.deepEqual(shards[1].projectChecks, []);
    assert.deepEqual(shards[1].shard, { index: 2, count: 2 });
    assert.equal(shards[1].changedSince, 'main');
    assert.match(formatReadinessText(shards[1]), / · shard 2\/2\n$/);

    const merged = mergeReadiness([shards[1], shards[0], shards[1]]);
    assert.deepEqual(merged.findings, whole.findings);
    assert.deepEqual(merged.projectChecks, whole.projectChecks);
    assert.deepEqual(merged.verdict, whole.verdict);
    assert.deepEqual(gateLines(merged), [
      'maxWarnings false 4/3 4 of 3 warnings used',
      'required:readiness/tests-present true 0/0 readiness/tests-present passes',
      'required:failure/empty-catch false 4/0 failure/empty-catch fails (4 findings)',
      'required:architecture/cycle true 0/0 architecture/cycle passes',
    ]);
    assert.equal(merged.summary.filesScanned, whole.summary.filesScanned + shards[1].summary.filesScanned);
    assert.deepEqual(merged.summary.bySeverity, whole.summary.bySeverity);
    assert.deepEqual(merged.summary.byFamily, whole.summary.byFamily);
    assert.equal(merged.summary.baselined, 0);
    assert.equal(merged.kind, 'readiness');
    assert.equal(merged.version, 1);
    assert.equal(merged.shard, undefined);
  });

  it('merges baselined findings and skipped-file counts', () => {
    const finding = (file: string, line: number, baselineState: 'new' | 'unchanged', ruleId = 'failure/empty-catch') => ({ ruleId, family: ruleId.split('/')[0], severity: 'warning', file, line, column: 1, endLine: line, endColumn: 2, message: 'm', fingerprint: `${ruleId}:${file}:${line}`, baselineState });
    const base = (findings: ReturnType<typeof finding>[], skipped: Record<string, number>, suppressed: number): ReadinessReport => ({
      version: 1,
      kind: 'readiness',
      verdict: { passed: true, gates: [], scores: {}, newOnly: true },
      findings,
      projectChecks: [],
      summary: { filesScanned: 2, filesSkipped: skipped, bySeverity: {}, byFamily: {}, suppressed, baselined: 0 },
      gatesConfig: { maxWarnings: 1, newOnly: true, required: ['readiness/lockfile', 'failure/empty-catch'] },
    });
    const merged = mergeReadiness([
      base([finding('b.ts', 1, 'new'), finding('a.ts', 9, 'unchanged')], { binary: 1 }, 2),
      base([finding('a.ts', 3, 'new'), finding('a.ts', 3, 'new', 'failure/other')], { binary: 2, 'too large': 1 }, 1),
    ]);
    assert.deepEqual(merged.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`), ['a.ts:3 failure/empty-catch', 'a.ts:3 failure/other', 'a.ts:9 failure/empty-catch', 'b.ts:1 failure/empty-catch']);
    assert.deepEqual(merged.summary.filesSkipped, { binary: 3, 'too large': 1 });
    assert.equal(merged.summary.filesScanned, 4);
    assert.equal(merged.summary.suppressed, 3);
    assert.equal(merged.summary.baselined, 1);
    assert.deepEqual(merged.summary.bySeverity, { error: 0, warning: 3, info: 0 });
    assert.deepEqual(gateLines(merged), [
      'maxWarnings false 3/1 3 of 1 new warnings used',
      // Readiness checks are only known when a shard reported the project checks.
      'required:readiness/lockfile false 0/0 readiness/lockfile is required but switched off or unknown',
      'required:failure/empty-catch false 3/0 failure/empty-catch fails (3 findings)',
    ]);
  });

  it('reads the config given, and refuses one with errors', async () => {
    const { report } = await review({ 'ci/shipshape.yml': 'gates:\n  maxWarnings: 7\n' }, { configFile: 'ci/shipshape.yml' });
    assert.deepEqual(report.gatesConfig, { maxWarnings: 7 });
    const dir = makeWorkspace({ 'shipshape.yml': 'gates:\n  maxErrors: nope\n' });
    assert.throws(() => loadRootConfig(engine, dir), (error: unknown) => error instanceof ConfigError && error.message === (`${path.join(dir, 'shipshape.yml')}:2:14: gates.maxErrors: must be integer`));
  });
});

describe('quality gates', () => {
  const f = (family: Finding['family'], severity: Finding['severity'], suppressed?: Finding['suppressed'], ruleId = `${family}/x`) => ({ family, severity, suppressed, ruleId }) as Finding;
  const meta = (id: string) => ({ id }) as never;

  it('default to no error and no secret', () => {
    assert.deepEqual(DEFAULT_GATES, { maxErrors: 0, secrets: 0 });
    const verdict = evaluateGates([f('secrets', 'info'), f('failure', 'warning')], undefined, [], new Set());
    assert.deepEqual(verdict.gates.map((g) => `${g.id} ${g.passed} ${g.message}`), ['maxErrors true 0 of 0 errors allowed', 'secrets false 1 secret (at most 0, whatever the severity)']);
    assert.equal(verdict.passed, false);
  });

  it('pass at the limit and fail above it', () => {
    const findings = [f('failure', 'error'), f('failure', 'warning'), f('failure', 'warning')];
    assert.equal(evaluateGates(findings, { maxErrors: 1, maxWarnings: 2 }, [], new Set()).passed, true);
    assert.equal(evaluateGates(findings, { maxErrors: 0 }, [], new Set()).passed, false);
    assert.equal(evaluateGates(findings, { maxWarnings: 1 }, [], new Set()).passed, false);
    assert.equal(evaluateGates([f('secrets', 'error'), f('secrets', 'info')], { secrets: 2 }, [], new Set()).gates[0].message, '2 secrets (at most 2, whatever the severity)');
  });

  it('ignore inline suppressions, count baselined findings unless newOnly', () => {
    const findings = [f('failure', 'error', { kind: 'inline' }), f('failure', 'error', { kind: 'baseline' }), f('failure', 'error', { kind: 'config' } as never)];
    assert.equal(evaluateGates(findings, { maxErrors: 0 }, [], new Set()).gates[0].actual, 1);
    assert.equal(evaluateGates(findings, { maxErrors: 0, newOnly: true }, [], new Set()).gates[0].actual, 0);
    // `required` counts everything but inline suppressions.
    const required = evaluateGates(findings, { required: ['failure/x'] }, [], new Set(['failure/x'])).gates[0];
    assert.deepEqual([required.actual, required.passed, required.message], [2, false, 'failure/x fails (2 findings)']);
  });

  it('score families by severity, never below 0, and readiness by share of passing checks', () => {
    const many = Array.from({ length: 11 }, () => f('architecture', 'error'));
    const verdict = evaluateGates([...many, f('failure', 'info'), f('failure', 'warning'), f('readiness', 'warning', undefined, 'readiness/a')], {}, [meta('readiness/a'), meta('readiness/b'), meta('readiness/c')], new Set());
    assert.deepEqual(verdict.scores, { failure: 96, secrets: 100, architecture: 0, readiness: 67 });
    assert.equal(verdict.passed, true);
    assert.deepEqual(evaluateGates([f('secrets', 'error', { kind: 'inline' })], {}, [], new Set()).scores, { failure: 100, secrets: 100, architecture: 100 });
  });
});

describe('readiness report details', () => {
  const finding = (ruleId: string, line: number, column = 1, message = 'm') => ({ ruleId, family: ruleId.split('/')[0], severity: 'warning', file: 'a.ts', line, column, endLine: line, endColumn: column + 1, message, fingerprint: `${ruleId}:${line}:${column}`, baselineState: 'new' as const });
  const report = (findings: ReturnType<typeof finding>[], projectChecks: ReadinessReport['projectChecks'] = []): ReadinessReport => ({
    version: 1,
    kind: 'readiness',
    verdict: { passed: true, gates: [], scores: {}, newOnly: false },
    findings,
    projectChecks,
    summary: { filesScanned: 1, filesSkipped: {}, bySeverity: { warning: findings.length }, byFamily: {}, suppressed: 0, baselined: 0 },
    gatesConfig: {},
  });

  it('groups findings by rule, larger groups first, then by rule id; caps at exactly 20 and 50', () => {
    const findings = [finding('failure/b', 1), finding('failure/a', 2), finding('architecture/z', 3), finding('failure/b', 4)];
    const text = formatReadinessText(report(findings));
    assert.deepEqual(text.split('\n').filter((l) => /^ {2}\S+ \(\d+\)$/.test(l)), ['  failure/b (2)', '  architecture/z (1)', '  failure/a (1)']);
    assert.ok(!text.includes('Project checks:'));
    assert.ok(!formatReadinessMarkdown(report(findings)).includes('## Project checks'));
    const twenty = Array.from({ length: 20 }, (_, i) => finding('failure/x', i + 1));
    assert.ok(!formatReadinessText(report(twenty)).includes('more'));
    const fifty = Array.from({ length: 50 }, (_, i) => finding('failure/x', i + 1));
    assert.ok(!formatReadinessMarkdown(report(fifty)).includes('more'));
  });

  it('escapes Markdown in messages and keeps each on one line', () => {
    const markdown = formatReadinessMarkdown(report([finding('failure/x', 1, 1, 'a | b *c* _d_ <e>\nnext')]));
    assert.match(markdown, /^- a\.ts:1 — warning: a \\\| b \\\*c\\\* \\_d\\_ \\<e\\> next$/m);
  });

  it('keeps a required rule that every shard had switched off as off in the merged verdict', () => {
    const shard = (gate: { passed: boolean; actual: number; message: string }): ReadinessReport => ({
      version: 1,
      kind: 'readiness',
      verdict: { passed: gate.passed, gates: [{ id: 'required:failure/empty-catch', limit: 0, ...gate }], scores: {}, newOnly: false },
      findings: [],
      projectChecks: [],
      summary: { filesScanned: 1, filesSkipped: {}, bySeverity: {}, byFamily: {}, suppressed: 0, baselined: 0 },
      gatesConfig: { required: ['failure/empty-catch'] },
    });
    const off = { passed: false, actual: 0, message: 'failure/empty-catch is required but switched off or unknown' };
    const on = { passed: true, actual: 0, message: 'failure/empty-catch passes' };
    assert.deepEqual(gateLines(mergeReadiness([shard(off), shard(off)])), ['required:failure/empty-catch false 0/0 failure/empty-catch is required but switched off or unknown']);
    assert.deepEqual(gateLines(mergeReadiness([shard(off), shard(on)])), ['required:failure/empty-catch true 0/0 failure/empty-catch passes']);
  });

  it('merges findings on one line by column, and keeps no project checks when no shard had them', () => {
    const merged = mergeReadiness([report([finding('failure/x', 1, 9), finding('failure/x', 1, 2)]), report([finding('failure/y', 1, 5)])]);
    assert.deepEqual(merged.findings.map((f) => `${f.line}:${f.column}`), ['1:2', '1:5', '1:9']);
    assert.deepEqual(merged.projectChecks, []);
    assert.deepEqual(merged.summary.filesSkipped, {});
  });

  it('reads rule switches given as objects, and a config with warnings only', async () => {
    const { report: r } = await review({
      'shipshape.yml': 'rules:\n  readiness/lockfile: { severity: off }\n  readiness/*: { severity: warning }\n  failure/typo: off\ngates:\n  required: [readiness/lockfile, readiness/ci-config]\n',
    });
    assert.deepEqual(gateLines(r), ['required:readiness/lockfile false 0/0 readiness/lockfile is required but switched off or unknown', 'required:readiness/ci-config true 0/0 readiness/ci-config passes']);
    const { report: off } = await review({ 'shipshape.yml': 'rules:\n  readiness/*: { severity: off }\ngates:\n  required: [readiness/ci-config]\n' });
    assert.deepEqual(gateLines(off), ['required:readiness/ci-config false 0/0 readiness/ci-config is required but switched off or unknown']);
  });
});
