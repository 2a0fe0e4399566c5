// Git as Shipshape runs it: never a workspace's hooks or fsmonitor (a repository's config must not make
// us run its code), with the options each caller needs (a time limit, input, quiet errors).
import { execFileSync, spawn, type ChildProcessWithoutNullStreams, type ExecFileSyncOptions } from 'node:child_process';

const SAFE_CONFIG = ['-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null'];

/** Runs `git <args>` and returns what it printed; throws when git fails or is missing. */
export function runGit(args: readonly string[], options: Omit<ExecFileSyncOptions, 'encoding'> & { cwd: string }): Buffer {
  return execFileSync('git', [...SAFE_CONFIG, ...args], options) as Buffer;
}

/** Starts `git <args>` with the same safe configuration, for output read as it comes (a repository's whole history). */
export function spawnGit(args: readonly string[], cwd: string): ChildProcessWithoutNullStreams {
  return spawn('git', [...SAFE_CONFIG, ...args], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
}
