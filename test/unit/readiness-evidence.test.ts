// Readiness checks on small projects: which check fails, where it points and what it says, for Node,
// Python and other projects. (readiness-checks.test.ts covers a full service; these cover the branches.)
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { engine, loadedConfig, makeWorkspace } from '../helpers/engine';

/** "ruleId file:line message" per finding, without the "(Looked at: …)" suffix. */
function review(files: Record<string, string>, options: { allowGit?: boolean; only?: string } = {}): string[] {
  const dir = makeWorkspace({ '.git/HEAD': 'ref: refs/heads/main\n', ...files });
  const { findings, errors } = engine.analyzeProject(loadedConfig(undefined, dir), { allowGit: options.allowGit ?? false });
  assert.deepEqual(errors, []);
  return findings.filter((f) => !options.only || f.ruleId === `readiness/${options.only}`).map((f) => `${f.ruleId.slice(10)} ${path.relative(dir, f.file)}:${f.line} ${f.message.replace(/ \(Looked at: .*\)$/s, '')}`);
}

const MISSING_TESTS = 'nothing shows this code works before it ships.';

describe('readiness evidence', () => {
  it('an empty folder lacks tests, CI and an .env rule, pointing at what exists', () => {
    assert.deepEqual(review({ 'README.md': '# x\n' }), [
      `tests-present README.md:1 No tests and no test command: ${MISSING_TESTS}`,
      'ci-config README.md:1 No CI configuration: nothing runs the tests and checks on every change.',
      'env-ignored README.md:1 .gitignore does not ignore .env: the first local .env file would be committed.',
    ]);
    assert.deepEqual(review({}), [
      `tests-present shipshape.yml:1 No tests and no test command: ${MISSING_TESTS}`,
      'ci-config shipshape.yml:1 No CI configuration: nothing runs the tests and checks on every change.',
      'env-ignored .gitignore:1 .gitignore does not ignore .env: the first local .env file would be committed.',
    ]);
  });

  it('a Python service: unpinned requirements, no lockfile, no handlers, print() logging', () => {
    assert.deepEqual(review({ 'requirements.txt': 'flask\nrequests>=2\n# c\nx==1\n', 'app.py': 'from flask import Flask\napp = Flask(__name__)\nprint("hi")\n' }), [
      `tests-present requirements.txt:1 No tests and no test command: ${MISSING_TESTS}`,
      'ci-config app.py:1 No CI configuration: nothing runs the tests and checks on every change.',
      'lockfile requirements.txt:1 No lockfile next to requirements.txt: installs are not reproducible.',
      'env-ignored app.py:1 .gitignore does not ignore .env: the first local .env file would be committed.',
      'process-handlers app.py:2 This service starts a server but nothing handles SIGTERM (graceful shutdown), uncaught exceptions: crashes leave no trace and deploys drop requests.',
      'health-endpoint app.py:2 This HTTP service has no health-check route (/health, /healthz, /ready…): the platform cannot tell a hung instance from a healthy one.',
      'structured-logging app.py:3 Server code logs with print() and no structured logger is in use: production logs will have no levels or fields to search and alert on.',
      'server-timeouts app.py:2 The HTTP server has no request or header timeouts: slow clients can hold its connections indefinitely.',
      'pinned-dependencies requirements.txt:1 2 requirements are not pinned with == (flask, requests>=2).',
      'coverage-threshold setup.cfg:1 No coverage or mutation-score threshold is enforced: test coverage can erode without anything failing.',
    ]);
  });

  it('a Python service with pinned requirements, pytest, logging and a Procfile timeout', () => {
    assert.deepEqual(review({ 'requirements.txt': 'flask==3.0\n', 'app.py': 'import logging\nfrom flask import Flask\napp = Flask(__name__)\nprint("hi")\n', 'pytest.ini': '', 'tests/test_a.py': '', Procfile: 'web: gunicorn --timeout 30 app:app\n' }), [
      'ci-config Procfile:1 No CI configuration: nothing runs the tests and checks on every change.',
      'env-ignored Procfile:1 .gitignore does not ignore .env: the first local .env file would be committed.',
      'process-handlers app.py:3 This service starts a server but nothing handles SIGTERM (graceful shutdown), uncaught exceptions: crashes leave no trace and deploys drop requests.',
      'health-endpoint app.py:3 This HTTP service has no health-check route (/health, /healthz, /ready…): the platform cannot tell a hung instance from a healthy one.',
      'coverage-threshold pytest.ini:1 No coverage or mutation-score threshold is enforced: test coverage can erode without anything failing.',
    ]);
    assert.deepEqual(review({ 'pyproject.toml': '[tool.pytest.ini_options]\n[tool.coverage.report]\nfail_under = 80\n', 'poetry.lock': '', '.gitignore': '.env\n' }), [
      `tests-present pyproject.toml:1 A test command is defined but no test files were found: ${MISSING_TESTS}`,
      'ci-config .gitignore:1 No CI configuration: nothing runs the tests and checks on every change.',
    ]);
  });

  it('a Node package with loose versions and the npm placeholder test script', () => {
    const packageJson = JSON.stringify({ name: 'p', scripts: { test: 'echo "Error: no test specified" && exit 1' }, dependencies: { a: '*', b: 'latest', c: '', d: '>=1.0', e: 'x', f: 'next', g: 'file:../g', h: '^1' }, devDependencies: { i: '>= 2' } }, null, 2);
    assert.deepEqual(review({ 'package.json': packageJson }, { only: 'pinned-dependencies' }), [
      'pinned-dependencies package.json:7 7 dependencies are not pinned (a@*, b@latest, c@"", d@>=1.0, e@x, …): the next install may pull an untested major version.',
    ]);
    assert.deepEqual(review({ 'package.json': JSON.stringify({ dependencies: { a: '^1', b: '*' } }) }, { only: 'pinned-dependencies' }), [
      'pinned-dependencies package.json:1 1 dependency is not pinned (b@*): the next install may pull an untested major version.',
    ]);
    assert.deepEqual(review({ 'package.json': packageJson, 'src/a.test.ts': '' }, { only: 'tests-present' }), [`tests-present package.json:3 Test files exist but no test command runs them: ${MISSING_TESTS}`]);
    assert.deepEqual(review({ 'package.json': '{"name":"p","scripts":{"test":"jest"}}' }, { only: 'tests-present' }), [`tests-present package.json:1 A test command is defined but no test files were found: ${MISSING_TESTS}`]);
    assert.deepEqual(review({ 'package.json': '{"name":"p","scripts":{"test":"jest"}}', 'src/a.test.ts': '' }, { only: 'tests-present' }), []);
    assert.deepEqual(review({ Makefile: 'test:\n\tgo test\n', 'main.go': '' }, { only: 'tests-present' }), [`tests-present Makefile:1 A test command is defined but no test files were found: ${MISSING_TESTS}`]);
    assert.deepEqual(review({ Makefile: 'test:\n\tgo test\n', 'test/a_test.go': '' }, { only: 'tests-present' }), []);
  });

  it('a Node HTTP server without handlers, health route, timeouts or a logger, and a committed-looking .env', () => {
    assert.deepEqual(
      review({ 'package.json': '{"name":"p","scripts":{"test":"mocha"}}', 'package-lock.json': '', 'test/a.test.js': '', 'src/index.js': '// start\nconst http = require("http");\nhttp.createServer(() => {}).listen(3000);\nconsole.log("up");\n', '.env': 'A=1\n', '.env.example': 'A=\n', '.gitignore': 'node_modules\n' }),
      [
        'ci-config package.json:1 No CI configuration: nothing runs the tests and checks on every change.',
        'env-ignored .gitignore:1 .env is not ignored by git: the next `git add` commits its credentials.',
        "process-handlers src/index.js:3 This service starts a server but nothing handles 'unhandledRejection', 'uncaughtException', 'SIGTERM' (graceful shutdown): crashes leave no trace and deploys drop requests.",
        'health-endpoint src/index.js:3 This HTTP service has no health-check route (/health, /healthz, /ready…): the platform cannot tell a hung instance from a healthy one.',
        'structured-logging src/index.js:4 Server code logs with console.* and no structured logger is in use: production logs will have no levels or fields to search and alert on.',
        'server-timeouts src/index.js:3 The HTTP server has no request or header timeouts: slow clients can hold its connections indefinitely.',
        'coverage-threshold package.json:1 No coverage or mutation-score threshold is enforced: test coverage can erode without anything failing.',
      ],
    );
    // With a logger dependency console.* is fine; one handler missing is named alone.
    const server = { 'package.json': '{"name":"p","dependencies":{"pino":"9.0.0"}}', 'src/index.js': "const app = express();\nprocess.on('SIGTERM', () => {});\nprocess.once('uncaughtException', () => {});\nconsole.log('up');\napp.get('/api/health', ok);\nserver.headersTimeout = 5000;\n" };
    assert.deepEqual(review(server).filter((l) => /^(process-handlers|health-endpoint|structured-logging|server-timeouts)/.test(l)), [
      "process-handlers src/index.js:1 This service starts a server but nothing handles 'unhandledRejection': crashes leave no trace and deploys drop requests.",
    ]);
  });

  it('an .env file: not ignored, or committed when git is read; templates are fine', () => {
    assert.deepEqual(review({ 'package.json': '{}', 'config/.env.local': 'A=1\n', '.env.sample': '' }, { only: 'env-ignored' }), ['env-ignored config/.env.local:1 config/.env.local is not ignored by git: the next `git add` commits its credentials.']);
    const dir = makeWorkspace({ '.env': 'A=1\n', '.gitignore': 'node_modules\n', 'package.json': '{}', 'package-lock.json': '{}' });
    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync('git', ['add', '.env', 'package.json'], { cwd: dir });
    const { findings } = engine.analyzeProject(loadedConfig(undefined, dir), { allowGit: true });
    const messages = findings.filter((f) => /env-ignored|lockfile/.test(f.ruleId)).map((f) => `${f.ruleId} ${path.relative(dir, f.file)} ${f.message}`);
    assert.deepEqual(messages, [
      'readiness/lockfile package-lock.json package-lock.json exists but is not committed: CI and production resolve their own versions. (Looked at: package-lock.json; npm-shrinkwrap.json; yarn.lock; pnpm-lock.yaml; bun.lockb; bun.lock; git ls-files.)',
      'readiness/env-ignored .gitignore .env is committed: its credentials are in the repository history. (Looked at: .gitignore files; files named .env and .env.*; git ls-files.)',
    ]);
  });

  it('a git-ignored lockfile is named as such', () => {
    assert.deepEqual(review({ 'package.json': '{}', 'yarn.lock': '', '.gitignore': 'yarn.lock\n.env\n' }, { only: 'lockfile' }), ['lockfile yarn.lock:1 yarn.lock exists but is not committed (it is git-ignored): CI and production resolve their own versions.']);
    assert.deepEqual(review({ 'package.json': '{}', 'yarn.lock': '' }, { only: 'lockfile' }), []);
  });

  it('finds CI in any of the known places', () => {
    for (const file of ['.github/workflows/ci.yaml', '.gitlab-ci.yml', '.circleci/config.yml', 'Jenkinsfile', '.buildkite/pipeline.yml', '.ci/run', 'azure-pipelines.yml']) {
      assert.deepEqual(review({ [file]: 'x' }, { only: 'ci-config' }), [], file);
    }
    assert.deepEqual(review({ 'docs/.github/workflows/ci.yml': 'x' }, { only: 'ci-config' }).length, 1);
  });

  it('finds a coverage threshold in the usual configs', () => {
    for (const [file, text] of [['jest.config.js', 'module.exports = { coverageThreshold: {} }'], ['.nycrc', '{"check-coverage": true}'], ['stryker.config.json', '{"thresholds": {"break": 80}}'], ['setup.cfg', '[coverage:report]\nfail_under = 90\n'], ['package.json', '{"c8": {"checkCoverage": true}}']]) {
      assert.deepEqual(review({ 'package.json': '{}', [file]: text }, { only: 'coverage-threshold' }), [], file);
    }
    assert.deepEqual(review({ 'package.json': '{}', 'node_modules/x/jest.config.js': 'coverageThreshold' }, { only: 'coverage-threshold' }).length, 1);
    assert.deepEqual(review({ 'main.go': '' }, { only: 'coverage-threshold' }), []); // neither Node nor Python
  });
});
