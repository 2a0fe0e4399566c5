import * as assert from 'node:assert/strict';
import { suppressionEdit } from '../../server/src/engine/suppression-edit';
import { analyse, visible } from '../helpers/engine';

const EMPTY = 'try { x(); } catch (e) {}';
const ids = (code: string, filename?: string) => visible(analyse(code, { filename })).map((f) => `${f.line} ${f.ruleId}`);

describe('other secret scanners\' markers (migration)', () => {
  const KEY = 'sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0AbCdEf';
  const secretLines = (code: string, filename = 'a.ts') => visible(analyse(code, { filename })).filter((f) => f.family === 'secrets').map((f) => f.line);

  it('gitleaks:allow and pragma: allowlist secret exempt the secret on their line; the nextline forms the line after', () => {
    assert.deepEqual(secretLines(`const a = "${KEY}"; // gitleaks:allow\nconst b = "${KEY}";\n`), [2]);
    assert.deepEqual(secretLines(`key = "${KEY}"  # pragma: allowlist secret\nother = "${KEY}"\n`, 'app.py'), [2]);
    assert.deepEqual(secretLines(`# pragma: allowlist nextline secret\nkey = "${KEY}"\nother = "${KEY}"\n`, 'app.py'), [3]);
    assert.deepEqual(secretLines(`// secretlint-disable-next-line\nconst a = "${KEY}";\nconst b = "${KEY}"; // secretlint-disable-line\nconst c = "${KEY}";\n`), [4]);
  });

  it('secretlint-disable … secretlint-enable exempts the lines between, to the end without an enable', () => {
    assert.deepEqual(secretLines(`const a = "${KEY}";\n/* secretlint-disable */\nconst b = "${KEY}";\n/* secretlint-enable */\nconst c = "${KEY}";\n`), [1, 5]);
    assert.deepEqual(secretLines(`const a = "${KEY}";\n// secretlint-disable\nconst b = "${KEY}";\nconst c = "${KEY}";\n`), [1]);
  });

  it('marks what it exempts with the marker as the reason, and exempts secrets only', () => {
    const findings = analyse(`const a = "${KEY}"; // gitleaks:allow\n`);
    assert.deepEqual(findings.filter((f) => f.family === 'secrets').map((f) => f.suppressed), [{ kind: 'inline', reason: 'marked `gitleaks:allow` for another secret scanner' }]);
    assert.deepEqual(ids(`try { x(); } catch (e) {} // gitleaks:allow\n`), ['1 failure/empty-catch']);
  });
});

describe('inline suppressions', () => {
  it('next-line directive with a reason suppresses the finding below it and nothing else', () => {
    assert.deepEqual(ids(`// shipshape-ignore-next-line failure/empty-catch -- best effort\n${EMPTY}\n${EMPTY}`), ['3 failure/empty-catch']);
  });

  it('marks the suppressed finding with its reason (so reports can count it)', () => {
    const findings = analyse(`// shipshape-ignore-next-line failure/empty-catch -- best effort\n${EMPTY}`);
    assert.deepEqual(findings.map((f) => f.suppressed), [{ kind: 'inline', reason: 'best effort' }]);
  });

  it('accepts family wildcards, lists of ids and block comments', () => {
    assert.deepEqual(ids(`/* shipshape-ignore-next-line failure/* -- ok */\n${EMPTY}`), []);
    assert.deepEqual(ids(`// shipshape-ignore-next-line secrets/private-key, failure/empty-catch -- ok\n${EMPTY}`), []);
  });

  it('file directive suppresses the rule in the whole file', () => {
    assert.deepEqual(ids(`// shipshape-ignore-file failure/empty-catch -- generated code\n\n${EMPTY}\n${EMPTY}`), []);
  });

  it('reports a directive without a reason, while still honouring it', () => {
    assert.deepEqual(ids(`// shipshape-ignore-next-line failure/empty-catch\n${EMPTY}`), ['1 shipshape/suppression-reason']);
  });

  it('reports a directive that suppresses nothing', () => {
    assert.deepEqual(ids('// shipshape-ignore-next-line failure/empty-catch -- old\nconst x = 1;\n'), ['1 shipshape/unused-suppression']);
  });

  it('reports a directive naming an unknown rule', () => {
    const findings = visible(analyse('// shipshape-ignore-next-line failure/empty-catsh -- typo\n' + EMPTY));
    assert.deepEqual(findings.map((f) => f.ruleId).sort(), ['failure/empty-catch', 'shipshape/unused-suppression']);
    assert.match(findings.find((f) => f.ruleId === 'shipshape/unused-suppression')!.message, /Unknown rule 'failure\/empty-catsh'/);
  });

  it('ignores directive text inside strings', () => {
    assert.deepEqual(ids(`const s = "shipshape-ignore-next-line failure/empty-catch -- no";\n${EMPTY}`), ['2 failure/empty-catch']);
  });

  it('works with # comments in other languages', () => {
    const pem = '-----BEGIN RSA PRIVATE KEY-----\\nE+90UVmnD5PSlKvmtRlYbtn2prhhBq7VDpoGFuE34SQUTt8bSD2T9wV8gfFyBoTk\\nojC72qY6vNfDlZ+jDnp5SSDSPq5lhPPgCl89xeGmNrKjDM1Tqd1l0t6gsUYNnR5b\\n-----END RSA PRIVATE KEY-----';
    assert.deepEqual(ids(`KEY="${pem}"\n`, 'app.env'), ['1 secrets/private-key']);
    assert.deepEqual(ids(`# shipshape-ignore-next-line secrets/private-key -- test fixture\nKEY="${pem}"\n`, 'app.env'), []);
  });
});

