// Engine.analyze with small synthetic checks: what is skipped, when only the secrets pass runs, how a
// throwing rule, the time budget and the findings cap show up, severities and options from the
// config, suppressions and their meta findings, the secrets allow list, fixes and the sort order.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { HARD_SIZE_LIMIT, isMinified } from '../../../server/src/engine/engine';
import { compareFindings, Engine, languageOf, type Finding } from '../../../server/src/engine/index';
import type { Check, CheckContext, FileSystemHost, RawFinding, RuleMeta } from '../../../server/src/engine/types';
import { builtInChecks } from '../../../server/src/checks';
import { loadedConfig } from '../../helpers/engine';

const DIR = path.join(path.sep, 'ws');

function meta(id: string, extra: Partial<RuleMeta> = {}): RuleMeta {
  return { id, family: id.split('/')[0] as RuleMeta['family'], title: id, rationale: '', remedy: '', defaultSeverity: 'warning', languages: '*', examples: { bad: [], good: [] }, ...extra };
}

/** A check that reports whatever `findings` returns for the document. */
function check(id: string, findings: (context: CheckContext) => Omit<RawFinding, 'ruleId'>[] | void, extra: Partial<RuleMeta> = {}, alsoReports?: RuleMeta[]): Check {
  return { meta: meta(id, extra), alsoReports, run: (context) => { for (const f of findings(context) ?? []) context.report({ ruleId: '', ...f }); } };
}

const host: FileSystemHost = { fileExists: () => false, readFile: (p) => (p === path.join(DIR, 'other.txt') ? 'one\ntwo\n' : undefined) };

function run(engine: Engine, text: string, options: { file?: string; config?: string; trusted?: boolean; salt?: string } = {}) {
  const file = path.join(DIR, options.file ?? 'src/a.ts');
  return engine.analyze({ document: { path: file, text, language: languageOf(file) }, config: loadedConfig(options.config, DIR), host, salt: options.salt ?? 'salt', trusted: options.trusted });
}

const at = (text: string, needle: string, message = 'found') => ({ start: text.indexOf(needle), end: text.indexOf(needle) + needle.length, message });
const summary = (findings: Finding[]) => findings.map((f) => `${f.ruleId} ${f.severity} ${f.line}:${f.column}-${f.endLine}:${f.endColumn}${f.suppressed ? ` [${f.suppressed.kind}${f.suppressed.reason ? `: ${f.suppressed.reason}` : ''}]` : ''}`);

