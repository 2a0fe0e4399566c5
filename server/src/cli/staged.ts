// `--staged`: the staged content of staged files, as a pre-commit hook must check it (the working tree
// may differ). Git runs without hooks or fsmonitor.
import * as path from 'node:path';
import { runGit } from '../engine/git';
import { repositoryRoot } from './repository';

function git(args: string[], cwd: string, input?: string): Buffer {
  return runGit(args, { cwd, input, stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 512 * 1024 * 1024 });
}

/**
 * The staged files under the paths given (all of them with none), with their staged content. Each path
 * is looked up in its own repository, so `--staged ../other-repo` checks that repository's index, not
 * the one of the current folder.
 */
export function stagedFiles(filter: string[]): { files: string[]; content: Map<string, string> } {
  const wanted = filter.map((p) => path.resolve(p));
  const byRoot = new Map<string, string[]>();
  for (const target of wanted.length > 0 ? wanted : [process.cwd()]) {
    const root = repositoryRoot(target, '--staged');
    byRoot.set(root, [...(byRoot.get(root) ?? []), target]);
  }
  const files: string[] = [];
  const content = new Map<string, string>();
  for (const [root, targets] of byRoot) {
    const names = git(['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR'], root)
      .toString('utf8')
      .split('\0')
      .filter(Boolean)
      .filter((name) => wanted.length === 0 || targets.some((w) => path.join(root, name) === w || path.join(root, name).startsWith(w + path.sep)));
    const blobs = stagedBlobs(root, names);
    names.forEach((name, i) => {
      const blob = blobs[i];
      if (!blob) return; // a submodule's commit, not a file of this repository
      const absolute = path.join(root, name);
      files.push(absolute);
      // Binary blobs keep their NUL bytes, so the engine skips them as binary.
      content.set(absolute, blob.toString('utf8'));
    });
  }
  return { files, content };
}

/**
 * The staged content of each file, in order, from one `git cat-file --batch` instead of a `git show`
 * per file (a pre-commit hook with a hundred staged files started a hundred processes). Each answer is
 * `<object> blob <size>\n<content>\n`.
 */
function stagedBlobs(root: string, names: readonly string[]): (Buffer | undefined)[] {
  if (names.length === 0) return [];
  // A name with a line break cannot be asked for on a line of its own: it is read by itself.
  if (names.some((name) => /[\r\n]/.test(name))) return names.map((name) => git(['show', `:${name}`], root));
  const output = git(['cat-file', '--batch'], root, names.map((name) => `:${name}\n`).join(''));
  const blobs: (Buffer | undefined)[] = [];
  let at = 0;
  for (let i = 0; i < names.length; i++) {
    const headerEnd = output.indexOf(0x0a, at);
    // `<object> <type> <size>`, or `<object> missing` for what the repository does not hold (a submodule's
    // commit), where the object may be the name asked for, spaces and all.
    const header = output.subarray(at, headerEnd).toString('utf8');
    if (header.endsWith(' missing')) {
      blobs.push(undefined);
      at = headerEnd + 1;
      continue;
    }
    const [, type, sizeText] = header.split(' ');
    const size = Number(sizeText);
    if (!Number.isSafeInteger(size)) throw new Error(`git cat-file answered '${header}' for the staged ${names[i]}`);
    blobs.push(type === 'blob' ? output.subarray(headerEnd + 1, headerEnd + 1 + size) : undefined);
    at = headerEnd + 1 + size + 1;
  }
  return blobs;
}
