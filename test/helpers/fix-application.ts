// Applying a finding's quick fix to the analysed text the way an editor would, and checking that the
// result still parses (TypeScript parse diagnostics, or tree-sitter without ERROR nodes).
import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import { withSyntaxTree } from '../../server/src/engine/grammar/index';
import type { Finding, Fix } from '../../server/src/engine/types';

/** The text after applying every change of `fix` that targets the analysed file. */
export function applyFixToText(text: string, fix: Fix): string {
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)];
  const offset = (line: number, column: number) => (lineStarts[line - 1] ?? text.length) + column - 1;
  let result = text;
  for (const change of [...fix.changes].sort((a, b) => offset(b.line, b.column) - offset(a.line, a.column))) {
    result = result.slice(0, offset(change.line, change.column)) + change.newText + result.slice(offset(change.endLine, change.endColumn));
  }
  return result;
}

/** Fails unless `text` parses cleanly as the language of `filename`. */
export function assertParses(text: string, filename: string): void {
  if (filename.endsWith('.py')) {
    const broken = withSyntaxTree('python', text, (root) => root.hasError);
    assert.equal(broken, false, `the fixed Python does not parse:\n${text}`);
    return;
  }
  const kind = /\.[cm]?jsx?$/.test(filename) ? ts.ScriptKind.JS : filename.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(filename, text, ts.ScriptTarget.Latest, true, kind);
  const diagnostics = (source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  assert.deepEqual(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')), [], `the fixed code does not parse:\n${text}`);
}

/** The one fix of a finding, asserting there is exactly one. */
export function onlyFix(finding: Finding | undefined): Fix {
  assert.ok(finding, 'expected a finding');
  assert.equal(finding.fixes?.length, 1, `expected one fix, got ${JSON.stringify(finding.fixes)}`);
  return finding.fixes![0];
}
