// Project-level readiness checks, each on a passing and a failing fixture project.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { engine, loadedConfig, makeWorkspace } from '../helpers/engine';

function projectFindings(files: Record<string, string>, config?: string) {
  const dir = makeWorkspace({ '.git/HEAD': 'ref: refs/heads/main\n', ...files });
  const { findings, errors } = engine.analyzeProject(loadedConfig(config, dir), { allowGit: false });
  assert.deepEqual(errors, []);
  return findings.map((f) => ({ ...f, file: path.relative(dir, f.file) }));
}

const ids = (findings: { ruleId: string }[]) => findings.map((f) => f.ruleId).sort();

const SERVICE = {
  'package.json': JSON.stringify({ name: 'svc', scripts: { test: 'vitest run' }, dependencies: { express: '^4.21.0', pino: '^9.0.0' } }, null, 2),
  'package-lock.json': '{}',
  '.gitignore': 'node_modules\n.env\n',
  '.github/workflows/ci.yml': 'on: push\n',
  'vitest.config.ts': 'export default { test: { coverage: { thresholds: { lines: 80 } } } };\n',
  'src/order.test.ts': 'test("x", () => {});\n',
  'src/server.ts': [
    "import express from 'express';",
    'const app = express();',
    "app.get('/healthz', (_req, res) => res.send('ok'));",
    'const server = app.listen(process.env.PORT);',
    'server.requestTimeout = 30_000;',
    "process.on('unhandledRejection', (e) => { logger.fatal(e); process.exit(1); });",
    "process.on('uncaughtException', (e) => { logger.fatal(e); process.exit(1); });",
    "process.on('SIGTERM', () => server.close());",
    '',
  ].join('\n'),
};

describe('readiness project checks', () => {
  it('a production-ready Node service passes every check', () => {
    assert.deepEqual(ids(projectFindings(SERVICE)), []);
  });

  it('each missing piece fails its own check, pointing at its evidence', () => {
    const findings = projectFindings({
      ...SERVICE,
      'package.json': JSON.stringify({ name: 'svc', scripts: { test: 'echo "Error: no test specified" && exit 1' }, dependencies: { express: '*', left: 'latest' } }, null, 2),
      'package-lock.json': undefined as unknown as string,
      '.gitignore': 'node_modules\n',
      '.github/workflows/ci.yml': undefined as unknown as string,
      'vitest.config.ts': 'export default {};\n',
      'src/order.test.ts': undefined as unknown as string,
      'src/server.ts': "import express from 'express';\nconst app = express();\napp.get('/orders', list);\napp.listen(process.env.PORT);\nconsole.log('started');\n",
    });
    assert.deepEqual(ids(findings), [
      'readiness/ci-config',
      'readiness/coverage-threshold',
      'readiness/env-ignored',
      'readiness/health-endpoint',
      'readiness/lockfile',
      'readiness/pinned-dependencies',
      'readiness/process-handlers',
      'readiness/server-timeouts',
      'readiness/structured-logging',
      'readiness/tests-present',
    ]);
    const byId = Object.fromEntries(findings.map((f) => [f.ruleId, f]));
    assert.equal(byId['readiness/process-handlers'].file, 'src/server.ts');
    assert.equal(byId['readiness/process-handlers'].line, 2);
    assert.match(byId['readiness/process-handlers'].message, /'unhandledRejection', 'uncaughtException', 'SIGTERM'/);
    assert.match(byId['readiness/process-handlers'].message, /\(Looked at: /);
    assert.equal(byId['readiness/structured-logging'].line, 5);
    assert.equal(byId['readiness/pinned-dependencies'].file, 'package.json');
    assert.match(byId['readiness/pinned-dependencies'].message, /^2 dependencies are not pinned \(express@\*, left@latest\)/);
    assert.equal(byId['readiness/tests-present'].severity, 'warning');
    assert.equal(byId['readiness/env-ignored'].severity, 'error');
  });

  it('flags a .env that git does not ignore', () => {
    const findings = projectFindings({ ...SERVICE, '.gitignore': 'node_modules\n', '.env': 'A=1\n', '.env.example': 'A=\n' });
    const env = findings.filter((f) => f.ruleId === 'readiness/env-ignored');
    assert.equal(env.length, 1);
    assert.match(env[0].message, /^\.env is not ignored by git/);
  });

  it('checks Python projects: pinned requirements, pytest, logging', () => {
    const ok = projectFindings({
      'pyproject.toml': '[tool.pytest.ini_options]\naddopts = "--cov-fail-under=80"\n',
      'requirements.txt': 'requests==2.32.3\nflask==3.0.3\n',
      '.gitignore': '.env\n',
      '.gitlab-ci.yml': 'test: {}\n',
      'tests/test_app.py': 'def test_x(): pass\n',
      'app.py': 'import logging\nimport signal\nimport sys\nfrom flask import Flask\napp = Flask(__name__)\nsys.excepthook = handle\nsignal.signal(signal.SIGTERM, stop)\n@app.get("/healthz")\ndef health(): return "ok"\n# gunicorn --timeout 30\n',
    });
    assert.deepEqual(ids(ok), []);
    const bad = projectFindings({ 'pyproject.toml': '[project]\nname = "x"\n', 'requirements.txt': 'requests\nflask>=2\n', '.gitignore': '.env\n' });
    assert.deepEqual(ids(bad), ['readiness/ci-config', 'readiness/coverage-threshold', 'readiness/lockfile', 'readiness/pinned-dependencies', 'readiness/tests-present']);
  });

  it('respects rule settings', () => {
    const findings = projectFindings({ 'package.json': '{}' }, 'rules:\n  readiness/*: off\n  readiness/ci-config: error\n');
    assert.deepEqual(findings.map((f) => `${f.ruleId} ${f.severity}`), ['readiness/ci-config error']);
  });
});
