// The docs examples of the network-timeout, unguarded-parse, unbounded-concurrency and
// retry-without-backoff rules are what the rules do: each bad example is flagged, each good one is not.
import * as assert from 'node:assert/strict';
import { builtInChecks } from '../../../server/src/checks/index';
import { preparePythonImports } from '../../../server/src/engine/index';
import { analyse, visible } from '../../helpers/engine';

const RULES = ['failure/network-timeout', 'failure/unguarded-parse', 'failure/unbounded-concurrency', 'failure/retry-without-backoff'];

describe('failure rule docs examples (network, parse, concurrency, retry)', () => {
  before(() => preparePythonImports());
  for (const ruleId of RULES) {
    const check = builtInChecks.find((c) => c.meta.id === ruleId);
    it(`${ruleId}: bad examples are flagged, good ones are not`, () => {
      assert.ok(check, `${ruleId} is registered`);
      const run = (code: string) => {
        const filename = /^(?:import|from) (?:requests|httpx)\b/.test(code) ? 'app/example.py' : 'src/example.ts';
        return visible(analyse(code, { filename })).filter((f) => f.ruleId === ruleId).length;
      };
      for (const code of check.meta.examples.bad) assert.ok(run(code) > 0, `not flagged:\n${code}`);
      for (const code of check.meta.examples.good) assert.equal(run(code), 0, `flagged:\n${code}`);
    });
  }
});
