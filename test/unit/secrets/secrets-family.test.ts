// The secrets family through the engine: masking, git-ignored files, custom rules, oversized and
// minified files, and the move-to-environment quick fix in each language it supports.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resetSecretsGitIgnoreCache } from '../../../server/src/checks/secrets/git-ignored';
import { maskSecret } from '../../../server/src/checks/secrets/mask';
import { DiskHost } from '../../../server/src/engine/host';
import { languageOf } from '../../../server/src/engine/index';
import type { Finding, Fix } from '../../../server/src/engine/types';
import { analyse, engine, loadedConfig, makeWorkspace, TEST_SALT, visible } from '../../helpers/engine';

const STRIPE = 'sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab';

/** Analyses a file that exists in a workspace on disk (git-ignore rules and the env fix need real files). */
function analyseFile(dir: string, relative: string, config?: string, trusted = true): Finding[] {
  const file = path.join(dir, relative);
  resetSecretsGitIgnoreCache();
  return engine.analyze({
    document: { path: file, text: fs.readFileSync(file, 'utf8'), language: languageOf(file) },
    config: loadedConfig(config, dir),
    host: new DiskHost(),
    salt: TEST_SALT,
    trusted,
  }).findings;
}

/** Applies a fix the way an editor would (creating files), returns the resulting file texts. */
function applyFix(fix: Fix): void {
  for (const file of fix.createFiles ?? []) if (!fs.existsSync(file)) fs.writeFileSync(file, '');
  const byFile = new Map<string, typeof fix.changes>();
  for (const change of fix.changes) byFile.set(change.path, [...(byFile.get(change.path) ?? []), change]);
  for (const [file, changes] of byFile) {
    let text = fs.readFileSync(file, 'utf8');
    const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)];
    const offset = (line: number, column: number) => (lineStarts[line - 1] ?? text.length) + column - 1;
    for (const change of [...changes].sort((a, b) => offset(b.line, b.column) - offset(a.line, a.column))) {
      text = text.slice(0, offset(change.line, change.column)) + change.newText + text.slice(offset(change.endLine, change.endColumn));
    }
    fs.writeFileSync(file, text);
  }
}

