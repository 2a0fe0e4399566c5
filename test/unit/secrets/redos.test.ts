// Built-in secret patterns run in V8's backtracking engine for speed, so each must be free of
// catastrophic backtracking: checked with the recheck ReDoS analyser. Workspace patterns run in RE2.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from 'recheck';
import { builtInSecretRules } from '../../../server/src/checks/secrets/rule-pack';

// Patterns found safe are remembered in node_modules/.cache (never committed; a clean checkout, as in
// CI, checks all of them): the analysis costs half a minute of CPU, and a pattern that changes is
// checked again because the key is the pattern itself and the analyser's version.
const CACHE = path.resolve(__dirname, '../../../node_modules/.cache/shipshape/redos-safe.json');
const RECHECK_VERSION = (JSON.parse(fs.readFileSync(require.resolve('recheck/package.json'), 'utf8')) as { version: string }).version;
const keyOf = (regex: RegExp) => createHash('sha256').update(`${RECHECK_VERSION}\0${regex.source}\0${regex.flags}`).digest('hex');
function readCache(): Set<string> {
  try {
    return new Set(JSON.parse(fs.readFileSync(CACHE, 'utf8')) as string[]);
  } catch {
    return new Set();
  }
}

// The verdict must not depend on how busy the machine is: recheck's default limits are wall-clock
// times (an attack that runs over 1 s on a loaded machine counts as vulnerable), so only its step
// limits decide here, with a fixed seed for its fuzzer. The test's own timeout is the hang guard.
const ANALYSER_OPTIONS = { timeout: null, attackTimeout: null, incubationTimeout: null, randomSeed: 20261129 } as const;

describe('secret patterns and ReDoS', function () {
  this.timeout(600000);

  it('the analyser catches a known catastrophic pattern (the check can fail)', async () => {
    assert.equal((await check('^(a+)+$', '', ANALYSER_OPTIONS)).status, 'vulnerable');
  });

  it('every built-in pattern is safe', async function () {
    // Under mutation testing this checks data, not mutated code, and costs half a minute per run.
    if ('__stryker__' in globalThis) this.skip();
    const known = readCache();
    const patterns = builtInSecretRules.map((rule) => ({ id: rule.id, regex: rule.kind === 'pattern' ? rule.regex : rule.value })).filter(({ regex }) => !known.has(keyOf(regex)));
    const unsafe: string[] = [];
    // Two at a time: this machine has two cores.
    for (let i = 0; i < patterns.length; i += 2) {
      const results = await Promise.all(patterns.slice(i, i + 2).map(async ({ id, regex }) => [id, (await check(regex.source, regex.flags.replace('g', ''), ANALYSER_OPTIONS)).status] as const));
      for (const [id, status] of results) if (status !== 'safe') unsafe.push(`${id}: ${status}`);
    }
    assert.deepEqual(unsafe, []);
    for (const { regex } of patterns) known.add(keyOf(regex));
    fs.mkdirSync(path.dirname(CACHE), { recursive: true });
    fs.writeFileSync(CACHE, JSON.stringify([...known]));
  });
});
