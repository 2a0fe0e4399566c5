// Runs the language server (`node dist/server.js --stdio`) in headless Neovim, a second and independent
// real LSP client, over a fresh copy of the fixture workspace, and checks the rule codes published for
// each file. Exits non-zero on any mismatch, a missing publish, or a Neovim failure.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const server = path.join(root, 'dist', 'server.js');

/** The rule codes each fixture file must get, and nothing else. */
const expected = {
  'src/domain/order.ts': ['architecture/layer-import'],
  'src/app/handler.ts': ['failure/empty-catch'],
  'src/config/keys.ts': ['secrets/private-key'],
  'src/clean.ts': [],
};

function main() {
  const started = Date.now();
  if (!fs.existsSync(server)) {
    console.error(`Neovim test: ${path.relative(root, server)} is missing; run \`npm run build\` first`);
    return 1;
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-nvim-'));
  const workspace = path.join(scratch, 'editor-workspace');
  const home = path.join(scratch, 'home');
  fs.cpSync(path.join(root, 'test/fixtures/editor-workspace'), workspace, { recursive: true });
  fs.mkdirSync(home);
  // Nvim writes its log, shada and LSP log under HOME / XDG folders: all of them point into the scratch folder.
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local/share'),
    XDG_STATE_HOME: path.join(home, '.local/state'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
  };
  try {
    const version = spawnSync('nvim', ['--version'], { encoding: 'utf8', env });
    if (version.error || version.status !== 0) {
      console.error('Neovim test: nvim is not installed (apt-get install neovim)');
      return 1;
    }
    console.log(`  ${version.stdout.split('\n')[0]}`);
    const result = spawnSync('nvim', ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${path.join(__dirname, 'neovim', 'lsp-check.lua')}`], {
      cwd: workspace,
      env: {
        ...env,
        SHIPSHAPE_NODE: process.execPath,
        SHIPSHAPE_SERVER: server,
        SHIPSHAPE_ROOT: workspace,
        SHIPSHAPE_FILES: Object.keys(expected).map((file) => path.join(workspace, file)).join(':'),
      },
      encoding: 'utf8',
      timeout: 120000,
      killSignal: 'SIGKILL',
    });
    const records = (result.stdout || '').split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line));
    const problems = [];
    for (const record of records.filter((r) => r.event)) problems.push(`Neovim reported ${JSON.stringify(record)}`);
    const byFile = new Map(records.filter((r) => r.file).map((r) => [path.relative(workspace, r.file), r]));
    for (const [file, codes] of Object.entries(expected)) {
      const got = byFile.get(file);
      if (!got || !got.published) {
        problems.push(`${file}: no publishDiagnostics received`);
        console.log(`  ✘ ${file}: no publishDiagnostics received`);
        continue;
      }
      const gotCodes = got.diagnostics.map((d) => String(d.code)).sort();
      const same = JSON.stringify(gotCodes) === JSON.stringify([...codes].sort());
      console.log(`  ${same ? '✔' : '✘'} ${file}: ${gotCodes.length ? gotCodes.join(', ') : 'no findings'} (${got.ms} ms)`);
      for (const d of got.diagnostics) console.log(`      ${file}:${d.line}:${d.col} [${d.code}] ${d.message} (${d.source}, severity ${d.severity})`);
      if (!same) problems.push(`${file}: expected [${codes.join(', ')}], got [${gotCodes.join(', ')}]`);
    }
    if (result.error) problems.push(`nvim: ${result.error.message}`);
    else if (result.status !== 0) problems.push(`nvim exited with ${result.status ?? result.signal}`);
    if (problems.length) {
      console.error(`Neovim test failed:\n  ${problems.join('\n  ')}`);
      if (result.stderr?.trim()) console.error(`--- nvim stderr ---\n${result.stderr.trim()}`);
      const log = path.join(home, '.cache/nvim/lsp.log');
      if (fs.existsSync(log)) console.error(`--- lsp.log (last lines) ---\n${fs.readFileSync(log, 'utf8').split('\n').slice(-30).join('\n')}`);
      return 1;
    }
    console.log(`Neovim: ${Object.keys(expected).length} files checked in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

process.exitCode = main();
