// The hover that explains an architecture finding: the broken constraint and what the file may
// import. A pure function of the finding and its config; the server wires it up.
import type { Hover, Position } from 'vscode-languageserver';
import { explainArchitectureFinding, type Finding, type LoadedConfig } from '../engine/index';

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
