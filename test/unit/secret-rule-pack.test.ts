// Every rule in rules/secrets.yml carries examples that must and must not match; a rule without both
// kinds fails here. Examples run through the public engine, with the rule's own id expected.
import * as assert from 'node:assert/strict';
import { builtInSecretRules, parseRulePack } from '../../server/src/checks/secrets/rule-pack';
import { analyse, visible } from '../helpers/engine';

// The start of a PKCS#12 file as a text decoder reads it: a DER sequence, NUL bytes among the rest.
const KEY_STORE_BYTES = '0\u0082\u0009\u0000\u0002\u0001\u00030\u0082\u0008\u00c6';

describe('secret rule pack (rules/secrets.yml)', () => {
  it('has rules', () => assert.ok(builtInSecretRules.length > 0));

  for (const rule of builtInSecretRules) {
    // Rules limited to some files (`paths`) get their examples in a file of that kind. A rule that finds
    // a file by its name (`files`) has paths for examples: each is a binary file at that path.
    const filename = rule.paths ? rule.paths[0].replace('*', 'example') : 'example.txt';
    const analyseExample = (example: string) => (rule.kind === 'file' ? analyse(KEY_STORE_BYTES, { filename: example }) : analyse(example, { filename }));
    describe(rule.id, () => {
      it('has examples of both kinds', () => {
        assert.ok(rule.examples?.match?.length > 0, `${rule.id} has no match examples`);
        assert.ok(rule.examples?.noMatch?.length > 0, `${rule.id} has no noMatch examples`);
      });
      rule.examples.match.forEach((example, index) => {
        it(`finds match example #${index}`, () => {
          const found = visible(analyseExample(example)).filter((f) => f.ruleId === rule.id);
          assert.equal(found.length, 1, `expected one ${rule.id} finding in ${JSON.stringify(example)}`);
        });
      });
      rule.examples.noMatch.forEach((example, index) => {
        it(`ignores noMatch example #${index}`, () => {
          const found = visible(analyseExample(example)).filter((f) => f.family === 'secrets');
          assert.deepEqual(found.map((f) => f.ruleId), []);
        });
      });
    });
  }

  it('rejects a rule pack with a bad id or an unknown validator', () => {
    assert.throws(() => parseRulePack('rules:\n  - id: Secrets/X\n    keywords: [a]\n    pattern: a\n'), /bad id/);
    assert.throws(() => parseRulePack('rules:\n  - id: secrets/x\n    keywords: [a]\n    pattern: a\n    validate: nope\n'), /unknown validator/);
    assert.throws(() => parseRulePack('rules:\n  - id: secrets/x\n    keywords: []\n    pattern: a\n'), /needs keywords/);
    assert.throws(() => parseRulePack('rules:\n  - id: secrets/x\n    files: []\n'), /needs file names/);
  });
});
