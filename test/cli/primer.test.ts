// `shipshape primer` as a subprocess: formats, files touched, --write into instruction files, errors.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeWorkspace } from '../helpers/engine';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const SAMPLE = path.resolve(__dirname, '../../examples/sample-service');

function run(args: string[], cwd = process.cwd()) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const CONFIG = 'architecture:\n  layers:\n    domain: src/domain/**\n    infra: src/infra/**\n  constraints:\n    - layer: domain\n      mayImport: []\n      because: The domain stays free of I/O.\n';

describe('shipshape primer (CLI)', () => {
  it('prints the Markdown primer for a folder, constraints first and recapped last', () => {
    const { code, stdout, stderr } = run(['primer', SAMPLE]);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^# Primer for a fresh session\n\n## Hard constraints[^\n]*\n1\. `domain` \(`src\/domain\/\*\*`\) imports no other layer/);
    assert.match(stdout, /\nRemember: domain: no other layer, no pg, axios, node:fs, node:http; app: only domain;[^\n]*\.\n$/);
  });

  it('lists the open findings of the files given with --touched, the task, decisions and the test command', () => {
    const dir = makeWorkspace({
      'shipshape.yml': CONFIG,
      'package.json': '{"scripts":{"test":"node --test"}}',
      'pnpm-lock.yaml': 'lockfileVersion: 9\n',
      'src/domain/order.ts': "import { db } from '../infra/db';\nexport const order = db;\n",
      'src/infra/db.ts': 'export const db = 1;\n',
    });
    const { code, stdout, stderr } = run(['primer', dir, '--touched', path.join(dir, 'src/domain/order.ts'), '--task', 'Add cancellation', '--decision', 'Soft deletes', '--decision', 'No new tables']);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /## Task\nAdd cancellation\n\n## Decisions\n- Soft deletes\n- No new tables\n/);
    assert.match(stdout, /Files touched: the 1 with findings below\nOpen findings:\n- src\/domain\/order.ts:1 architecture\/layer-import: domain must not import infra \(src\/infra\/db.ts\)\n/);
    assert.match(stdout, /## Verify before you finish\n- `pnpm test`\n- `shipshape readiness`\n/);
  });

  it('prints each instruction-file format as a marked block (Cursor with front matter)', () => {
    for (const format of ['agents', 'copilot', 'claude']) {
      const { code, stdout } = run(['primer', SAMPLE, '--format', format]);
      assert.equal(code, 0);
      assert.match(stdout, /^<!-- shipshape:begin [^\n]*-->\n## Project constraints\n/);
      assert.match(stdout, /\n<!-- shipshape:end -->\n$/);
    }
    assert.match(run(['primer', SAMPLE, '--format', 'cursor']).stdout, /^---\ndescription: [^\n]+\nalwaysApply: true\n---\n\n<!-- shipshape:begin/);
  });

  it('--write puts the block in the instruction file, keeps the text around it, and is idempotent', () => {
    const dir = makeWorkspace({ 'shipshape.yml': CONFIG, 'AGENTS.md': '# Notes\n\nUse pnpm.\n' });
    assert.equal(run(['primer', dir, '--format', 'agents', '--write']).code, 0);
    const first = fs.readFileSync(path.join(dir, 'AGENTS.md'), 'utf8');
    assert.ok(first.startsWith('# Notes\n\nUse pnpm.\n\n<!-- shipshape:begin'));
    fs.writeFileSync(path.join(dir, 'AGENTS.md'), `${first}\n## Mine\nkeep me\n`);
    assert.equal(run(['primer', dir, '--format', 'agents', '--write']).code, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'AGENTS.md'), 'utf8'), `${first}\n## Mine\nkeep me\n`);
    assert.equal(run(['primer', dir, '--format', 'cursor', '--write']).code, 0);
    assert.match(fs.readFileSync(path.join(dir, '.cursor/rules/shipshape.mdc'), 'utf8'), /^---\n[\s\S]*<!-- shipshape:end -->\n$/);
  });

  it('exits 2 on a bad format, --write without a file format, or unpaired markers', () => {
    assert.equal(run(['primer', SAMPLE, '--format', 'html']).code, 2);
    assert.equal(run(['primer', SAMPLE, '--write']).code, 2);
    const dir = makeWorkspace({ 'shipshape.yml': CONFIG, 'CLAUDE.md': 'x\n<!-- shipshape:begin -->\nno end\n' });
    const broken = run(['primer', dir, '--format', 'claude', '--write']);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /unpaired or repeated shipshape markers/);
    assert.equal(fs.readFileSync(path.join(dir, 'CLAUDE.md'), 'utf8'), 'x\n<!-- shipshape:begin -->\nno end\n');
  });
});
