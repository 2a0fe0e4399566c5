// The per-repository salt for secret fingerprints: `salt` in .shipshape/baseline.json when present (so a
// baseline and the reports made with it agree everywhere), else the repository's root commit, which
// every clone shares. Git is read without hooks or fsmonitor, and only when the caller allows it.
import { runGit } from './git';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const BASELINE_PATH = '.shipshape/baseline.json';
const FALLBACK_SALT = 'shipshape-unsalted-v1';

export function repositorySalt(configDir: string, options: { allowGit: boolean }): string {
  try {
    const baseline = JSON.parse(fs.readFileSync(path.join(configDir, BASELINE_PATH), 'utf8')) as { salt?: unknown };
    if (typeof baseline.salt === 'string' && baseline.salt.length > 0) return baseline.salt;
  } catch {
    // No baseline (or an unreadable one): fall through to the repository's identity.
  }
  if (options.allowGit && insideRepository(configDir)) {
    const root = rootCommit(configDir);
    if (root) return root;
  }
  return FALLBACK_SALT;
}

/** Cheap check before spawning git: a `.git` folder or file at or above `dir`. */
function insideRepository(dir: string): boolean {
  for (let current = dir; ; ) {
    if (fs.existsSync(path.join(current, '.git'))) return true;
    const parent = path.dirname(current);
    if (parent === current) return false;
    current = parent;
  }
}

function rootCommit(dir: string): string | undefined {
  try {
    const out = runGit(['rev-list', '--max-parents=0', 'HEAD'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
    }).toString('utf8');
    return out.trim().split('\n').pop() || undefined;
  } catch {
    return undefined; // not a repository, no commits yet, or no git: the fallback salt applies
  }
}
