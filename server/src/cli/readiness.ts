// `shipshape readiness [DIR]`: selects the files (all, changed since a ref, staged, one shard's) and
// runs the readiness review. Exit 0 when every gate passes, 1 when one fails.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Engine } from '../engine/index';
import { loadRootConfig, runReadiness, type Shard } from '../engine/readiness/run';
import { relativeTo } from '../engine/report/report';
import { collectFiles } from '../engine/workspace/files';
import { changedFiles } from './changed';
import { UsageError } from './errors';
import { inShard } from './shard';
import { stagedFiles } from './staged';

export interface ReadinessCliOptions {
  dir: string;
  configFile?: string;
  changedSince?: string;
  shard?: Shard;
  staged?: boolean;
  cacheDir?: string;
  workers?: number;
}

export function readinessFromCli(engine: Engine, options: ReadinessCliOptions) {
  const dir = path.resolve(options.dir);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`No such folder: ${options.dir}`);
  const rootConfig = loadRootConfig(engine, dir, options.configFile);
  let files: string[];
  let contentOverride: Map<string, string> | undefined;
  if (options.staged) {
    const staged = stagedFiles([dir]);
    files = staged.files;
    contentOverride = staged.content;
  } else {
    files = collectFiles([dir]).files;
  }
  if (options.changedSince) {
    const changed = changedFiles(dir, options.changedSince);
    files = files.filter((file) => changed.has(file));
  }
  if (options.shard) files = files.filter((file) => inShard(relativeTo(dir, file), options.shard!));
  return runReadiness(engine, {
    dir,
    files,
    rootConfig,
    configFile: options.configFile,
    contentOverride,
    shard: options.shard,
    changedSince: options.changedSince,
    allowGit: true,
    cacheDir: options.cacheDir,
    workers: options.workers,
    warn: (message) => process.stderr.write(`shipshape: ${message}\n`),
  });
}
