// Where benchmark corpora and peer tools live: a cache folder outside the repository, keyed by version.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const CACHE_DIR = process.env.SHIPSHAPE_BENCH_CACHE ?? path.join(os.homedir(), '.cache', 'shipshape-bench');
export const REPO_ROOT = path.resolve(new URL('../..', import.meta.url).pathname);
export const SHARED_DIR = path.resolve(REPO_ROOT, '..', 'shared');

const npmEnv = { ...process.env, npm_config_loglevel: 'error', npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' };

/**
 * Unpacks an npm package (e.g. `effect@4.1.0`) into the cache and returns its folder
 * (`<cache>/corpora/effect@4.1.0/package`). Only the registry is used.
 */
export function corpus(spec) {
  const dir = path.join(CACHE_DIR, 'corpora', spec.replace('/', '__'));
  const done = path.join(dir, '.complete');
  if (!fs.existsSync(done)) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const tarball = execFileSync('npm', ['pack', spec, '--silent'], { cwd: dir, env: npmEnv, encoding: 'utf8' }).trim().split('\n').pop();
    execFileSync('tar', ['-xzf', tarball], { cwd: dir });
    fs.rmSync(path.join(dir, tarball));
    fs.writeFileSync(done, '');
  }
  return path.join(dir, 'package');
}

/**
 * Installs peer tools (exact versions) into their own folder in the cache, never into the project,
 * and returns that folder (with node_modules/.bin inside).
 */
export function peers(name, specs) {
  const key = `${name}-${specs.join('+').replace(/[^a-zA-Z0-9@.+-]/g, '_')}`;
  const dir = path.join(CACHE_DIR, 'peers', key);
  const done = path.join(dir, '.complete');
  if (!fs.existsSync(done)) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: `bench-${name}`, private: true }));
    execFileSync('npm', ['install', '--no-save', '--no-package-lock', ...specs], { cwd: dir, env: npmEnv, stdio: ['ignore', 'ignore', 'inherit'] });
    fs.writeFileSync(done, '');
  }
  return dir;
}

/** Files under a folder matching a predicate on the relative path, sorted. */
export function listFiles(root, accept = () => true) {
  const out = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== '.git') walk(full);
      } else if (entry.isFile() && accept(path.relative(root, full))) out.push(full);
    }
  };
  walk(root);
  return out.sort();
}
