// Engine findings and config problems to LSP diagnostics (0-based positions, same UTF-16 columns).
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { ConfigProblem, Finding } from '../engine/index';
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
    data: { fingerprint: finding.fingerprint },
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
