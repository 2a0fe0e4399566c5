// The CLI as users and CI run it: `node dist/cli.js ...`, asserting on stdout, stderr and exit codes.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeWorkspace } from '../helpers/engine';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const SAMPLE = path.resolve(__dirname, '../../examples/sample-service');

function run(args: string[], cwd = process.cwd()) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function json(args: string[], cwd?: string) {
  const result = run([...args, '--format', 'json'], cwd);
  return { ...result, report: JSON.parse(result.stdout) };
}

const PEM_BODY = 'E+90UVmnD5PSlKvmtRlYbtn2prhhBq7VDpoGFuE34SQUTt8bSD2T9wV8gfFyBoTk\nojC72qY6vNfDlZ+jDnp5SSDSPq5lhPPgCl89xeGmNrKjDM1Tqd1l0t6gsUYNnR5b';
const PEM = `-----BEGIN EC PRIVATE KEY-----\n${PEM_BODY}\n-----END EC PRIVATE KEY-----\n`;

describe('shipshape check (CLI)', () => {
  it('prints exactly one JSON object with the documented shape, sorted, paths relative to the folder given', () => {
    const { code, report } = json(['check', SAMPLE]);
    assert.equal(code, 1, 'error-severity findings exit 1');
    assert.deepEqual(Object.keys(report), ['version', 'findings', 'summary']);
    assert.equal(report.version, 1);
    assert.deepEqual(
      report.findings.map((f: { file: string; line: number; column: number; ruleId: string }) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`),
      ['src/app/place-order.ts:8:5 failure/empty-catch', 'src/config/signing-key.ts:3:29 secrets/private-key', 'src/domain/order.ts:2:23 architecture/layer-import'],
    );
    for (const finding of report.findings) {
      assert.deepEqual(Object.keys(finding), ['ruleId', 'family', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'fingerprint']);
      assert.match(finding.fingerprint, /^[0-9a-f]{16}$/);
    }
    assert.equal(report.summary.filesScanned, 5);
    assert.deepEqual(report.summary.bySeverity, { error: 3, warning: 0, info: 0 });
    assert.deepEqual(report.summary.byFamily, { failure: 1, secrets: 1, architecture: 1 });
    assert.deepEqual(report.summary.filesSkipped, {});
  });

  it('relativises to the current folder when no single folder is given, with no ./', () => {
    const { report } = json(['check', 'src/app', 'src/domain/order.ts'], SAMPLE);
    assert.deepEqual(report.findings.map((f: { file: string }) => f.file), ['src/app/place-order.ts', 'src/domain/order.ts']);
  });

  it('exits 0 without error-severity findings, and with --exit-zero', () => {
    const ws = makeWorkspace({ 'a.ts': 'try { x(); } catch (e) {}\n', 'b.ts': 'export const b = 1;\n' });
    const { code, report } = json(['check', ws]);
    assert.equal(code, 0);
    assert.deepEqual(report.summary.bySeverity, { error: 0, warning: 1, info: 0 });
    assert.equal(run(['check', SAMPLE, '--exit-zero']).code, 0);
  });

  it('skips binary and oversized files, honours .gitignore, config ignore and node_modules, and says so', () => {
    const ws = makeWorkspace({
      'shipshape.yml': 'limits:\n  maxFileSizeKB: 1\nignore: [generated/]\n',
      '.gitignore': 'secret.env\n',
      'secret.env': `KEY="${PEM.replace(/\n/g, '\\n')}"\n`,
      'big.ts': `// ${'x'.repeat(2000)}\ntry { x(); } catch (e) {}\nconst stripe = "sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab";\n`,
      'generated/a.ts': 'try { x(); } catch (e) {}\n',
      'node_modules/dep/index.js': 'try { x(); } catch (e) {}\n',
      'src/ok.ts': 'try { x(); } catch (e) {}\n',
    });
    fs.writeFileSync(path.join(ws, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48]));
    const { report } = json(['check', ws]);
    // The oversized file still gets the secrets pass (cheap, and worst to miss), nothing else.
    assert.deepEqual(report.findings.map((f: { file: string; ruleId: string }) => `${f.file} ${f.ruleId}`), ['big.ts secrets/stripe-key', 'src/ok.ts failure/empty-catch']);
    assert.deepEqual(report.summary.filesSkipped, { 'too-large (secrets checked)': 1, binary: 1, ignored: 1 });
    assert.equal(report.summary.filesScanned, 2); // .gitignore and src/ok.ts
    const text = run(['check', ws, '--no-color']).stdout;
    assert.match(text, /3 skipped \(1 binary, 1 ignored, 1 too-large \(secrets checked\)\)/);
  });

  it('reports a key store (.p12, .pfx) by its name though it is binary, unless git ignores it', () => {
    const ws = makeWorkspace({ '.gitignore': 'local/\n', 'src/ok.ts': 'export const ok = 1;\n' });
    const keyStore = Buffer.from([0x30, 0x82, 0x09, 0x00, 0x02, 0x01, 0x03, 0x30, 0x82, 0x08, 0xc6]);
    fs.mkdirSync(path.join(ws, 'certs'));
    fs.mkdirSync(path.join(ws, 'local'));
    fs.writeFileSync(path.join(ws, 'certs/client.p12'), keyStore);
    fs.writeFileSync(path.join(ws, 'local/dev.pfx'), keyStore);
    fs.writeFileSync(path.join(ws, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    const { code, report } = json(['check', ws]);
    assert.equal(code, 1);
    assert.deepEqual(report.findings.map((f: { file: string; line: number; column: number; ruleId: string }) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`), ['certs/client.p12:1:1 secrets/pkcs12-file']);
    assert.match(report.findings[0].message, /^PKCS#12 key store committed \(client\.p12\)/);
    assert.deepEqual(report.summary.filesSkipped, { binary: 1, 'binary (secrets checked)': 1 });
    const sarif = JSON.parse(run(['check', ws, '--format', 'sarif']).stdout);
    assert.deepEqual(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId), ['secrets/pkcs12-file']);
    // No line takes a suppression comment: a path in secrets.allow accepts it.
    fs.writeFileSync(path.join(ws, 'shipshape.yml'), 'secrets:\n  allow:\n    paths: ["certs/*.p12"]\n');
    assert.deepEqual(json(['check', ws]).report.findings, []);
  });

  it('checks files named on the command line, as pre-commit passes them', () => {
    const { report } = json(['check', path.join(SAMPLE, 'src/config/signing-key.ts')]);
    assert.deepEqual(report.findings.map((f: { ruleId: string }) => f.ruleId), ['secrets/private-key']);
  });

  it('exits 2 with a clear message, and no stack trace, on a broken config', () => {
    const ws = makeWorkspace({ 'shipshape.yml': 'rules:\n  failure/empty-catch: loud\n', 'a.ts': 'x;\n' });
    const { code, stdout, stderr } = run(['check', ws]);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /invalid configuration\n.*shipshape\.yml:2:24: rules\.failure\/empty-catch: must be equal to one of the allowed values/);
    assert.doesNotMatch(stderr, /\n\s+at /);
  });

  it('exits 2 on usage errors', () => {
    assert.equal(run(['check', '--format', 'xml']).code, 2);
    assert.match(run(['check', '--nope']).stderr, /Unknown option '--nope'/);
    assert.equal(run(['frobnicate']).code, 2);
    assert.match(run(['check', '/definitely/not/here']).stderr, /No such file or folder/);
    assert.equal(run(['check', '--config', '/not/here.yml']).code, 2);
  });

  it('uses --config for every file', () => {
    const ws = makeWorkspace({ 'a.ts': 'try { x(); } catch (e) {}\n', 'strict.yml': 'rules:\n  failure/empty-catch: error\n' });
    const { code, report } = json(['check', ws, '--config', path.join(ws, 'strict.yml')]);
    assert.equal(code, 1);
    assert.equal(report.findings.find((f: { ruleId: string }) => f.ruleId === 'failure/empty-catch').severity, 'error');
  });

  it('does not list suppressed findings, and counts them', () => {
    const ws = makeWorkspace({ 'a.ts': '// shipshape-ignore-next-line failure/empty-catch -- best effort\ntry { x(); } catch (e) {}\n' });
    const { report } = json(['check', ws]);
    assert.deepEqual(report.findings, []);
    assert.equal(report.summary.suppressed, 1);
  });

  it('writes a baseline; baselined findings are not new and do not fail the run; new ones do', () => {
    const ws = makeWorkspace({ 'a.ts': 'try { x(); } catch (e) {}\n', 'k.pem': PEM, 'shipshape.yml': 'rules:\n  failure/*: error\n' });
    assert.equal(run(['check', ws]).code, 1);
    const written = run(['baseline', ws]);
    assert.equal(written.code, 0, written.stderr);
    const baseline = JSON.parse(fs.readFileSync(path.join(ws, '.shipshape/baseline.json'), 'utf8'));
    const fileEntries = Object.values(baseline.findings as Record<string, { ruleId: string }>).filter((e) => !e.ruleId.startsWith('readiness/'));
    assert.equal(fileEntries.length, 2);
    assert.ok(!JSON.stringify(baseline).includes('E+90UVmn'), 'no secret in the baseline');
    const after = json(['check', ws]);
    assert.equal(after.code, 0);
    assert.equal(after.report.summary.baselined, 2);
    // Moving code around keeps it baselined; a second copy is new.
    fs.writeFileSync(path.join(ws, 'a.ts'), '\n\nexport {};\ntry { x(); } catch (e) {}\ntry { x(); } catch (e) {}\n');
    const moved = json(['check', ws]);
    assert.equal(moved.report.findings.length, 1);
    assert.equal(moved.report.summary.baselined, 2);
  });

  it('--staged checks the staged content, not the working tree', () => {
    const ws = makeWorkspace({ 'a.ts': 'try { x(); } catch (e) {}\n', 'b.ts': 'export const b = 1;\n' });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...args], { cwd: ws });
    git('init', '-q');
    git('add', 'a.ts');
    fs.writeFileSync(path.join(ws, 'a.ts'), 'export const fixedButNotStaged = 1;\n');
    fs.writeFileSync(path.join(ws, 'b.ts'), 'try { y(); } catch (e) {}\n'); // not staged: not checked
    const { report } = json(['check', '--staged'], ws);
    assert.deepEqual(report.findings.map((f: { file: string; ruleId: string }) => `${f.file} ${f.ruleId}`), ['a.ts failure/empty-catch']);
  });

  it('--staged reads each path in its own repository, every staged file in one batch, and skips what is not a file', () => {
    const ws = makeWorkspace({ 'keep.ts': 'export const keep = 1;\n', 'old name.ts': 'export const renamed = 1;\n', 'gone.ts': 'export const gone = 1;\n' });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...args], { cwd: ws });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'one');
    git('mv', 'old name.ts', 'new name.ts');
    git('rm', '-q', 'gone.ts');
    // Staged content differs from the working tree in each file; the working tree's is never read.
    for (let i = 0; i < 12; i++) {
      fs.writeFileSync(path.join(ws, `f${i}.ts`), i % 3 === 0 ? 'try { x(); } catch (e) {}\n' : `export const f${i} = ${i};\n`);
      git('add', `f${i}.ts`);
      fs.writeFileSync(path.join(ws, `f${i}.ts`), 'try { changed(); } catch (e) {}\n');
    }
    fs.writeFileSync(path.join(ws, 'blob.bin'), Buffer.from([0, 1, 2, 3]));
    git('add', 'blob.bin');
    // A submodule's entry is a commit, not a file of this repository; git names it back with its spaces,
    // and it comes first, before the files read after it in the same batch.
    git('update-index', '--add', '--cacheinfo', `160000,${'a'.repeat(40)},3rd party/lib`);
    const elsewhere = makeWorkspace({ 'unrelated.txt': '' });
    const { code, report } = json(['check', '--staged', ws], elsewhere);
    assert.equal(code, 0);
    assert.deepEqual(report.findings.map((f: { file: string; line: number; ruleId: string }) => `${path.basename(f.file)}:${f.line} ${f.ruleId}`).sort(), ['f0.ts:1 failure/empty-catch', 'f3.ts:1 failure/empty-catch', 'f6.ts:1 failure/empty-catch', 'f9.ts:1 failure/empty-catch']);
    // The twelve files and the renamed one; the binary is counted as skipped.
    assert.equal(report.summary.filesScanned, 13);
    assert.equal(report.summary.filesSkipped.binary, 1);
    const outside = run(['check', '--staged', elsewhere], elsewhere);
    assert.equal(outside.code, 2);
    assert.match(outside.stderr, /--staged needs a git repository/);
  });

  it('--history finds secrets that commits added and later ones removed, once each, at the commit that added them, never printing them', () => {
    const stripe = 'sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0AbCdEf';
    const github = 'ghp_R4nd0mT0k3nV4lu3Xy9Zq2Wv8Ut6Sr4Qp1Nm';
    const webhook = 'https://hooks.slack.com/services/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';
    const ws = makeWorkspace({ 'src/app.ts': `export const stripe = "${stripe}";\nexport const x = 1;\n`, 'src/keys.ts': `export const hook = "${webhook}";\n` });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...args], { cwd: ws, encoding: 'utf8' });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'one: the key in code');
    const first = git('rev-parse', 'HEAD').trim();
    // Two: the key moves to an environment variable; a .env holding a token is committed by mistake; a binary file.
    fs.writeFileSync(path.join(ws, 'src/app.ts'), 'export const stripe = process.env.STRIPE_KEY;\nexport const x = 1;\n');
    fs.mkdirSync(path.join(ws, 'config dir'));
    fs.writeFileSync(path.join(ws, 'config dir', '.env'), `GH_TOKEN=${github}\n`);
    fs.writeFileSync(path.join(ws, 'logo.bin'), Buffer.from([0, 1, 2, 3, 0, 9]));
    fs.mkdirSync(path.join(ws, 'certs'));
    fs.writeFileSync(path.join(ws, 'certs/client.p12'), Buffer.from([0x30, 0x82, 0x09, 0x00, 0x02, 0x01, 0x03]));
    fs.writeFileSync(path.join(ws, '.gitignore'), '.env\n');
    git('add', '-f', '-A');
    git('commit', '-qm', 'two');
    const second = git('rev-parse', 'HEAD').trim();
    // A rename with one line changed: the webhook it carries entered the history at commit one, under the
    // old name, even with rename detection switched off in the repository's config.
    git('config', 'diff.renames', 'false');
    git('mv', 'src/keys.ts', 'src/hooks.ts');
    fs.appendFileSync(path.join(ws, 'src/hooks.ts'), 'export const y = 2;\n');
    git('add', '-A');
    git('commit', '-qm', 'rename');
    // Three: the .env leaves the index (git ignores it now); four: the same key pasted again elsewhere,
    // after an added line that reads `+++ counter;` in the patch (not a file header: it is in a hunk).
    git('rm', '-q', '--cached', 'config dir/.env');
    git('rm', '-q', 'certs/client.p12');
    git('commit', '-qm', 'three');
    fs.writeFileSync(path.join(ws, 'src/again.ts'), `\n++ counter;\nconst key = "${stripe}";\n`);
    git('add', '-A');
    git('commit', '-qm', 'four');

    const working = json(['check', ws]);
    assert.deepEqual(working.report.findings.map((f: { file: string; ruleId: string }) => `${f.file} ${f.ruleId}`), ['src/again.ts secrets/stripe-key', 'src/hooks.ts secrets/slack-webhook-url'], 'the working tree has the key pasted again and the webhook; the .env is ignored now');

    const { code, report } = json(['check', '--history', ws]);
    assert.equal(code, 1);
    const found = report.findings.map((f: { file: string; line: number; ruleId: string; commit: string }) => `${f.file}:${f.line} ${f.ruleId} ${f.commit}`);
    assert.deepEqual(found.sort(), [`certs/client.p12:1 secrets/pkcs12-file ${second}`, `config dir/.env:1 secrets/github-token ${second}`, `src/again.ts:3 secrets/stripe-key ${git('rev-parse', 'HEAD').trim()}`, `src/app.ts:1 secrets/stripe-key ${first}`, `src/keys.ts:1 secrets/slack-webhook-url ${first}`].sort());
    for (const finding of report.findings) assert.match(finding.message, /Added in commit [0-9a-f]{12}/);

    // A folder of the repository: only its files.
    const sub = json(['check', '--history', path.join(ws, 'src')]);
    assert.deepEqual(sub.report.findings.map((f: { file: string }) => f.file).sort(), ['src/again.ts', 'src/app.ts', 'src/keys.ts']);
    // A pull request's commits only: the last two add only the pasted key.
    const recent = json(['check', '--commits', `${second}..HEAD`, ws]);
    assert.deepEqual(recent.report.findings.map((f: { file: string }) => f.file), ['src/again.ts']);

    for (const format of ['text', 'json', 'sarif']) {
      const out = run(['check', '--history', ws, '--format', format]);
      for (const secret of [stripe, github, webhook]) assert.ok(!out.stdout.includes(secret.slice(8)) && !out.stderr.includes(secret.slice(8)), `${format} shows a secret`);
      if (format === 'text') assert.match(out.stdout, new RegExp(`src/app.ts \\(commit ${first.slice(0, 12)}\\)`));
      if (format === 'sarif') assert.ok(JSON.parse(out.stdout).runs[0].results.every((r: { properties?: { commit?: string } }) => /^[0-9a-f]{40}$/.test(r.properties?.commit ?? '')));
    }

    const unknown = run(['check', '--commits', 'no-such-branch..HEAD', ws]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /git log no-such-branch\.\.HEAD failed/);
    const option = run(['check', `--commits=--output=${path.join(ws, 'written')}`, ws]);
    assert.equal(option.code, 2);
    assert.ok(!fs.existsSync(path.join(ws, 'written')), 'a range is never an option of git log');
    const outside = run(['check', '--history', makeWorkspace({ 'a.txt': '' })]);
    assert.equal(outside.code, 2);
    assert.match(outside.stderr, /--history needs a git repository/);
    assert.equal(run(['check', '--history', '--staged', ws]).code, 2);
  });

  it('writes SARIF 2.1.0 with rules, levels, regions and fingerprints', () => {
    const { code, stdout } = run(['check', SAMPLE, '--format', 'sarif']);
    assert.equal(code, 1);
    const sarif = JSON.parse(stdout);
    assert.equal(sarif.version, '2.1.0');
    const [runResult] = sarif.runs;
    assert.deepEqual(runResult.tool.driver.rules.map((r: { id: string }) => r.id), ['architecture/layer-import', 'failure/empty-catch', 'secrets/private-key']);
    const result = runResult.results.find((r: { ruleId: string }) => r.ruleId === 'failure/empty-catch');
    assert.equal(result.level, 'error');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 8, startColumn: 5, endLine: 8, endColumn: 16 });
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'src/app/place-order.ts');
    assert.match(result.partialFingerprints['shipshape/v1'], /^[0-9a-f]{16}$/);
  });

  it('never prints the planted secret in any format', () => {
    for (const format of ['text', 'json', 'sarif']) {
      const { stdout, stderr } = run(['check', SAMPLE, '--format', format]);
      const key = fs.readFileSync(path.join(SAMPLE, 'src/config/signing-key.ts'), 'utf8').split('\n')[3];
      assert.ok(key.length > 40);
      assert.ok(!stdout.includes(key.slice(0, 20)) && !stderr.includes(key.slice(0, 20)), format);
    }
  });
});

describe('shipshape check: threads and cache', () => {
  const files: Record<string, string> = { 'shipshape.yml': 'architecture:\n  layers:\n    a: a/**\n    b: b/**\n  constraints:\n    - layer: a\n      mayImport: []\n' };
  for (let i = 0; i < 40; i++) {
    files[`a/f${i}.ts`] = i % 4 === 0 ? `import { x } from "../b/x";\ntry { f${i}(); } catch (e) {}\n` : `export const v${i} = ${i};\n`;
  }
  files['b/x.ts'] = 'export const x = 1;\n';
  const key = (f: { file: string; line: number; column: number; ruleId: string; fingerprint: string }) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.fingerprint}`;

  it('gives the same report on several threads as on one', () => {
    const ws = makeWorkspace(files);
    const one = json(['check', ws, '--workers', '1']).report;
    const two = json(['check', ws, '--workers', '2']).report;
    assert.equal(one.findings.length, 20);
    assert.deepEqual(two.findings.map(key), one.findings.map(key));
    assert.deepEqual(two.summary, one.summary);
    assert.equal(run(['check', ws, '--workers', '0']).code, 2);
  });

  it('secrets only (no index, no cache: the threads take files from one list and read them themselves): the same report on two threads as on one, skipped files counted', () => {
    const secretFiles: Record<string, string> = { 'shipshape.yml': 'rules:\n  failure/*: off\n  architecture/*: off\n  shipshape/*: off\n' };
    for (let i = 0; i < 30; i++) secretFiles[`src/s${i}.ts`] = i % 3 === 0 ? `export const token = "ghp_${String(i).padStart(2, '0')}Xk7mQ2vL9pR4tW8yB3nC6dF1gH5jK0aZ";\n` : `export const v${i} = ${i};\n`;
    for (let i = 0; i < 4; i++) secretFiles[`bin/b${i}.dat`] = `\u0000\u0001binary ghp_${i}Xk7mQ2vL9pR4tW8yB3nC6dF1gH5jK0aZ`;
    const ws = makeWorkspace(secretFiles);
    const one = json(['check', ws, '--workers', '1']).report;
    const two = json(['check', ws, '--workers', '2']).report;
    assert.equal(one.findings.length, 10);
    assert.ok(one.findings.every((f: { ruleId: string }) => f.ruleId.startsWith('secrets/')));
    assert.deepEqual(one.summary.filesSkipped, { binary: 4 });
    assert.deepEqual(two.findings.map(key), one.findings.map(key));
    assert.deepEqual(two.summary, one.summary);
  });

  it('knows cross-file facts summarised on another thread, with and without the result cache', () => {
    // Each thread summarises a share of the files; async exports in one share make floating calls in the other.
    const crossFiles: Record<string, string> = {};
    for (let i = 0; i < 12; i++) {
      crossFiles[`lib/load${i}.ts`] = `export async function load${i}(id: string) {\n  return fetch(id, { signal: AbortSignal.timeout(1000) });\n}\n`;
      crossFiles[`app/use${i}.ts`] = `import { load${i} } from "../lib/load${i}";\nexport function use${i}() {\n  load${i}("x");\n}\n`;
    }
    // A wrapper that re-exports an API under another name (the api-exports facts).
    crossFiles['lib/http.ts'] = 'import axios from "axios";\nexport const get = axios.get;\n';
    crossFiles['app/call.ts'] = 'import { get } from "../lib/http";\nexport async function call() {\n  return get("/orders");\n}\n';
    const ws = makeWorkspace(crossFiles);
    const one = json(['check', ws, '--workers', '1']).report;
    assert.deepEqual(one.findings.map((f: { file: string; ruleId: string }) => `${f.file} ${f.ruleId}`).sort(), [
      'app/call.ts failure/network-timeout',
      ...Array.from({ length: 12 }, (_, i) => `app/use${i}.ts failure/floating-promise`),
    ].sort());
    const two = json(['check', ws, '--workers', '2']).report;
    assert.deepEqual(two.findings.map(key), one.findings.map(key));
    const complete = json(['check', ws, '--workers', '2', '--cache']).report;
    assert.deepEqual(complete.findings.map(key), one.findings.map(key));
  });

  it('--cache reuses results of unchanged files only, and never changes the findings', () => {
    const ws = makeWorkspace(files);
    const first = json(['check', ws, '--cache']).report;
    assert.deepEqual(first.summary.cache, { hits: 0, misses: 41 });
    assert.ok(fs.existsSync(path.join(ws, '.shipshape/cache/results.json')));
    assert.equal(fs.readFileSync(path.join(ws, '.shipshape/cache/.gitignore'), 'utf8').trim().split('\n').pop(), '*');
    const second = json(['check', ws, '--cache']).report;
    assert.deepEqual(second.summary.cache, { hits: 41, misses: 0 });
    assert.deepEqual(second.findings.map(key), first.findings.map(key));

    // A body edit: the file's imports (its cross-file facts) stay the same, so only it is analysed again.
    fs.writeFileSync(path.join(ws, 'a/f0.ts'), 'import { x } from "../b/x";\ntry { f0(); } catch (e) { throw e; }\n');
    const edited = json(['check', ws, '--cache']).report;
    assert.deepEqual(edited.summary.cache, { hits: 40, misses: 1 });
    assert.equal(edited.findings.length, 19);
    assert.deepEqual(edited.findings.map(key), json(['check', ws]).report.findings.map(key));

    // A config change invalidates everything it governs.
    fs.appendFileSync(path.join(ws, 'shipshape.yml'), 'rules:\n  failure/empty-catch: off\n');
    const reconfigured = json(['check', ws, '--cache']).report;
    assert.deepEqual(reconfigured.summary.cache, { hits: 0, misses: 41 });
    assert.equal(reconfigured.findings.length, 10);
  });
});
