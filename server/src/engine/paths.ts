import * as path from 'node:path';

/** Path relative to a folder, with forward slashes and no `./`, as every output format shows it. */
export function toRelativePosix(from: string, to: string): string {
  const relative = path.relative(from, to);
  return (relative === '' ? path.basename(to) : relative).split(path.sep).join('/');
}
