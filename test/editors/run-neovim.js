// Runs the server in headless Neovim (a second, independent LSP client) over the fixture workspace
// and checks the rule codes published for each file.
'use strict';
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-nvim-ws-'));
fs.cpSync(path.join(root, 'test/fixtures/editor-workspace'), workspace, { recursive: true });
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-nvim-home-'));

const expected = {
  'src/domain/order.ts': ['architecture/layer-import'],
  'src/app/handler.ts': ['failure/empty-catch'],
  'src/config/keys.ts': ['secrets/private-key'],
  'src/clean.ts': [],
};

const result = spawnSync('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${path.join(__dirname, 'neovim', 'lsp-check.lua')}`], {
  env: {
    ...process.env,
    HOME: home,
    XDG_STATE_HOME: path.join(home, 'state'),
    XDG_CACHE_HOME: path.join(home, 'cache'),
    SHIPSHAPE_SERVER: path.join(root, 'dist', 'server.js'),
    SHIPSHAPE_ROOT: workspace,
    SHIPSHAPE_FILES: Object.keys(expected).map((f) => path.join(workspace, f)).join(':'),
  },
  encoding: 'utf8',
  timeout: 120000,
});

try {
  const lines = (result.stdout || '').split('\n').filter((line) => line.startsWith('{'));
  const byFile = Object.fromEntries(lines.map((line) => JSON.parse(line)).map((r) => [path.relative(workspace, r.file), r]));
  for (const [file, codes] of Object.entries(expected)) {
    const got = byFile[file];
    assert.ok(got && got.published, `Neovim received no diagnostics for ${file}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
    assert.deepEqual([...(Array.isArray(got.codes) ? got.codes : [])].sort(), codes, `codes for ${file}`);
    console.log(`  ✔ ${file}: ${codes.length ? codes.join(', ') : 'no findings'}`);
  }
  assert.equal(result.status, 0, `nvim exit status ${result.status}`);
  console.log('Neovim: all files checked');
} catch (error) {
  console.error(`Neovim test failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  fs.rmSync(workspace, { recursive: true, force: true });
  fs.rmSync(home, { recursive: true, force: true });
}
