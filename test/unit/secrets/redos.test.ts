// Built-in secret patterns run in V8's backtracking engine for speed, so each must be free of
// catastrophic backtracking: checked with the recheck ReDoS analyser (test/helpers/redos.ts). Workspace
// patterns run in RE2.
import * as assert from 'node:assert/strict';
import { builtInSecretRules } from '../../../server/src/checks/secrets/rule-pack';
import { rejectedExpressions } from '../../helpers/redos';

const CACHE = 'redos-safe.json';
const safeOnly = (result: { status: string }) => result.status === 'safe';

describe('secret patterns and ReDoS', function () {
  this.timeout(600000);

  it('the analyser catches a known catastrophic pattern (the check can fail)', async () => {
    assert.deepEqual(await rejectedExpressions([{ where: 'known', source: '^(a+)+$', flags: '' }], CACHE, safeOnly), ['known /^(a+)+$/: vulnerable']);
  });

  it('every built-in pattern is safe', async function () {
    // Under mutation testing this checks data, not mutated code, and costs half a minute per run.
    if ('__stryker__' in globalThis) this.skip();
    const patterns = builtInSecretRules.flatMap((rule) =>
      [...(rule.kind === 'pattern' ? [rule.regex] : rule.kind === 'keyed' ? [rule.value] : []), ...rule.publicValues].map((regex) => ({ where: rule.id, source: regex.source, flags: regex.flags })),
    );
    assert.deepEqual(await rejectedExpressions(patterns, CACHE, safeOnly), []);
  });
});
