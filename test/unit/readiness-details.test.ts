// Readiness checks in detail: the "Looked at" list each finding carries (shown in the readiness report
// so a reader can see what was searched), and the edges of the version, requirement, test-command,
// lockfile, logging and timeout checks.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { engine, loadedConfig, makeWorkspace } from '../helpers/engine';

/** "check file:line message" per finding; `lookedAt` keeps the "(Looked at: …)" suffix. */
function review(files: Record<string, string>, options: { only?: string } = {}): string[] {
  const dir = makeWorkspace({ '.git/HEAD': 'ref: refs/heads/main\n', ...files });
  const { findings, errors } = engine.analyzeProject(loadedConfig(undefined, dir), { allowGit: false });
  assert.deepEqual(errors, []);
  return findings.filter((f) => !options.only || f.ruleId === `readiness/${options.only}`).map((f) => `${f.ruleId.slice(10)} ${path.relative(dir, f.file)}:${f.line} ${f.message}`);
}
const lookedAt = (lines: string[]) => lines.map((l) => `${l.split(' ')[0]}: ${/\(Looked at: (.*)\.\)$/s.exec(l)?.[1]}`);
const withoutLookedAt = (lines: string[]) => lines.map((l) => l.replace(/ \(Looked at: .*\)$/s, ''));

const CI = '.github/workflows/*.yml; .gitlab-ci.yml; .circleci/config.yml; azure-pipelines.yml; Jenkinsfile; bitbucket-pipelines.yml; .buildkite/; .travis.yml; .ci/';
const ENV = '.gitignore files; files named .env and .env.*; git not read';
const LOGGING = 'package.json dependencies for pino, winston, bunyan, loglevel…; Python imports of logging/structlog/loguru; 1 source files';
const TIMEOUTS = '1 source files for requestTimeout/headersTimeout/setTimeout/connectionTimeout; Procfile, Dockerfile, gunicorn.conf.py';
const COVERAGE = 'jest/vitest/vite/karma configs; .nycrc, .c8rc; stryker config; package.json; pyproject.toml, setup.cfg, tox.ini, pytest.ini, .coveragerc';
const TEST_FILES = 'test files (*.test.*, *.spec.*, test/, tests/, __tests__/, test_*.py)';

