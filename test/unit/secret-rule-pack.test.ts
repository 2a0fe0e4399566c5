// Every rule in rules/secrets.yml carries examples that must and must not match; a rule without both
// kinds fails here. Examples run through the public engine, with the rule's own id expected.
import * as assert from 'node:assert/strict';
import { builtInSecretRules, parseRulePack } from '../../server/src/checks/secrets/rule-pack';
import { analyse, visible } from '../helpers/engine';

describe('secret rule pack (rules/secrets.yml)', () => {
  it('has rules', () => assert.ok(builtInSecretRules.length > 0));

  for (const rule of builtInSecretRules) {
    // Rules limited to some files (`paths`) get their examples in a file of that kind.
    const filename = rule.paths ? rule.paths[0].replace('*', 'example') : 'example.txt';
    describe(rule.id, () => {
      it('has examples of both kinds', () => {
        assert.ok(rule.examples?.match?.length > 0, `${rule.id} has no match examples`);
        assert.ok(rule.examples?.noMatch?.length > 0, `${rule.id} has no noMatch examples`);
      });
      rule.examples.match.forEach((example, index) => {
        it(`finds match example #${index}`, () => {
          const found = visible(analyse(example, { filename })).filter((f) => f.ruleId === rule.id);
          assert.equal(found.length, 1, `expected one ${rule.id} finding in ${JSON.stringify(example)}`);
        });
      });
      rule.examples.noMatch.forEach((example, index) => {
        it(`ignores noMatch example #${index}`, () => {
          const found = visible(analyse(example, { filename })).filter((f) => f.family === 'secrets');
          assert.deepEqual(found.map((f) => f.ruleId), []);
        });
      });
    });
  }

  it('rejects a rule pack with a bad id or an unknown validator', () => {
    assert.throws(() => parseRulePack('rules:\n  - id: Secrets/X\n    keywords: [a]\n    pattern: a\n'), /bad id/);
    assert.throws(() => parseRulePack('rules:\n  - id: secrets/x\n    keywords: [a]\n    pattern: a\n    validate: nope\n'), /unknown validator/);
    assert.throws(() => parseRulePack('rules:\n  - id: secrets/x\n    keywords: []\n    pattern: a\n'), /needs keywords/);
  });
});
