// The recheck ReDoS analyser as the tests use it: step limits only, with a fixed seed, so the verdict
// does not depend on how busy the machine is (recheck's default limits are wall-clock times, and an
// attack that runs over 1 s on a loaded machine would count as vulnerable). Expressions found
// acceptable are remembered in node_modules/.cache (never committed; a clean checkout, as in CI, checks
// all of them), keyed by the expression and the analyser's version: the analysis costs minutes of CPU.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, type Diagnostics } from 'recheck';

export interface Expression {
  /** Where it comes from, for the failure message. */
  where: string;
  source: string;
  flags: string;
}

const ANALYSER_OPTIONS = { timeout: null, attackTimeout: null, incubationTimeout: null, randomSeed: 20261129 } as const;
const RECHECK_VERSION = (JSON.parse(fs.readFileSync(require.resolve('recheck/package.json'), 'utf8')) as { version: string }).version;

/**
 * The expressions `acceptable` rejects, as `where /source/: status`. Each is analysed (two at a time:
 * this machine has two cores) unless the cache named `cacheName` holds it; the acceptable ones are added.
 */
export async function rejectedExpressions(expressions: readonly Expression[], cacheName: string, acceptable: (result: Diagnostics) => boolean): Promise<string[]> {
  const cache = path.resolve(__dirname, '../../node_modules/.cache/shipshape', cacheName);
  const keyOf = (e: Expression) => createHash('sha256').update(`${RECHECK_VERSION}\0${e.source}\0${e.flags}`).digest('hex');
  let known: Set<string>;
  try {
    known = new Set(JSON.parse(fs.readFileSync(cache, 'utf8')) as string[]);
  } catch {
    known = new Set();
  }
  const unchecked = expressions.filter((e) => !known.has(keyOf(e)));
  const rejected: string[] = [];
  for (let i = 0; i < unchecked.length; i += 2) {
    await Promise.all(
      unchecked.slice(i, i + 2).map(async (e) => {
        // `g`, `y` and `d` change where matching starts or what it reports, not how it backtracks.
        const result = await check(e.source, e.flags.replace(/[gyd]/g, ''), ANALYSER_OPTIONS);
        if (acceptable(result)) known.add(keyOf(e));
        else rejected.push(`${e.where} /${e.source}/: ${result.status}`);
      }),
    );
  }
  fs.mkdirSync(path.dirname(cache), { recursive: true });
  fs.writeFileSync(cache, JSON.stringify([...known]));
  return rejected;
}
