// The docs examples of secrets/generic-credential are what the rule does: each bad example is reported by
// it, no good one by any secrets rule. The examples are Python or TypeScript (by their syntax).
import * as assert from 'node:assert/strict';
import { secretsCheck } from '../../../server/src/checks/secrets/secrets-check';
import { analyse, visible } from '../../helpers/engine';

describe('secrets/generic-credential docs examples', () => {
  const meta = secretsCheck.alsoReports!.find((m) => m.id === 'secrets/generic-credential');
  const secretsIn = (code: string) => visible(analyse(code, { filename: /^(?:const|let|import) /.test(code) ? 'src/example.ts' : 'app/example.py' })).filter((f) => f.family === 'secrets');

  it('reports every bad example and no good one', () => {
    assert.ok(meta, 'the rule is registered');
    assert.ok(meta.examples.bad.length >= 2 && meta.examples.good.length >= 2);
    for (const code of meta.examples.bad) assert.deepEqual(secretsIn(code).map((f) => f.ruleId), ['secrets/generic-credential'], code);
    for (const code of meta.examples.good) assert.deepEqual(secretsIn(code), [], code);
  });
});
