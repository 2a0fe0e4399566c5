// withSyntaxTree keeps the last tree for the next call with the same text (the Python rules share one
// parse per analysis), frees it when another text comes, and never frees a tree a reader is still
// using: a text parsed from inside a read (another module, read on demand) gets a tree of its own.
import * as assert from 'node:assert/strict';
import { loadGrammar, releaseSyntaxTrees, withSyntaxTree } from '../../../server/src/engine/grammar/index';

describe('syntax trees: one parse per text, safe inside a read', () => {
  before(() => loadGrammar('python'));
  afterEach(() => releaseSyntaxTrees());

  it('hands the same tree to every reader of the same text, and a new one for another text', () => {
    const a = 'import os\nx = 1\n';
    const first = withSyntaxTree('python', a, (_root, tree) => tree);
    const again = withSyntaxTree('python', a, (_root, tree) => tree);
    assert.equal(again, first, 'the same text is not parsed twice');
    const other = withSyntaxTree('python', 'y = 2\n', (_root, tree) => tree);
    assert.notEqual(other, first);
    assert.equal(withSyntaxTree('python', 'y = 2\n', (root) => root.descendantsOfType('assignment').length), 1);
  });

  it('keeps the tree a reader holds while another text is parsed inside the read', () => {
    const outer = 'def f():\n    return g()\n\ndef g():\n    pass\n';
    const result = withSyntaxTree('python', outer, (root) => {
      const before = root.descendantsOfType('function_definition').length;
      const inner = withSyntaxTree('python', 'import json\n', (innerRoot) => innerRoot.descendantsOfType('import_statement').length);
      // The outer tree must still be alive and whole after the inner parse.
      const after = root.descendantsOfType('function_definition').map((node) => node?.childForFieldName('name')?.text);
      return { before, inner, after };
    });
    assert.deepEqual(result, { before: 2, inner: 1, after: ['f', 'g'] });
    // And it is still the kept tree: a later reader of the outer text reads it without a new parse.
    const names = withSyntaxTree('python', outer, (root) => root.descendantsOfType('function_definition').length);
    assert.equal(names, 2);
  });
});