describe('secrets family', () => {
  describe('masking', () => {
    it('shows at most the public prefix and two characters, never more than a quarter of the secret', () => {
      assert.equal(maskSecret(STRIPE, 8), 'sk_live_…Ab');
      assert.equal(maskSecret('hunter2hunter2', 0), '14 characters');
      assert.equal(maskSecret('ghp_1234', 4), 'ghp_…');
      const [finding] = visible(analyse(`const key = "${STRIPE}";`));
      assert.match(finding.message, /^Stripe secret or restricted key hardcoded in `key` \(sk_live_…Ab\)/);
      assert.ok(!finding.message.includes(STRIPE.slice(8, 20)));
    });
  });

  describe('files git ignores', () => {
    it('a .env that git ignores gets no secret findings; one that git does not ignore does', () => {
      const dir = makeWorkspace({ '.gitignore': '.env\n', '.env': `STRIPE_KEY=${STRIPE}\n`, 'config/.env.production': `STRIPE_KEY=${STRIPE}\n` });
      fs.mkdirSync(path.join(dir, '.git'));
      assert.deepEqual(analyseFile(dir, '.env').map((f) => f.ruleId), []);
      assert.deepEqual(analyseFile(dir, 'config/.env.production').map((f) => f.ruleId), ['secrets/stripe-key']);
    });
  });

  describe('oversized and minified files', () => {
    it('still get the secrets pass, and nothing else', () => {
      const minified = `var a=1;${'function f(){try{g()}catch(e){}}'.repeat(400)}var k="${STRIPE}";`;
      const result = engine.analyze({ document: { path: '/w/app.min.js', text: minified, language: 'javascript' }, config: loadedConfig(undefined, '/w'), host: new DiskHost(), salt: TEST_SALT });
      assert.equal(result.secretsOnly, 'minified');
      assert.deepEqual(result.findings.map((f) => f.ruleId), ['secrets/stripe-key']);
      const big = `try { x(); } catch (e) {}\nconst k = "${STRIPE}";\n${'// filler\n'.repeat(200)}`;
      const limited = engine.analyze({ document: { path: '/w/big.ts', text: big, language: 'typescript' }, config: loadedConfig('limits:\n  maxFileSizeKB: 1\n', '/w'), host: new DiskHost(), salt: TEST_SALT });
      assert.equal(limited.secretsOnly, 'too-large');
      assert.deepEqual(limited.findings.map((f) => f.ruleId), ['secrets/stripe-key']);
    });
  });

  describe('custom rules (secrets.custom)', () => {
    const config = 'secrets:\n  custom:\n    - id: acme-token\n      description: ACME partner token\n      regex: "acme_([a-z0-9]{24})"\n      keywords: [acme_]\n      entropy: 3\n';

    it('find what the workspace declares, in trusted workspaces only', () => {
      const dir = makeWorkspace({ 'a.ts': 'const t = "acme_k3j9x2m5q8w1z4v7b6n0p2r5";\n' });
      const trusted = analyseFile(dir, 'a.ts', config, true);
      assert.deepEqual(trusted.map((f) => [f.ruleId, f.column, f.endColumn]), [['secrets/custom', 17, 41]]);
      assert.match(trusted[0].message, /^ACME partner token \(24 characters\), rule 'acme-token' in shipshape\.yml/);
      assert.deepEqual(analyseFile(dir, 'a.ts', config, false), []);
    });

    it('run in a linear-time engine: a catastrophic pattern completes on a hostile input', () => {
      const catastrophic = 'secrets:\n  custom:\n    - id: evil\n      regex: "(a+)+$"\n';
      const dir = makeWorkspace({ 'a.txt': `${'a'.repeat(50000)}b\n` });
      // V8 would take longer than the age of the universe on this input; RE2 answers in milliseconds.
      assert.deepEqual(analyseFile(dir, 'a.txt', catastrophic).map((f) => f.ruleId), []);
    });

    it('an invalid pattern is a config error at its line', () => {
      assert.throws(() => loadedConfig('secrets:\n  custom:\n    - id: bad\n      regex: "(?<=x)y"\n', '/w'), /Invalid regex for RE2.*"line":4,/);
    });
  });

  describe('move to environment variable', () => {
    function moveFix(findings: Finding[]): Fix {
      const fix = findings[0]?.fixes?.find((f) => f.title.startsWith('Move to environment variable'));
      assert.ok(fix, `a move fix on ${JSON.stringify(findings.map((f) => f.ruleId))}`);
      return fix;
    }

    it('TypeScript: process.env, .env created with the value byte for byte, .env.example and .gitignore updated', () => {
      const dir = makeWorkspace({ 'src/pay.ts': `export const stripeSecretKey = "${STRIPE}";\n` });
      execFileSync('git', ['init', '-q'], { cwd: dir });
      const fix = moveFix(analyseFile(dir, 'src/pay.ts'));
      assert.equal(fix.title, 'Move to environment variable STRIPE_SECRET_KEY (value saved in .env)');
      assert.ok(fix.changes.filter((c) => c.newText.includes(STRIPE)).every((c) => c.sensitive), 'the value only in sensitive changes');
      applyFix(fix);
      assert.equal(fs.readFileSync(path.join(dir, 'src/pay.ts'), 'utf8'), 'export const stripeSecretKey = process.env.STRIPE_SECRET_KEY;\n');
      assert.equal(fs.readFileSync(path.join(dir, '.env'), 'utf8'), `STRIPE_SECRET_KEY=${STRIPE}\n`);
      assert.equal(fs.readFileSync(path.join(dir, '.env.example'), 'utf8'), 'STRIPE_SECRET_KEY=\n');
      assert.equal(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8'), '.env\n');
      assert.deepEqual(analyseFile(dir, 'src/pay.ts'), [], 'the finding is gone');
      assert.deepEqual(analyseFile(dir, '.env'), [], 'and .env, now ignored, has none');
    });

    it('never overwrites an existing key: a second name is chosen', () => {
      const dir = makeWorkspace({ '.env': 'STRIPE_SECRET_KEY=sk_live_other\n', '.gitignore': 'node_modules\n.env\n', 'pay.ts': `const stripeSecretKey = '${STRIPE}';\n` });
      fs.mkdirSync(path.join(dir, '.git'));
      const fix = moveFix(analyseFile(dir, 'pay.ts'));
      applyFix(fix);
      assert.equal(fs.readFileSync(path.join(dir, '.env'), 'utf8'), `STRIPE_SECRET_KEY=sk_live_other\nSTRIPE_SECRET_KEY_2=${STRIPE}\n`);
      assert.equal(fs.readFileSync(path.join(dir, 'pay.ts'), 'utf8'), 'const stripeSecretKey = process.env.STRIPE_SECRET_KEY_2;\n');
      assert.equal(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8'), 'node_modules\n.env\n', '.gitignore untouched when it already covers .env');
    });

    it('Python: os.environ, with `import os` added when missing', () => {
      const dir = makeWorkspace({ 'app.py': `import requests\n\nSTRIPE_KEY = "${STRIPE}"\n` });
      fs.mkdirSync(path.join(dir, '.git'));
      applyFix(moveFix(analyseFile(dir, 'app.py')));
      assert.equal(fs.readFileSync(path.join(dir, 'app.py'), 'utf8'), 'import os\nimport requests\n\nSTRIPE_KEY = os.environ["STRIPE_KEY"]\n');
    });

    it('YAML and compose files: ${NAME}', () => {
      const dir = makeWorkspace({ 'docker-compose.yml': `services:\n  api:\n    environment:\n      STRIPE_KEY: "${STRIPE}"\n` });
      fs.mkdirSync(path.join(dir, '.git'));
      applyFix(moveFix(analyseFile(dir, 'docker-compose.yml')));
      assert.equal(fs.readFileSync(path.join(dir, 'docker-compose.yml'), 'utf8'), 'services:\n  api:\n    environment:\n      STRIPE_KEY: "${STRIPE_KEY}"\n');
      assert.match(fs.readFileSync(path.join(dir, '.env'), 'utf8'), new RegExp(`^STRIPE_KEY=${STRIPE}\\n$`));
    });

    it('reads a secret that is a part of a string into it, as a template', () => {
      const inside = visible(analyse(`const url = "https://api.example.com/?key=${STRIPE}";`));
      assert.equal(inside[0].ruleId, 'secrets/stripe-key');
      const change = inside[0].fixes?.find((fix) => fix.title.startsWith('Move'))?.changes[0];
      assert.equal(change?.newText, '`https://api.example.com/?key=${process.env.STRIPE_KEY}`');
    });

    it('is not offered where the replacement would not be well-formed', () => {
      const escaped = visible(analyse(`const url = "https://api.example.com/\\n?key=${STRIPE}";`));
      assert.equal(escaped[0].ruleId, 'secrets/stripe-key');
      assert.equal(escaped[0].fixes, undefined, 'a string with an escape in it is left as written');
      const unterminated = visible(analyse(`const url = "https://api.example.com/?key=${STRIPE}';`));
      assert.equal(unterminated[0].fixes, undefined, 'the string is not finished');
    });
  });
});
