// Engine findings and config problems to LSP diagnostics (0-based positions, same UTF-16 columns).
import { DiagnosticSeverity, type Diagnostic, type TextDocumentEdit, type CreateFile, type WorkspaceEdit, type TextEdit } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { ConfigProblem, Finding } from '../engine/index';
import type { Fix } from '../engine/types';
import { DIAGNOSTIC_SOURCE } from './protocol';

const SEVERITY: Record<string, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function findingToDiagnostic(finding: Finding, docLink: string): Diagnostic {
  return {
    range: {
      start: { line: finding.line - 1, character: finding.column - 1 },
      end: { line: finding.endLine - 1, character: finding.endColumn - 1 },
    },
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    codeDescription: { href: docLink },
    message: finding.message,
    // constraintKey: which configured constraint is broken, for the client's session tracker.
    data: { fingerprint: finding.fingerprint, ...(finding.constraintKey ? { constraintKey: finding.constraintKey } : {}) },
  };
}

export function configProblemToDiagnostic(problem: ConfigProblem): Diagnostic {
  return {
    range: {
      start: { line: problem.line - 1, character: problem.column - 1 },
      end: { line: problem.endLine - 1, character: problem.endColumn - 1 },
    },
    severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    code: 'shipshape/config',
    message: problem.severity === 'error' ? `${problem.message} (analysis uses the last valid configuration until this is fixed)` : problem.message,
  };
}

/** A fix as a workspace edit: files it creates first, then one text edit per file. */
export function fixToWorkspaceEdit(fix: Fix, uriOf: (filePath: string) => string = (filePath) => URI.file(filePath).toString()): WorkspaceEdit {
  const byFile = new Map<string, TextEdit[]>();
  for (const change of fix.changes) {
    const uri = uriOf(change.path);
    const edits = byFile.get(uri) ?? [];
    edits.push({
      range: { start: { line: change.line - 1, character: change.column - 1 }, end: { line: change.endLine - 1, character: change.endColumn - 1 } },
      newText: change.newText,
    });
    byFile.set(uri, edits);
  }
  if (!fix.createFiles?.length) return { changes: Object.fromEntries(byFile) };
  const creates: CreateFile[] = fix.createFiles.map((filePath) => ({ kind: 'create', uri: uriOf(filePath), options: { ignoreIfExists: true } }));
  const edits: TextDocumentEdit[] = [...byFile].map(([uri, fileEdits]) => ({ textDocument: { uri, version: null }, edits: fileEdits }));
  return { documentChanges: [...creates, ...edits] };
}