describe('readiness details', () => {
  it('says what each check looked at: an empty project', () => {
    assert.deepEqual(lookedAt(review({ 'README.md': '# x\n' })), [`tests-present: ${TEST_FILES}`, `ci-config: ${CI}`, `env-ignored: ${ENV}`]);
  });

  it('says what each check looked at: a Python service', () => {
    const found = review({ 'requirements.txt': 'flask\nrequests>=2\n# c\nx==1\n', 'app.py': 'from flask import Flask\napp = Flask(__name__)\nprint("hi")\n' });
    assert.deepEqual(lookedAt(found), [
      `tests-present: ${TEST_FILES}; pyproject.toml, pytest.ini, tox.ini, Makefile`,
      `ci-config: ${CI}`,
      'lockfile: poetry.lock; Pipfile.lock; uv.lock; pdm.lock; requirements.lock; .gitignore (git not read)',
      `env-ignored: ${ENV}`,
      'process-handlers: 1 source files for process.on(...) handlers; server start in app.py:2',
      'health-endpoint: 1 source files for a /health, /healthz, /ready, /live or /ping route',
      `structured-logging: ${LOGGING}`,
      `server-timeouts: ${TIMEOUTS}`,
      'pinned-dependencies: requirements.txt',
      `coverage-threshold: ${COVERAGE}`,
    ]);
  });

  it('says what each check looked at: a Node server', () => {
    const found = review({ 'package.json': '{"name":"p","dependencies":{"a":"*"}}', 'src/index.js': '// start\nconst http = require("http");\nhttp.createServer(() => {}).listen(3000);\nconsole.log("up");\n', '.gitignore': '.env\n' });
    assert.deepEqual(lookedAt(found), [
      `tests-present: ${TEST_FILES}; package.json scripts.test`,
      `ci-config: ${CI}`,
      'lockfile: package-lock.json; npm-shrinkwrap.json; yarn.lock; pnpm-lock.yaml; bun.lockb; bun.lock; .gitignore (git not read)',
      'process-handlers: 1 source files for process.on(...) handlers; server start in src/index.js:3',
      'health-endpoint: 1 source files for a /health, /healthz, /ready, /live or /ping route',
      `structured-logging: ${LOGGING}`,
      `server-timeouts: ${TIMEOUTS}`,
      'pinned-dependencies: package.json dependencies and devDependencies',
      `coverage-threshold: ${COVERAGE}`,
    ]);
  });

  it('pinned dependencies: trims versions, skips non-strings, lists at most five', () => {
    const only = { only: 'pinned-dependencies' };
    const pkg = (deps: Record<string, unknown>) => ({ 'package.json': JSON.stringify({ name: 'p', dependencies: deps }) });
    assert.deepEqual(withoutLookedAt(review(pkg({ a: 1, b: null, c: ' latest ', d: '^1.2.0' }), only)), ['pinned-dependencies package.json:1 1 dependency is not pinned (c@ latest ): the next install may pull an untested major version.']);
    assert.deepEqual(withoutLookedAt(review(pkg({ a: '*', b: '*', c: '*', d: '*', e: '*' }), only)), ['pinned-dependencies package.json:1 5 dependencies are not pinned (a@*, b@*, c@*, d@*, e@*): the next install may pull an untested major version.']);
    assert.deepEqual(review(pkg({ a: 'workspace:*', b: 'npm:x@latest', c: 'github:o/r' }), only), []);
  });

  it('pinned requirements: any requirements*.txt, comments and options ignored, URLs count as pinned, at most five listed', () => {
    const only = { only: 'pinned-dependencies' };
    const found = review({ 'requirements-dev.txt': '-r requirements.txt\n  flask  # web\nb @  http://x/b.whl\nc @ git+https://x/c\nd==1\n', 'requirements.txt.orig': 'flask\n' }, only);
    assert.deepEqual(found, ['pinned-dependencies requirements-dev.txt:2 1 requirement is not pinned with == (flask). (Looked at: requirements-dev.txt.)']);
    assert.deepEqual(withoutLookedAt(review({ 'requirements.txt': 'a\nb\nc\nd\ne\n' }, only)), ['pinned-dependencies requirements.txt:1 5 requirements are not pinned with == (a, b, c, d, e).']);
    assert.deepEqual(withoutLookedAt(review({ 'requirements.txt': 'a\nb\nc\nd\ne\nf\n' }, only)), ['pinned-dependencies requirements.txt:1 6 requirements are not pinned with == (a, b, c, d, e, …).']);
  });

  it('test command: pytest in pyproject or a test target in a Makefile counts for Python; only a top-level pytest.ini', () => {
    const only = { only: 'tests-present' };
    const python = { 'requirements.txt': 'x==1\n', 'tests/test_a.py': '' };
    assert.deepEqual(review({ ...python, 'pyproject.toml': '[tool.tox]\n' }, only), []);
    assert.deepEqual(review({ ...python, Makefile: 'lint:\n\truff .\ntest :\n\tpytest\n' }, only), []);
    assert.deepEqual(review({ ...python, 'tox.ini': '' }, only), []);
    assert.deepEqual(withoutLookedAt(review({ ...python, 'sub/pytest.ini': '' }, only)), ['tests-present requirements.txt:1 Test files exist but no test command runs them: nothing shows this code works before it ships.']);
    assert.deepEqual(withoutLookedAt(review({ ...python, Makefile: 'build:\n\techo test: no\n' }, only)), ['tests-present requirements.txt:1 Test files exist but no test command runs them: nothing shows this code works before it ships.']);
    // A Node project needs its own test script; a Makefile does not stand in for it.
    assert.deepEqual(withoutLookedAt(review({ 'package.json': '{"name":"p"}', Makefile: 'test:\n\tnpm x\n', 'a.test.js': '' }, only)), ['tests-present package.json:1 Test files exist but no test command runs them: nothing shows this code works before it ships.']);
    // Neither Node nor Python: a Makefile test target with whitespace before the colon.
    assert.deepEqual(review({ Makefile: 'test   :\n\tgo test\n', 'x_test.go': '', 'test/a.go': '' }, only), []);
  });

  it('lockfile: a Python manifest is named in the order pyproject, Pipfile, setup.py, requirements.txt; pinned requirements need none', () => {
    const only = { only: 'lockfile' };
    assert.deepEqual(withoutLookedAt(review({ 'setup.py': '', Pipfile: '', 'requirements.txt': 'a\n' }, only)), ['lockfile Pipfile:1 No lockfile next to Pipfile: installs are not reproducible.']);
    assert.deepEqual(withoutLookedAt(review({ 'setup.py': '', 'requirements.txt': 'a\n' }, only)), ['lockfile setup.py:1 No lockfile next to setup.py: installs are not reproducible.']);
    assert.deepEqual(review({ 'requirements.txt': '  a==1\n-e .\n' }, only), []);
    assert.deepEqual(withoutLookedAt(review({ 'requirements.txt': 'a==1\n  b\n' }, only)), ['lockfile requirements.txt:1 No lockfile next to requirements.txt: installs are not reproducible.']);
  });

  it('structured logging: Node console.* in JavaScript sources only, print() at a line start in Python', () => {
    const only = { only: 'structured-logging' };
    assert.deepEqual(withoutLookedAt(review({ 'app.py': 'from flask import Flask\napp = Flask(__name__)\nx = 1\n    print ("hi")\n', 'notes.md': 'console.log("x")' }, only)), [
      'structured-logging app.py:4 Server code logs with print() and no structured logger is in use: production logs will have no levels or fields to search and alert on.',
    ]);
    assert.deepEqual(review({ 'app.py': 'from flask import Flask\napp = Flask(__name__)\nx = "print(1)"\n' }, only), []);
    assert.deepEqual(withoutLookedAt(review({ 'package.json': '{}', 'src/a.js': 'require("http").createServer().listen(1);\nconsole.error  ("x");\n' }, only)), [
      'structured-logging src/a.js:2 Server code logs with console.* and no structured logger is in use: production logs will have no levels or fields to search and alert on.',
    ]);
    // No server: nothing to say about logging.
    assert.deepEqual(review({ 'package.json': '{}', 'src/a.js': 'console.log("x");\n' }, only), []);
  });

  it('server timeouts: found in a nested Procfile or Dockerfile, not in other files', () => {
    const only = { only: 'server-timeouts' };
    const app = { 'app.py': 'from flask import Flask\napp = Flask(__name__)\n' };
    assert.deepEqual(review({ ...app, 'deploy/Procfile': 'web: gunicorn --timeout 30 app:app\n' }, only), []);
    assert.equal(review({ ...app, 'deploy/Procfile.bak': 'web: gunicorn --timeout 30 app:app\n' }, only).length, 1);
  });

  it('project kind: declaration files are not sources; empty sources are skipped', () => {
    const only = { only: 'server-timeouts' };
    assert.deepEqual(review({ 'package.json': '{}', 'src/a.d.ts': 'http.createServer().listen(1);\n', 'src/b.d.mts': 'http.createServer().listen(1);\n', 'src/empty.js': '' }, only), []);
    assert.equal(review({ 'package.json': '{}', 'src/lib.d.ts.js': 'http.createServer().listen(1);\n' }, only).length, 1);
  });
});
