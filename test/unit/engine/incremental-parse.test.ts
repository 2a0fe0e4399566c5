// The editor path reparses a document from the tree of its previous version (engine.analyze with
// `previousTree`). Whatever the edits, the findings must be exactly those of a fresh parse.
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { DiskHost } from '../../../server/src/engine/host';
import type { Finding } from '../../../server/src/engine/index';
import { applyRandomEdit, THROWING_EDITS, TWO_TRIES, WRONG_TREE_EDITS } from '../../helpers/broken-edits';
import { engine, loadedConfig, TEST_SALT } from '../../helpers/engine';

const file = path.join(os.tmpdir(), 'incremental', 'src', 'orders.ts');
const config = loadedConfig(undefined, path.dirname(path.dirname(file)));
const host = new DiskHost();

function analyze(text: string, previousTree?: import('typescript').SourceFile) {
  return engine.analyze({ document: { path: file, text, language: 'typescript' }, config, host, salt: TEST_SALT, previousTree });
}
const hasSyntaxErrors = (tree: import('typescript').SourceFile) => (tree as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length > 0;
const shape = (findings: Finding[]) => findings.map((f) => `${f.ruleId} ${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.fingerprint}`);

const BASE = TWO_TRIES;

describe('incremental reparse (previousTree)', () => {
  it('finds an empty catch typed into the middle of a file, and forgets it when it is removed', () => {
    const first = analyze(BASE);
    assert.equal(first.findings.length, 1);
    const inserted = BASE.replace('export function save', 'try { a(); } catch {}\nexport function save');
    const second = analyze(inserted, first.tree);
    assert.deepEqual(shape(second.findings), shape(analyze(inserted).findings));
    assert.equal(second.findings.length, 2);
    const third = analyze(BASE, second.tree);
    assert.deepEqual(shape(third.findings), shape(first.findings));
  });

  // The property below found it (seed -1700718177): TypeScript's incremental parser, built on a tree
  // with syntax errors, kept the second function's body out of line with the text, so the empty catch
  // got another try statement and another fingerprint. Such a tree is provisional (the server analyses
  // the text afresh once typing pauses); one built on an error-free tree is not.
  it('marks a tree built on a broken tree provisional, and only such a tree', () => {
    let text = BASE;
    let tree = analyze(text).tree;
    let brokenBefore = false;
    for (const edit of WRONG_TREE_EDITS) {
      text = applyRandomEdit(text, edit).text;
      const incremental = analyze(text, tree);
      const fresh = analyze(text);
      assert.equal(fresh.provisional, undefined);
      if (!incremental.provisional) assert.deepEqual(shape(incremental.findings), shape(fresh.findings));
      // Provisional from the first tree built on a broken one, until a fresh parse.
      brokenBefore ||= hasSyntaxErrors(tree!);
      assert.equal(incremental.provisional ?? false, brokenBefore, text);
      tree = incremental.tree;
    }
    assert.equal(analyze(text).findings.filter((f) => f.ruleId === 'failure/empty-catch').length, 1);
  });

  // The same run with another last edit: there TypeScript's incremental parser throws
  // (`Debug Failure. Expected 236 <= 233`), and the text is parsed afresh instead.
  it('parses afresh when the incremental parser throws', () => {
    let text = BASE;
    let result = analyze(text);
    for (const edit of THROWING_EDITS) {
      text = applyRandomEdit(text, edit).text;
      result = analyze(text, result.tree);
    }
    assert.equal(result.provisional, undefined);
    assert.deepEqual(shape(result.findings), shape(analyze(text).findings));
  });

  it('gives the findings of a fresh parse after any sequence of edits, unless the tree is provisional', () => {
    let checked = 0;
    let provisional = 0;
    const pieces = ['try {} catch {}', '{', '}', '(', ')', '\n', 'catch', "'", '`', '/*', '*/', 'x', ' ', ';', 'async () => {}'];
    const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: fc.constantFrom(...pieces) });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        let text = BASE;
        let tree = analyze(text).tree;
        for (const { at, remove, insert } of edits) {
          const start = at % (text.length + 1);
          text = text.slice(0, start) + insert + text.slice(start + remove);
          const incremental = analyze(text, tree);
          // A provisional tree may differ (see above); the server redoes it from a fresh parse.
          if (incremental.provisional) provisional++;
          else assert.deepEqual(shape(incremental.findings), shape(analyze(text).findings));
          tree = incremental.tree;
          checked++;
        }
      }),
      { numRuns: 200 },
    );
    // Every sequence starts from an error-free tree, so its first result is compared at least.
    assert.ok(checked - provisional >= 200, `${checked - provisional} of ${checked} results compared`);
  });
});
