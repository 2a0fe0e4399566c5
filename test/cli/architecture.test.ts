// The architecture family through the CLI, on a fixture monorepo with tsconfig paths (and extends),
// npm workspaces, package.json imports, dynamic imports, re-exports, type-only imports and a cycle.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
export const ARCH_FIXTURE = path.resolve(__dirname, '../fixtures/arch-monorepo');

export interface ReportedFinding {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  message: string;
  severity: string;
}

export function cliFindings(dir: string): ReportedFinding[] {
  const result = spawnSync(process.execPath, [CLI, 'check', dir, '--format', 'json'], { encoding: 'utf8' });
  assert.equal(result.stderr, '', 'no rule failed');
  return JSON.parse(result.stdout).findings;
}

describe('architecture rules (CLI)', () => {
  it('reports every kind of violation of the fixture monorepo, and nothing else', () => {
    const findings = cliFindings(ARCH_FIXTURE);
    assert.deepEqual(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId}`), [
      'apps/web/src/main.ts:2:22 error architecture/layer-import',
      'apps/web/src/main.ts:2:22 error architecture/public-api',
      'apps/web/src/pages/home.ts:2:24 info architecture/unresolved-import',
      'apps/web/src/state/actions.ts:1:23 error architecture/cycle',
      'apps/web/src/state/store.ts:1:27 error architecture/cycle',
      'packages/domain/src/money.ts:1:30 error architecture/forbidden-package',
      'packages/domain/src/order.ts:2:23 error architecture/layer-import',
      'services/worker/jobs.py:2:8 error architecture/forbidden-package',
    ]);
    const messages = findings.map((f) => f.message);
    // The workspace package name resolves to the package's source, and the message says why.
    assert.ok(messages.includes('domain must not import infra (packages/infra/src/index.ts): The domain model stays free of I/O so it can be unit-tested and reused.'));
    assert.ok(messages.some((m) => m.startsWith('Import cycle: apps/web/src/state/store.ts → apps/web/src/state/actions.ts → apps/web/src/state/store.ts.')));
  });
});