describe('Engine.analyze', () => {
  const flagX = check('failure/x', (c) => (c.document.text.includes('X') ? [at(c.document.text, 'X')] : []));
  const secret = check('secrets/s', (c) => (c.document.text.includes('SECRET') ? [{ ...at(c.document.text, 'SECRET'), secretValue: 'SECRET' }] : []));

  it('skips ignored, huge and binary files, saying why', () => {
    const engine = new Engine([flagX, secret]);
    assert.deepEqual(run(engine, 'X', { config: 'ignore: ["src/**"]\n' }), { findings: [], skipped: 'ignored', errors: [] });
    assert.deepEqual(run(engine, 'X'.repeat(HARD_SIZE_LIMIT + 1)), { findings: [], skipped: 'too-large', errors: [] });
    assert.deepEqual(run(engine, 'X\u0000'), { findings: [], skipped: 'binary', errors: [] });
    // Exactly at the hard limit the file is still read (secrets pass only, being over maxFileSizeKB).
    const atLimit = run(engine, 'SECRET' + 'X'.repeat(HARD_SIZE_LIMIT - 6));
    assert.equal(atLimit.skipped, undefined);
    assert.equal(atLimit.secretsOnly, 'too-large');
    assert.deepEqual(atLimit.findings.map((f) => f.ruleId), ['secrets/s']);
  });

  it('runs only the secrets pass on files over maxFileSizeKB and on minified files', () => {
    const seen: (string | undefined)[] = [];
    const spy = check('secrets/spy', (c) => void seen.push(c.limited));
    const engine = new Engine([flagX, secret, spy]);
    const config = 'limits:\n  maxFileSizeKB: 1\n';
    assert.equal(run(engine, 'X SECRET'.padEnd(1024), { config }).secretsOnly, undefined);
    const over = run(engine, 'X SECRET'.padEnd(1025), { config });
    assert.equal(over.secretsOnly, 'too-large');
    assert.deepEqual(over.findings.map((f) => f.ruleId), ['secrets/s']);
    const minified = run(engine, 'X SECRET ' + 'a'.repeat(5000));
    assert.equal(minified.secretsOnly, 'minified');
    assert.deepEqual(minified.findings.map((f) => f.ruleId), ['secrets/s']);
    assert.deepEqual(seen, [undefined, 'too-large', 'minified']);
    const normal = run(engine, 'X SECRET\n');
    assert.ok(!('secretsOnly' in normal));
    assert.deepEqual(normal.findings.map((f) => f.ruleId), ['failure/x', 'secrets/s']);
    // A minifier's output by its name, however small (Ghost's 3 KB member-attribution.min.js).
    for (const file of ['public/attribution.min.js', 'vendor/lib-min.mjs']) {
      const named = run(engine, 'X SECRET\n', { file });
      assert.equal(named.secretsOnly, 'minified', file);
      assert.deepEqual(named.findings.map((f) => f.ruleId), ['secrets/s']);
    }
    assert.equal(run(engine, 'X SECRET\n', { file: 'src/admin.js' }).secretsOnly, undefined);
  });

  it('tells minified code by long lines and few of them', () => {
    assert.equal(isMinified('a'.repeat(4095)), false); // short files never are
    assert.equal(isMinified('a'.repeat(4096)), true);
    assert.equal(isMinified('a'.repeat(2000) + '\n' + 'b'.repeat(2000) + '\n' + 'c'.repeat(100)), false); // no line over 2000
    assert.equal(isMinified('a'.repeat(2001) + '\n' + 'b'.repeat(2500)), true);
    assert.equal(isMinified('b'.repeat(2500) + '\n' + 'a'.repeat(2001)), true); // the last line counts
    assert.equal(isMinified(('a'.repeat(2001) + '\n') + 'x\n'.repeat(3000)), false); // many short lines
    assert.equal(isMinified('a'.repeat(2100) + '\n'.repeat(6) + 'b'.repeat(2000)), true); // 4106/7 > 300
    assert.equal(isMinified('a'.repeat(2100) + '\n'.repeat(13) + 'b'.repeat(2000)), false); // 4113/14 < 300
    assert.equal(isMinified('a'.repeat(2100) + '\n'.repeat(13) + 'b'.repeat(2087)), false); // 4200/14 = 300: not over
    assert.equal(isMinified('a'.repeat(2100) + '\n'.repeat(13) + 'b'.repeat(2088)), true); // 4201/14 > 300
    assert.equal(isMinified('x\n'.repeat(3000) + 'a'.repeat(5000)), false); // a long last line after many short ones
  });

  it('keeps going when a rule throws, and reports the error', () => {
    const engine = new Engine([
      check('failure/boom', () => { throw new Error('kaput'); }),
      check('failure/odd', () => { throw 'a string'; }),
      flagX,
    ]);
    const result = run(engine, 'X');
    assert.deepEqual(result.errors, [{ ruleId: 'failure/boom', message: 'kaput' }, { ruleId: 'failure/odd', message: 'a string' }]);
    assert.deepEqual(result.findings.map((f) => f.ruleId), ['failure/x']);
  });

  it('passes trust, options with their defaults, the relative path and a shared tree to checks', () => {
    const contexts: CheckContext[] = [];
    const spy = check('failure/spy', (c) => void contexts.push(c), { options: { depth: { description: '', default: 3 }, mode: { description: '', default: 'a' } } });
    const engine = new Engine([spy]);
    run(engine, 'const a = 1;\n', { config: 'rules:\n  failure/spy:\n    severity: error\n    options:\n      depth: 5\n' });
    run(engine, 'const a = 1;\n', { trusted: false, config: 'rules:\n  failure/spy: error\n' });
    run(engine, 'a: 1\n', { file: 'c.yml' });
    assert.deepEqual(contexts.map((c) => c.options), [{ depth: 5, mode: 'a' }, { depth: 3, mode: 'a' }, { depth: 3, mode: 'a' }]);
    assert.deepEqual(contexts.map((c) => c.trusted), [true, false, true]);
    assert.deepEqual(contexts.map((c) => c.relativePath), ['src/a.ts', 'src/a.ts', 'c.yml']);
    assert.equal(contexts[0].configDir, DIR);
    const tree = contexts[0].tsTree();
    assert.ok(tree && tree.statements.length === 1);
    assert.equal(contexts[0].tsTree(), tree); // parsed once
    assert.equal(contexts[2].tsTree(), undefined); // YAML has no script tree
  });

  it('runs a rule only on its languages and only when enabled; a family switch applies below the exact id', () => {
    const ran: string[] = [];
    const tsOnly = check('failure/ts-only', (c) => void ran.push(`ts-only ${c.relativePath}`), { languages: ['typescript'] });
    const offByDefault = check('failure/quiet', () => void ran.push('quiet'), { defaultSeverity: 'off' as never });
    const arch = check('architecture/a', (c) => [at(c.document.text, 'X')]);
    const engine = new Engine([tsOnly, offByDefault, arch]);
    run(engine, 'X', { file: 'a.py' });
    run(engine, 'X', { file: 'a.ts' });
    assert.deepEqual(ran, ['ts-only a.ts']);
    run(engine, 'X', { config: 'rules:\n  failure/*: off\n' });
    assert.deepEqual(ran, ['ts-only a.ts']);
    run(engine, 'X', { config: 'rules:\n  failure/*: off\n  failure/ts-only: info\n  failure/quiet: error\n' });
    assert.deepEqual(ran, ['ts-only a.ts', 'ts-only src/a.ts', 'quiet']);
    // Architecture rules run even with the family off: a constraint can raise them again.
    assert.deepEqual(summary(run(engine, 'X', { config: 'rules:\n  architecture/*: off\n' }).findings), []);
    assert.deepEqual(summary(run(engine, 'X', { config: 'rules:\n  architecture/*: info\n' }).findings), ['architecture/a info 1:1-1:2']);
  });

  it('resolves severity: exact rule, then the check\'s own, then the family, then the default', () => {
    const own = check('architecture/own', (c) => [{ ...at(c.document.text, 'X'), severityOverride: 'error' }, { ...at(c.document.text, 'Y'), severityOverride: 'off' }]);
    const plain = check('failure/plain', (c) => [at(c.document.text, 'X')]);
    const engine = new Engine([own, plain]);
    const sev = (config?: string) => summary(run(engine, 'X Y', { config }).findings).map((s) => s.split(' ').slice(0, 2).join(' '));
    assert.deepEqual(sev(), ['architecture/own error', 'failure/plain warning']);
    assert.deepEqual(sev('rules:\n  architecture/*: info\n  failure/*: info\n'), ['architecture/own error', 'failure/plain info']);
    assert.deepEqual(sev('rules:\n  architecture/own: warning\n  failure/plain: error\n'), ['architecture/own warning', 'failure/plain error', 'architecture/own warning']);
    assert.deepEqual(sev('rules:\n  architecture/own: off\n  failure/plain: off\n'), []);
  });

  it('reports an unknown rule id from a check nowhere, and checks with several rules under each id', () => {
    const multi = check('secrets/a', (c) => [{ ...at(c.document.text, 'X'), ruleId: 'secrets/b' } as never, { ...at(c.document.text, 'X'), ruleId: 'secrets/none' } as never, at(c.document.text, 'X')], {}, [meta('secrets/b')]);
    const engine = new Engine([multi]);
    assert.deepEqual(engine.rules.map((r) => r.id), ['secrets/a', 'secrets/b']);
    assert.equal(engine.ruleMeta('secrets/b')?.id, 'secrets/b');
    assert.equal(engine.ruleMeta('secrets/none'), undefined);
    assert.deepEqual(run(engine, 'X').findings.map((f) => f.ruleId), ['secrets/a', 'secrets/b']);
    // Switching the main rule off still runs the check for the other.
    assert.deepEqual(run(engine, 'X', { config: 'rules:\n  secrets/a: off\n' }).findings.map((f) => f.ruleId), ['secrets/b']);
    assert.deepEqual(run(engine, 'X', { config: 'rules:\n  secrets/a: off\n  secrets/b: off\n' }).findings, []);
  });

  it('positions findings, keeps constraint keys, and fingerprints the offending text (secrets: the salted value)', () => {
    const engine = new Engine([
      check('architecture/k', (c) => [{ ...at(c.document.text, 'X'), constraintKey: 'layer:ui' }, { start: 2, end: 1, message: 'empty' }]),
      check('failure/fp', (c) => [at(c.document.text, 'X'), { ...at(c.document.text, 'Y'), fingerprintText: 'X' }]),
      secret,
    ]);
    const text = 'a\nbX Y SECRET\n';
    const findings = run(engine, text).findings;
    assert.deepEqual(summary(findings), ['architecture/k warning 2:1-2:1', 'architecture/k warning 2:2-2:3', 'failure/fp warning 2:2-2:3', 'failure/fp warning 2:4-2:5', 'secrets/s warning 2:6-2:12']);
    assert.equal(findings[1].constraintKey, 'layer:ui');
    assert.ok(!('constraintKey' in findings[0]) && !('constraintKey' in findings[2]));
    assert.ok(!('fixes' in findings[0]));
    assert.equal(findings[2].fingerprint, findings[3].fingerprint);
    assert.notEqual(findings[0].fingerprint, findings[1].fingerprint);
    // Moving the text keeps fingerprints; a different salt changes only the secret's.
    const moved = run(engine, '\n\n' + text, { salt: 'other' }).findings;
    assert.equal(moved[2].fingerprint, findings[2].fingerprint);
    assert.notEqual(moved[4].fingerprint, findings[4].fingerprint);
    assert.equal(run(engine, '\n\n' + text).findings[4].fingerprint, findings[4].fingerprint);
  });

  it('positions fixes in the document and in other files, created or existing', () => {
    const engine = new Engine([
      check('failure/fix', (c) => [
        {
          ...at(c.document.text, 'X'),
          fixes: [
            { title: 'here', preferred: true, changes: [{ start: 2, end: 3, newText: 'Y' }] },
            { title: 'there', changes: [{ path: path.join(DIR, 'other.txt'), start: 4, end: 7, newText: 'TWO', sensitive: true }, { path: path.join(DIR, 'new.txt'), start: 0, end: 0, newText: 'n' }], createFiles: [path.join(DIR, 'new.txt')] },
            { title: 'missing', changes: [{ path: path.join(DIR, 'gone.txt'), start: 0, end: 0, newText: 'g' }] },
          ],
        },
      ]),
    ]);
    const [finding] = run(engine, 'a\nX\n').findings;
    assert.deepEqual(finding.fixes, [
      { title: 'here', preferred: true, changes: [{ path: path.join(DIR, 'src/a.ts'), line: 2, column: 1, endLine: 2, endColumn: 2, newText: 'Y' }] },
      {
        title: 'there',
        createFiles: [path.join(DIR, 'new.txt')],
        changes: [
          { path: path.join(DIR, 'other.txt'), line: 2, column: 1, endLine: 2, endColumn: 4, newText: 'TWO', sensitive: true },
          { path: path.join(DIR, 'new.txt'), line: 1, column: 1, endLine: 1, endColumn: 1, newText: 'n' },
        ],
      },
      { title: 'missing', changes: [{ path: path.join(DIR, 'gone.txt'), line: 1, column: 1, endLine: 1, endColumn: 1, newText: 'g' }] },
    ]);
  });

  it('caps findings per file and says how many more there are', () => {
    const engine = new Engine([check('failure/many', (c) => [...c.document.text].map((_, i) => ({ start: i, end: i + 1, message: `#${i}` }))), ...builtInChecks.filter((c) => c.meta.family === 'shipshape')]);
    const config = (cap: number) => `limits:\n  maxFindingsPerFile: ${cap}\n`;
    assert.equal(run(engine, 'aaa', { config: config(3) }).findings.length, 3);
    const one = run(engine, 'aaaa', { config: config(3) }).findings;
    assert.deepEqual(one.map((f) => f.ruleId), ['failure/many', 'shipshape/too-many-findings', 'failure/many', 'failure/many']);
    assert.equal(one[1].message, '1 more finding in this file not shown (limits.maxFindingsPerFile is 3). Fix these first, or run the CLI on this file for the full list with a higher limit.');
    assert.deepEqual(one.filter((f) => f.ruleId === 'failure/many').map((f) => f.message), ['#0', '#1', '#2']);
    assert.match(run(engine, 'aaaaaa', { config: config(3) }).findings[1].message, /^3 more findings in this file not shown \(limits\.maxFindingsPerFile is 3\)/);
  });

  it('stops between rules when the time budget is spent, naming what did not run', () => {
    const slow = check('failure/slow', () => { const end = performance.now() + 30; while (performance.now() < end); });
    const rest = Array.from({ length: 6 }, (_, i) => check(`failure/r${i}`, (c) => [at(c.document.text, 'X')]));
    const budget = builtInChecks.filter((c) => c.meta.family === 'shipshape');
    const engine = new Engine([...budget, slow, ...rest, check('failure/py', () => [], { languages: ['python'] }), check('failure/off', () => [], { defaultSeverity: 'off' as never })]);
    const result = run(engine, 'X', { config: 'limits:\n  timeBudgetMs: 10\n' });
    const stopped = result.findings.find((f) => f.ruleId === 'shipshape/budget-exceeded');
    assert.ok(stopped, JSON.stringify(summary(result.findings)));
    // Every rule after the slow one that would have run is listed (not the Python-only or the disabled one).
    const count = /: (\d+) rules did not run \(([^)]*)\)/.exec(stopped.message)!;
    assert.match(stopped.message, /^Analysis stopped after \d+ ms \(limits\.timeBudgetMs is 10\): /);
    assert.equal(Number(count[1]), 6);
    assert.equal(count[2], 'failure/r0, failure/r1, failure/r2, failure/r3, failure/r4, …');
    assert.match(stopped.message, /\)\. Raise the budget or exclude the file with ignore: if it is generated\.$/);
    assert.ok(!result.findings.some((f) => f.ruleId.startsWith('failure/r')));
    const single = new Engine([...budget, slow, rest[0]]).analyze({ document: { path: path.join(DIR, 'a.ts'), text: 'X', language: 'typescript' }, config: loadedConfig('limits:\n  timeBudgetMs: 10\nrules:\n  shipshape/*: off\n  shipshape/budget-exceeded: warning\n', DIR), host, salt: 's' });
    assert.match(single.findings.find((f) => f.ruleId === 'shipshape/budget-exceeded')!.message, /: 1 rule did not run \(failure\/r0\)\. /);
    // Within budget nothing is said.
    assert.ok(!run(engine, 'X').findings.some((f) => f.ruleId === 'shipshape/budget-exceeded'));
  });

  it('applies secrets.allow paths and fingerprints to secrets only', () => {
    const engine = new Engine([flagX, secret]);
    const base = run(engine, 'X SECRET').findings;
    const fp = base.find((f) => f.ruleId === 'secrets/s')!.fingerprint;
    assert.deepEqual(summary(run(engine, 'X SECRET', { config: 'secrets:\n  allow:\n    paths: ["src/**"]\n' }).findings), ['failure/x warning 1:1-1:2', 'secrets/s warning 1:3-1:9 [config: secrets.allow.paths]']);
    assert.deepEqual(summary(run(engine, 'X SECRET', { config: `secrets:\n  allow:\n    fingerprints: ["${fp}"]\n` }).findings), ['failure/x warning 1:1-1:2', 'secrets/s warning 1:3-1:9 [config: secrets.allow.fingerprints]']);
    assert.deepEqual(summary(run(engine, 'X SECRET', { config: 'secrets:\n  allow:\n    paths: ["other/**"]\n    fingerprints: ["0000000000000000"]\n' }).findings), ['failure/x warning 1:1-1:2', 'secrets/s warning 1:3-1:9']);
    // An inline suppression wins over the allow list.
    assert.deepEqual(
      summary(run(engine, '// shipshape-ignore-next-line secrets/s -- test value\nX SECRET', { config: 'secrets:\n  allow:\n    paths: ["src/**"]\n' }).findings),
      ['failure/x warning 2:1-2:2', 'secrets/s warning 2:3-2:9 [inline: test value]'],
    );
  });

  it('reports suppressions without a reason, of unknown rules, and ones that suppress nothing (with a fix when safe)', () => {
    const engine = new Engine([flagX, secret, ...builtInChecks.filter((c) => c.meta.family === 'shipshape')]);
    const findings = (text: string) => run(engine, text).findings.filter((f) => f.ruleId.startsWith('shipshape/'));
    const [noReason] = findings('// shipshape-ignore-next-line failure/x\nX\n');
    assert.equal(noReason.ruleId, 'shipshape/suppression-reason');
    assert.equal(noReason.message, 'This suppression gives no reason. Add one after `--` (e.g. `shipshape-ignore-next-line failure/x -- why this is safe`) so reviewers can judge it.');
    const [unknown] = findings('// shipshape-ignore-next-line failure/x, failure/nope, failure/gone -- r\nX\n');
    assert.equal(unknown.message, "Unknown rule 'failure/nope', 'failure/gone' in this suppression: it suppresses nothing.");
    assert.equal(unknown.fixes, undefined);
    const [unused] = findings('f();\n  // shipshape-ignore-next-line failure/x, secrets/s -- r\nf();\n');
    assert.equal(unused.message, 'This suppression of failure/x, secrets/s no longer suppresses anything. Remove it so it cannot hide a future problem.');
    assert.equal(unused.line, 2);
    assert.deepEqual(unused.fixes, [{ title: 'Remove the unused suppression', changes: [{ path: path.join(DIR, 'src/a.ts'), line: 2, column: 1, endLine: 3, endColumn: 1, newText: '' }] }]);
    // On the last line, without a newline: removed to the end of the text.
    assert.deepEqual(findings('f();\n// shipshape-ignore-next-line failure/x -- r')[0].fixes![0].changes[0], { path: path.join(DIR, 'src/a.ts'), line: 2, column: 1, endLine: 2, endColumn: 45, newText: '' });
    // A directive after code, or opening a block comment that goes on, is reported without a fix.
    assert.equal(findings('f(); // shipshape-ignore-next-line failure/x -- r\nf();\n')[0].fixes, undefined);
    assert.equal(findings('/* shipshape-ignore-next-line failure/x -- r\n more */\nf();\n')[0].fixes, undefined);
    assert.ok(findings('/* shipshape-ignore-next-line failure/x -- r */\nf();\n')[0].fixes);
    // Family wildcards: unused only when a rule of that family ran; never "unknown".
    assert.equal(findings('// shipshape-ignore-next-line failure/* -- r\nf();\n')[0].ruleId, 'shipshape/unused-suppression');
    assert.deepEqual(findings('// shipshape-ignore-next-line readiness/* -- r\nf();\n'), []);
    // A suppression of a rule that did not run (switched off) is not called unused.
    assert.deepEqual(run(engine, '// shipshape-ignore-next-line failure/x -- r\nf();\n', { config: 'rules:\n  failure/x: off\n' }).findings, []);
    // Used suppressions say nothing.
    assert.deepEqual(findings('// shipshape-ignore-next-line failure/x -- r\nX\n'), []);
    assert.deepEqual(findings('# shipshape-ignore-next-line failure/x -- r\nX\n'), []);
  });
});

describe('compareFindings', () => {
  it('orders by file, line, column, then rule id', () => {
    const f = (file: string, line: number, column: number, ruleId: string) => ({ file, line, column, ruleId }) as Finding;
    const sorted = [f('b', 1, 1, 'a'), f('a', 2, 1, 'a'), f('a', 1, 2, 'a'), f('a', 1, 1, 'b'), f('a', 1, 1, 'a'), f('a', 10, 1, 'a')].sort(compareFindings);
    assert.deepEqual(sorted.map((x) => `${x.file}${x.line}:${x.column}${x.ruleId}`), ['a1:1a', 'a1:1b', 'a1:2a', 'a2:1a', 'a10:1a', 'b1:1a']);
    assert.equal(compareFindings(f('a', 1, 1, 'a'), f('a', 1, 1, 'a')), 0);
    assert.ok(compareFindings(f('b', 1, 1, 'a'), f('a', 9, 9, 'z')) > 0);
    assert.ok(compareFindings(f('a', 1, 1, 'b'), f('a', 1, 1, 'a')) > 0);
  });
});
