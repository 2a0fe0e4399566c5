// The pure parts of reading a notebook cell with the other cells' imports (server/src/lsp/notebook-context.ts).
import * as assert from 'node:assert/strict';
import type { Finding } from '../../../server/src/engine/index';
import { cellContext, findingsInCell, notebookOf, pythonImports, withContext } from '../../../server/src/lsp/notebook-context';

const finding = (line: number, fixLines: number[][] = []): Finding =>
  ({
    ruleId: 'failure/network-timeout',
    line,
    column: 1,
    endLine: line,
    endColumn: 2,
    fixes: fixLines.map((lines, i) => ({ title: `fix ${i}`, changes: lines.map((l) => ({ path: '/w/nb.ipynb.py', line: l, column: 1, endLine: l, endColumn: 1, newText: 'x' })) })),
  }) as unknown as Finding;

describe('notebook cell context', () => {
  it('collects top-level imports, parenthesised ones whole, and nothing indented or commented', () => {
    assert.equal(pythonImports('import os, sys\nfrom a.b import (\n  c,\n  d,\n)\n  import hidden\n# import commented\nx = 1  # import not\nfrom e import f as g  # why\n'), 'import os, sys\nfrom a.b import ( c, d, )\nfrom e import f as g');
  });

  it('gives other cells the imports and a stub of each top-level coroutine function, not nested ones', () => {
    assert.equal(cellContext('import asyncio\nasync def load(url):\n    async def inner():\n        pass\ndef plain():\n    pass\n'), 'import asyncio\nasync def load(*args, **kwargs): ...');
    assert.equal(cellContext('x = 1\n'), '');
  });

  it('appends the context after the cell, on a line of its own', () => {
    assert.equal(withContext('a = 1', 'import os'), 'a = 1\nimport os\n');
    assert.equal(withContext('a = 1\n', 'import os'), 'a = 1\nimport os\n');
    assert.equal(withContext('a = 1', ''), 'a = 1');
  });

  it('keeps the findings and fixes of the cell\'s own lines', () => {
    const kept = findingsInCell([finding(1, [[1], [1, 3]]), finding(2), finding(3)], '/w/nb.ipynb.py', 'a = 1\nb = 2\n');
    assert.deepEqual(kept.map((f) => [f.line, (f.fixes ?? []).map((x) => x.title)]), [[1, ['fix 0']], [2, []]]);
  });

  it('names the notebook of a cell, and nothing for other documents', () => {
    assert.equal(notebookOf('vscode-notebook-cell:/w/nb.ipynb#W0sZmlsZQ%3D%3D'), notebookOf('vscode-notebook-cell:/w/nb.ipynb#W1sZmlsZQ%3D%3D'));
    assert.notEqual(notebookOf('vscode-notebook-cell:/w/nb.ipynb#W0sZmlsZQ%3D%3D'), notebookOf('vscode-notebook-cell:/w/other.ipynb#W0sZmlsZQ%3D%3D'));
    assert.equal(notebookOf('file:///w/nb.py'), undefined);
  });
});
