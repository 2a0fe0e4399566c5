// The CLI's reports: findings relativised to the base folder, sorted, counted. Every output format
// renders these objects, so they cannot disagree.
import * as path from 'node:path';
import { compareFindings } from '../engine';
import type { Finding } from '../types';
import type { WorkspaceRun } from '../workspace/run';

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
  /** A history scan's finding (`check --history`): the commit that added it; line and column are in that commit's version. */
  commit?: string;
}

/** A finding with its suppression state, for formats that show suppressed findings too (SARIF). */
export interface AnnotatedFinding extends ReportFinding {
  baselineState: 'new' | 'unchanged';
  suppression?: { kind: 'inSource' | 'external'; justification?: string };
}

export interface ReportSummary {
  filesScanned: number;
  filesSkipped: Record<string, number>;
  bySeverity: Record<string, number>;
  byFamily: Record<string, number>;
  /** Findings left out because an inline suppression or the config covers them. */
  suppressed: number;
  /** Findings left out because the baseline covers them. */
  baselined: number;
  /** With --cache: files whose results came from the cache, and files analysed. */
  cache?: { hits: number; misses: number };
}

export interface CheckReport {
  version: 1;
  findings: ReportFinding[];
  summary: ReportSummary;
}

export function buildReport(run: WorkspaceRun, baseDir: string): CheckReport {
  const shown = annotate(run.findings, baseDir).filter((f) => f.baselineState === 'new' && !f.suppression);
  return { version: 1, findings: shown.map(toReportFinding), summary: summarise(run, shown) };
}

/** Every finding relativised and sorted, with its baseline and suppression state. */
export function annotate(findings: Finding[], baseDir: string): AnnotatedFinding[] {
  const relativised = findings.map((f) => ({ ...f, file: relativeTo(baseDir, f.file) }));
  relativised.sort(compareFindings);
  return relativised.map((f) => ({
    ...toReportFinding(f),
    baselineState: f.suppressed?.kind === 'baseline' ? 'unchanged' : 'new',
    ...(f.suppressed && f.suppressed.kind !== 'baseline'
      ? { suppression: { kind: f.suppressed.kind === 'inline' ? 'inSource' : 'external', justification: f.suppressed.reason } }
      : {}),
  }));
}

export function summarise(run: Pick<WorkspaceRun, 'filesScanned' | 'filesSkipped' | 'findings'>, shown: ReportFinding[]): ReportSummary {
  const bySeverity: Record<string, number> = { error: 0, warning: 0, info: 0 };
  const byFamily: Record<string, number> = {};
  for (const finding of shown) {
    bySeverity[finding.severity]++;
    byFamily[finding.family] = (byFamily[finding.family] ?? 0) + 1;
  }
  return {
    filesScanned: run.filesScanned,
    filesSkipped: run.filesSkipped,
    bySeverity,
    byFamily,
    suppressed: run.findings.filter((f) => f.suppressed && f.suppressed.kind !== 'baseline').length,
    baselined: run.findings.filter((f) => f.suppressed?.kind === 'baseline').length,
  };
}

export function toReportFinding(f: ReportFinding): ReportFinding {
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
    ...(f.commit ? { commit: f.commit } : {}),
  };
}

export function relativeTo(baseDir: string, file: string): string {
  const relative = path.relative(baseDir, file).split(path.sep).join('/');
  return relative === '' ? path.basename(file) : relative;
}
