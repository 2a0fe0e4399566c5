// A notebook's cells run in one interpreter: a cell uses what another imported (`import requests` in the
// first cell, `requests.get(url)` in the third) or defined (`async def load()` in one cell, `load()`
// dropped in another). Each cell is analysed on its own (document-file.ts), so the Python rules that know
// an API by its import, or a coroutine function by its `async def`, would not see it. The imports of the
// notebook's other open cells, and a stub of each of their top-level coroutine functions, are appended
// after the cell's text for its analysis: appended, so that every position in the cell stays what it
// is, and findings or fixes that fall in the appended lines are dropped.
import { URI } from 'vscode-uri';
import type { Finding } from '../engine/index';

/** The notebook a cell belongs to (its URI without the cell's fragment), or undefined for any other document. */
export function notebookOf(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'vscode-notebook-cell' ? parsed.with({ fragment: '' }).toString() : undefined;
}

// Top-level imports: `import a, b as c`, `from x import y`, `from x import (y,\n z)`.
const PYTHON_IMPORT = /^(?:import[ \t]+[^\n#]+|from[ \t]+[\w.]+[ \t]+import[ \t]+(?:\([^)]*\)|[^\n#]+))/gm;

/** The import statements of a Python cell, one per line. */
export function pythonImports(text: string): string {
  return [...text.matchAll(PYTHON_IMPORT)].map((match) => match[0].replace(/\s+/g, ' ').trim()).join('\n');
}

const TOP_LEVEL_COROUTINE = /^async[ \t]+def[ \t]+(\w+)/gm;

/** What other cells read of this one: its imports, and a stub of each of its top-level coroutine functions. */
export function cellContext(text: string): string {
  const stubs = [...text.matchAll(TOP_LEVEL_COROUTINE)].map((match) => `async def ${match[1]}(*args, **kwargs): ...`);
  return [pythonImports(text), ...stubs].filter(Boolean).join('\n');
}

/** The text a cell is analysed as: its own, then the imports of the other cells. */
export function withContext(cellText: string, context: string): string {
  if (!context) return cellText;
  return `${cellText}${cellText.endsWith('\n') ? '' : '\n'}${context}\n`;
}

/**
 * The findings that lie in the cell itself (`cellText`, before the context withContext appended), each
 * without the fixes that would edit the appended lines (none of them is the user's text).
 */
export function findingsInCell(findings: Finding[], cellPath: string, cellText: string): Finding[] {
  const lines = cellText.split('\n').length - (cellText.endsWith('\n') ? 1 : 0);
  const inCell = (line: number) => line <= lines;
  return findings
    .filter((finding) => inCell(finding.line))
    .map((finding) => {
      if (!finding.fixes?.length) return finding;
      const fixes = finding.fixes.filter((fix) => fix.changes.every((change) => change.path !== cellPath || inCell(change.endLine)));
      return fixes.length === finding.fixes.length ? finding : { ...finding, fixes };
    });
}