describe('suppression quick-fix edit', () => {
  it('inserts the directive above the line, with its indentation and the file line endings', () => {
    const text = 'function f() {\r\n  try { x(); } catch (e) {}\r\n}\r\n';
    const edit = suppressionEdit('/w/a.ts', text, 1, 'failure/empty-catch', 'best effort');
    assert.ok(!('refused' in edit));
    const result = text.slice(0, edit.offset) + edit.text + text.slice(edit.offset);
    assert.equal(result, 'function f() {\r\n  // shipshape-ignore-next-line failure/empty-catch -- best effort\r\n  try { x(); } catch (e) {}\r\n}\r\n');
    assert.deepEqual(visible(analyse(result)).map((f) => f.ruleId), []);
  });

  it('uses the comment form of the language', () => {
    const edit = suppressionEdit('/w/Dockerfile', 'ENV A=b\n', 0, 'secrets/private-key', 'fake');
    assert.ok(!('refused' in edit) && edit.text === '# shipshape-ignore-next-line secrets/private-key -- fake\n');
    const css = suppressionEdit('/w/a.css', 'a {}\n', 0, 'secrets/private-key', 'x');
    assert.ok(!('refused' in css) && css.text === '/* shipshape-ignore-next-line secrets/private-key -- x */\n');
  });

  it('refuses where a comment line would change the program or the format has none', () => {
    assert.ok('refused' in suppressionEdit('/w/a.json', '{"a": 1}\n', 0, 'secrets/private-key', 'x'));
    assert.ok('refused' in suppressionEdit('/w/a.ts', 'const k = `\nline\n`;\n', 1, 'secrets/private-key', 'x'));
    assert.ok('refused' in suppressionEdit('/w/a.yml', 'key: |\n  -----BEGIN\n  abc\n', 1, 'secrets/private-key', 'x'));
    assert.ok('refused' in suppressionEdit('/w/a.ts', 'x();\n', 0, 'failure/empty-catch', '   '));
    assert.ok('refused' in suppressionEdit('/w/a.ts', 'x();\n', 5, 'failure/empty-catch', 'r'));
    assert.ok(!('refused' in suppressionEdit('/w/a.yml', 'a:\n  b: c\n', 1, 'secrets/private-key', 'x')));
  });
});

describe('fixes on engine findings', () => {
  it('offers to remove an unused suppression that is alone on its line', () => {
    const [finding] = visible(analyse('const a = 1;\n  // shipshape-ignore-next-line failure/empty-catch -- old\nconst x = 1;\n', { filename: 'src/a.ts' }));
    assert.equal(finding.ruleId, 'shipshape/unused-suppression');
    assert.equal(finding.fixes?.length, 1);
    const [change] = finding.fixes![0].changes;
    assert.deepEqual([change.line, change.column, change.endLine, change.endColumn, change.newText], [2, 1, 3, 1, '']);
  });

  it('does not offer it when the comment shares its line with code', () => {
    const [finding] = visible(analyse('x(); // shipshape-ignore-next-line failure/empty-catch -- old\nconst x = 1;\n'));
    assert.equal(finding.ruleId, 'shipshape/unused-suppression');
    assert.equal(finding.fixes, undefined);
  });
});

describe('budgets and caps', () => {
  it('an analysis over its time budget stops between rules and says which rules did not run', () => {
    const findings = visible(analyse('try { x(); } catch (e) {}\n', { config: 'limits:\n  timeBudgetMs: -0.5\n' }));
    // A negative budget is spent before the first rule: nothing runs, and the finding says so.
    assert.deepEqual(findings.map((f) => f.ruleId), ['shipshape/budget-exceeded']);
    assert.match(findings[0].message, /^Analysis stopped after \d+ ms \(limits\.timeBudgetMs is -0\.5\): \d+ rules did not run \(failure\/empty-catch, /);
  });

  it('caps findings per file with a notice of how many more there were', () => {
    const code = Array.from({ length: 7 }, (_, i) => `try { f${i}(); } catch (e) {}`).join('\n');
    const findings = visible(analyse(code, { config: 'limits:\n  maxFindingsPerFile: 3\n' }));
    assert.deepEqual(findings.map((f) => f.ruleId).sort(), ['failure/empty-catch', 'failure/empty-catch', 'failure/empty-catch', 'shipshape/too-many-findings']);
    assert.match(findings.find((f) => f.ruleId === 'shipshape/too-many-findings')!.message, /^4 more findings in this file not shown/);
  });
});
