// The CLI's report: findings relativised to the base folder, sorted, counted. Every output format
// renders this one object, so they cannot disagree.
import * as path from 'node:path';
import { compareFindings, type Finding } from '../engine/index';
import type { WorkspaceRun } from './workspace-run';

export interface ReportFinding {
  ruleId: string;
  family: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  fingerprint: string;
}

export interface CheckReport {
  version: 1;
  findings: ReportFinding[];
  summary: {
    filesScanned: number;
    filesSkipped: Record<string, number>;
    bySeverity: Record<string, number>;
    byFamily: Record<string, number>;
    /** Findings left out because an inline suppression, the config or the baseline covers them. */
    suppressed: number;
    baselined: number;
  };
}

export function buildReport(run: WorkspaceRun, baseDir: string): CheckReport {
  const shown = run.findings.filter((f) => !f.suppressed).map((f) => ({ ...f, file: relativeTo(baseDir, f.file) }));
  shown.sort(compareFindings);
  const bySeverity: Record<string, number> = { error: 0, warning: 0, info: 0 };
  const byFamily: Record<string, number> = {};
  for (const finding of shown) {
    bySeverity[finding.severity]++;
    byFamily[finding.family] = (byFamily[finding.family] ?? 0) + 1;
  }
  return {
    version: 1,
    findings: shown.map(toReportFinding),
    summary: {
      filesScanned: run.filesScanned,
      filesSkipped: run.filesSkipped,
      bySeverity,
      byFamily,
      suppressed: run.findings.filter((f) => f.suppressed && f.suppressed.kind !== 'baseline').length,
      baselined: run.findings.filter((f) => f.suppressed?.kind === 'baseline').length,
    },
  };
}

function toReportFinding(f: Finding): ReportFinding {
  return {
    ruleId: f.ruleId,
    family: f.family,
    severity: f.severity,
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    message: f.message,
    fingerprint: f.fingerprint,
  };
}

export function relativeTo(baseDir: string, file: string): string {
  const relative = path.relative(baseDir, file).split(path.sep).join('/');
  return relative === '' ? path.basename(file) : relative;
}
