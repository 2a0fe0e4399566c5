// LSP features built on one finding: the "add to baseline" edit and the hover that explains an
// architecture finding. Pure functions of the finding and its config; the server wires them up.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Hover, Position, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { baselineTextWith } from '../engine/baseline';
import { explainArchitectureFinding, toRelativePosix, type Finding, type LoadedConfig } from '../engine/index';
import { BASELINE_PATH } from '../engine/salt';

export const ADD_TO_BASELINE_TITLE = 'Add this finding to the baseline';

/** The baseline file with one more accepted occurrence of the finding; created when there is none. */
export function addToBaselineEdit(finding: Finding, loaded: LoadedConfig, salt: string): WorkspaceEdit {
  const baselinePath = path.join(loaded.dir, BASELINE_PATH);
  const uri = URI.file(baselinePath).toString();
  let existing: string | undefined;
  try {
    existing = fs.readFileSync(baselinePath, 'utf8');
  } catch {
    existing = undefined;
  }
  const text = baselineTextWith(existing, finding, toRelativePosix(loaded.dir, finding.file), salt);
  const start = { line: 0, character: 0 };
  if (existing === undefined) {
    return { documentChanges: [{ kind: 'create', uri, options: { ignoreIfExists: true } }, { textDocument: { uri, version: null }, edits: [{ range: { start, end: start }, newText: text }] }] };
  }
  const end = TextDocument.create(uri, 'json', 0, existing).positionAt(existing.length);
  return { changes: { [uri]: [{ range: { start, end }, newText: text }] } };
}

/** Hover on an architecture finding under the cursor: the broken constraint and what this file may import. */
export function architectureHover(findings: Finding[], position: Position, loaded: LoadedConfig): Hover | null {
  const line = position.line + 1;
  const column = position.character + 1;
  const finding = findings.find((f) => f.family === 'architecture' && !f.suppressed
    && (line > f.line || (line === f.line && column >= f.column)) && (line < f.endLine || (line === f.endLine && column < f.endColumn)));
  const value = finding && explainArchitectureFinding(finding, loaded);
  if (!finding || !value) return null;
  return {
    contents: { kind: 'markdown', value },
    range: { start: { line: finding.line - 1, character: finding.column - 1 }, end: { line: finding.endLine - 1, character: finding.endColumn - 1 } },
  };
}
