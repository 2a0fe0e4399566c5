// Built-in secret patterns run in V8's backtracking engine for speed, so each must be free of
// catastrophic backtracking: checked with the recheck ReDoS analyser. Workspace patterns run in RE2.
import * as assert from 'node:assert/strict';
import { check } from 'recheck';
import { builtInSecretRules } from '../../../server/src/checks/secrets/rule-pack';

describe('secret patterns and ReDoS', function () {
  this.timeout(180000);

  it('the analyser catches a known catastrophic pattern (the check can fail)', async () => {
    assert.equal((await check('^(a+)+$', '')).status, 'vulnerable');
  });

  it('every built-in pattern is safe', async function () {
    // Under mutation testing this checks data, not mutated code, and costs half a minute per run.
    if ('__stryker__' in globalThis) this.skip();
    const patterns = builtInSecretRules.map((rule) => ({ id: rule.id, regex: rule.kind === 'pattern' ? rule.regex : rule.value }));
    const unsafe: string[] = [];
    // Two at a time: this machine has two cores.
    for (let i = 0; i < patterns.length; i += 2) {
      const results = await Promise.all(patterns.slice(i, i + 2).map(async ({ id, regex }) => [id, (await check(regex.source, regex.flags.replace('g', ''), { timeout: 20000 })).status] as const));
      for (const [id, status] of results) if (status !== 'safe') unsafe.push(`${id}: ${status}`);
    }
    assert.deepEqual(unsafe, []);
  });
});
