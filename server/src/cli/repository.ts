// The repository a path given on the command line is in, for the options that read git (--staged,
// --history): its top folder, as git itself says it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runGit } from '../engine/git';
import { UsageError } from './errors';

/** The top folder of the repository holding `target` (a folder, a file, or a file deleted since it was staged); a usage error naming `option` when there is none. */
export function repositoryRoot(target: string, option: string): string {
  let dir = target;
  try {
    if (!fs.statSync(target).isDirectory()) dir = path.dirname(target);
  } catch {
    dir = path.dirname(target); // a staged file deleted from the working tree is still in the index
  }
  while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  try {
    return runGit(['rev-parse', '--show-toplevel'], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] }).toString('utf8').trim();
  } catch {
    throw new UsageError(`${option} needs a git repository (${target} is in none).`);
  }
}
