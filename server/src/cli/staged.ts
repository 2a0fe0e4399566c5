// `--staged`: the staged content of staged files, as a pre-commit hook must check it (the working tree
// may differ). Git runs without hooks or fsmonitor.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { UsageError } from './errors';

const GIT_SAFE = ['-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null'];

function git(args: string[], cwd: string): Buffer {
  return execFileSync('git', [...GIT_SAFE, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 512 * 1024 * 1024 });
}

export function stagedFiles(filter: string[]): { files: string[]; content: Map<string, string> } {
  let root: string;
  try {
    root = git(['rev-parse', '--show-toplevel'], process.cwd()).toString('utf8').trim();
  } catch {
    throw new UsageError('--staged needs a git repository.');
  }
  const names = git(['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR'], root).toString('utf8').split('\0').filter(Boolean);
  const wanted = filter.map((p) => path.resolve(p));
  const files: string[] = [];
  const content = new Map<string, string>();
  for (const name of names) {
    const absolute = path.join(root, name);
    if (wanted.length > 0 && !wanted.some((w) => absolute === w || absolute.startsWith(w + path.sep))) continue;
    const blob = git(['show', `:${name}`], root);
    files.push(absolute);
    // Binary blobs keep their NUL bytes, so the engine skips them as binary.
    content.set(absolute, blob.toString('utf8'));
  }
  return { files, content };
}
