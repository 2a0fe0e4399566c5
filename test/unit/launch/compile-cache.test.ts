// The launchers (dist/cli.js, dist/server.js, the worker scripts) run their bundle through V8's code
// cache: where the cache lives, that a run writes it, and that a damaged or foreign cache is never
// trusted — the CLI still runs and the cache is rewritten.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CACHES_KEPT, compileCacheDirectory, compileCacheFile, shouldWriteCache } from '../../../server/src/launch/compile-cache';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
const SAMPLE = path.resolve(__dirname, '../../../examples/sample-service');

function runCli(cacheDir: string, args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, SHIPSHAPE_COMPILE_CACHE: cacheDir } });
}

describe('compile cache', () => {
  describe('compileCacheDirectory', () => {
    it('is the user cache folder by default: XDG_CACHE_HOME, else ~/.cache, LOCALAPPDATA on Windows', () => {
      assert.equal(compileCacheDirectory({}, 'linux', '/home/ada'), path.join('/home/ada', '.cache', 'shipshape', 'compile-cache'));
      assert.equal(compileCacheDirectory({ XDG_CACHE_HOME: '/var/cache/ada' }, 'linux', '/home/ada'), path.join('/var/cache/ada', 'shipshape', 'compile-cache'));
      assert.equal(compileCacheDirectory({ LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' }, 'win32', 'C:\\Users\\ada'), path.join('C:\\Users\\ada\\AppData\\Local', 'shipshape', 'compile-cache'));
    });

    it('follows SHIPSHAPE_COMPILE_CACHE: a folder, or off', () => {
      assert.equal(compileCacheDirectory({ SHIPSHAPE_COMPILE_CACHE: '/tmp/cc' }, 'linux', '/home/ada'), path.resolve('/tmp/cc'));
      for (const off of ['off', 'OFF', '0', 'false', 'no']) assert.equal(compileCacheDirectory({ SHIPSHAPE_COMPILE_CACHE: off }, 'linux', '/home/ada'), undefined, off);
    });

    it('has no default without a home folder', () => {
      assert.equal(compileCacheDirectory({}, 'linux', ''), undefined);
    });
  });

  it('names the cache after the bundle and a hash of its text, so a rebuilt bundle of the same size never meets an old cache', () => {
    const a = compileCacheFile('/c', '/dist/cli.bundle.js', 'let a = 1;');
    const b = compileCacheFile('/c', '/dist/cli.bundle.js', 'let b = 1;');
    assert.match(path.basename(a), /^cli\.bundle-[0-9a-f]{20}\.bin$/);
    assert.notEqual(a, b);
    assert.equal(compileCacheFile('/c', '/dist/cli.bundle.js', 'let a = 1;'), a);
    assert.equal(compileCacheFile('/c', '/dist/cli.bundle.js', Buffer.from('let a = 1;')), a, 'the launcher hashes the bytes: the same key');
  });

  it('the CLI writes its cache on the first run, uses it next, and survives a damaged one', function () {
    this.timeout(120_000);
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-cc-'));
    try {
      const first = runCli(cacheDir, ['check', SAMPLE, '--format', 'json']);
      assert.equal(first.status, 1, first.stderr);
      const files = fs.readdirSync(cacheDir).filter((f) => f.startsWith('cli.bundle-') && f.endsWith('.bin'));
      assert.equal(files.length, 1, `one cache file for the CLI bundle: ${fs.readdirSync(cacheDir).join(', ')}`);
      assert.equal(fs.readdirSync(cacheDir).filter((f) => f.endsWith('.tmp')).length, 0, 'no temporary file left behind');
      const cacheFile = path.join(cacheDir, files[0]);
      if (process.platform !== 'win32') assert.equal(fs.statSync(cacheDir).mode & 0o077, 0, 'the folder is private: cached bytecode is code');

      const second = runCli(cacheDir, ['check', SAMPLE, '--format', 'json']);
      assert.equal(second.status, 1, second.stderr);
      assert.deepEqual(JSON.parse(second.stdout), JSON.parse(first.stdout), 'same report from cached code');

      // Garbage after a header claiming a long-running writer: V8 rejects it, the run goes on, the cache is rewritten.
      const header = Buffer.alloc(8);
      header.writeDoubleLE(1e9, 0);
      const garbage = Buffer.concat([header, Buffer.alloc(4096, 7)]);
      fs.writeFileSync(cacheFile, garbage);
      const damaged = runCli(cacheDir, ['check', SAMPLE, '--format', 'json']);
      assert.equal(damaged.status, 1, damaged.stderr);
      assert.equal(damaged.stderr, '');
      assert.deepEqual(JSON.parse(damaged.stdout), JSON.parse(first.stdout));
      assert.ok(!fs.readFileSync(cacheFile).equals(garbage), 'a rejected cache is replaced');
    } finally {
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('loads TypeScript\'s compiler (its own bundle, own cache) only for runs that parse: not for a secrets-only run', function () {
    this.timeout(120_000);
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-cc-ts-'));
    const config = path.join(cacheDir, 'secrets-only.yml');
    fs.writeFileSync(config, 'rules:\n  failure/*: off\n  architecture/*: off\n  shipshape/*: off\n');
    const typescriptCaches = () => fs.readdirSync(cacheDir).filter((f) => f.startsWith('typescript.bundle-'));
    try {
      const secretsOnly = runCli(cacheDir, ['check', SAMPLE, '--format', 'json', '--config', config, '--workers', '1']);
      assert.equal(secretsOnly.status, 1, secretsOnly.stderr);
      assert.ok(JSON.parse(secretsOnly.stdout).findings.every((f: { family: string }) => f.family === 'secrets'));
      assert.ok(fs.readdirSync(cacheDir).some((f) => f.startsWith('cli.bundle-')), 'the CLI bundle was cached');
      assert.deepEqual(typescriptCaches(), [], 'TypeScript was not loaded');

      const full = runCli(cacheDir, ['check', SAMPLE, '--format', 'json', '--workers', '1']);
      assert.equal(full.status, 1, full.stderr);
      assert.ok(JSON.parse(full.stdout).findings.some((f: { family: string }) => f.family === 'failure'), 'TypeScript-based checks ran');
      assert.equal(typescriptCaches().length, 1, 'TypeScript was loaded through the code cache');
    } finally {
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('rewrites a cache that is missing, rejected, thin, or from a much shorter run', () => {
    const base = { usable: true, cachedBytes: 400_000, cachedCpuMs: 1000, sourceBytes: 800_000 };
    assert.equal(shouldWriteCache({ ...base, cpuMs: 1500 }), false, 'a fair cache from a comparable run stays');
    assert.equal(shouldWriteCache({ ...base, cpuMs: 2000 }), true, 'a run twice as long writes a fuller cache');
    assert.equal(shouldWriteCache({ ...base, usable: false, cpuMs: 10 }), true, 'a missing or rejected cache is written');
    // 18 KB for an 800 KB bundle, from a 23 s run: seen in practice, and it would otherwise stay for good.
    assert.equal(shouldWriteCache({ ...base, cachedBytes: 18_000, cachedCpuMs: 23_000, cpuMs: 900 }), true, 'a thin cache is replaced');
    assert.equal(shouldWriteCache({ ...base, cachedBytes: 50_001, cachedCpuMs: 23_000, cpuMs: 900 }), false, 'a sixteenth of the bundle is not thin');
  });

  it('keeps the newest few caches of a bundle, not one per version ever built', function () {
    this.timeout(60_000);
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-cc-'));
    try {
      // Caches of earlier builds of the CLI bundle, and one of another bundle that must stay.
      const stale = Array.from({ length: CACHES_KEPT + 2 }, (_, i) => path.join(cacheDir, `cli.bundle-${String(i).padStart(20, '0')}.bin`));
      stale.forEach((file, i) => {
        fs.writeFileSync(file, Buffer.alloc(16));
        fs.utimesSync(file, new Date(2020, 0, 1 + i), new Date(2020, 0, 1 + i));
      });
      const server = path.join(cacheDir, 'server.bundle-00000000000000000000.bin');
      fs.writeFileSync(server, Buffer.alloc(16));
      const run = runCli(cacheDir, ['--version']);
      assert.equal(run.status, 0, run.stderr);
      const left = fs.readdirSync(cacheDir).filter((f) => f.startsWith('cli.bundle-')).sort();
      assert.equal(left.length, CACHES_KEPT, left.join(', '));
      assert.ok(left.includes(path.basename(compileCacheFile(cacheDir, CLI.replace(/cli\.js$/, 'cli.bundle.js'), fs.readFileSync(CLI.replace(/cli\.js$/, 'cli.bundle.js'), 'utf8')))), 'the new cache is kept');
      assert.ok(left.includes(path.basename(stale.at(-1)!)), 'the newest older caches are kept');
      assert.ok(!left.includes(path.basename(stale[0]!)), 'the oldest is removed');
      assert.ok(fs.existsSync(server), "another bundle's cache is left alone");
    } finally {
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('writes nothing when switched off', () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-cc-off-'));
    try {
      const result = spawnSync(process.execPath, [CLI, '--version'], { encoding: 'utf8', env: { ...process.env, SHIPSHAPE_COMPILE_CACHE: 'off', XDG_CACHE_HOME: cacheDir, HOME: cacheDir } });
      assert.equal(result.status, 0, result.stderr);
      assert.deepEqual(fs.readdirSync(cacheDir), []);
    } finally {
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
