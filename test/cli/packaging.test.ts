// What the .vsix carries (`vsce ls`): every launcher, the bundle it runs and every worker script the
// bundles start (a missing worker fails only in the installed extension, never in a checkout), the
// grammars, and no source maps or node_modules.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

describe('packaging (vsce ls)', () => {
  it('lists every runtime file of dist/ and nothing that is only for development', function () {
    this.timeout(120_000);
    const listed = new Set(
      execFileSync(process.execPath, [path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls'], { cwd: ROOT, encoding: 'utf8' })
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    );
    const runtime = fs.readdirSync(path.join(ROOT, 'dist')).filter((file) => /\.(js|wasm)$/.test(file) && file !== 'gen-docs.js');
    // Worker scripts the bundles name: each must be a built file.
    for (const worker of ['workspace-worker.js', 'readiness-worker.js']) assert.ok(runtime.includes(worker), `dist/${worker} is built`);
    for (const file of runtime) assert.ok(listed.has(`dist/${file}`), `dist/${file} is packaged`);
    for (const file of listed) {
      assert.ok(!file.endsWith('.map'), `no source map: ${file}`);
      assert.ok(!file.startsWith('node_modules/'), `no node_modules: ${file}`);
      assert.ok(!file.startsWith('server/') && !file.startsWith('client/') && !file.startsWith('test/'), `no sources: ${file}`);
    }
    assert.ok(listed.has('package.json') && listed.has('rules/secrets.yml'));
  });
});
