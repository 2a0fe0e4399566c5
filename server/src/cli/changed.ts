// `--changed-since <ref>`: the files that differ from a git ref (committed, staged or not) plus
// untracked ones. Git runs without hooks or fsmonitor.
import * as path from 'node:path';
import { runGit } from '../engine/git';
import { UsageError } from './errors';

export function changedFiles(dir: string, ref: string): Set<string> {
  const git = (args: string[]) => runGit(args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 }).toString('utf8');
  let root: string;
  try {
    root = git(['rev-parse', '--show-toplevel']).trim();
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new UsageError(`--changed-since: '${ref}' is not a commit in a git repository at ${dir}.`);
  }
  const names = [
    ...git(['diff', '--name-only', '-z', '--diff-filter=ACMR', ref]).split('\0'),
    ...git(['ls-files', '--others', '--exclude-standard', '--full-name', '-z']).split('\0'),
  ].filter(Boolean);
  return new Set(names.map((name) => path.join(root, name)));
}
