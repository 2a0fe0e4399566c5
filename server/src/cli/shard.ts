// `--shard k/n`: splits files between CI runners by a hash of their path, so every runner gets a
// stable, roughly equal share without coordinating.
import { createHash } from 'node:crypto';
import { UsageError } from './errors';

import type { Shard } from '../engine/readiness/run';

export type { Shard };

export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError(`--shard takes k/n with 1 ≤ k ≤ n (got '${value}').`);
  return { index, count };
}

export function inShard(relativePath: string, shard: Shard): boolean {
  const hash = createHash('sha1').update(relativePath).digest().readUInt32BE(0);
  return hash % shard.count === shard.index - 1;
}
