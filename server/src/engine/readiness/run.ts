// The readiness review: every finding of the given files, the project-level checks and the quality
// gates from shipshape.yml, as one verdict. Shared by `shipshape readiness` and the editor's command.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyBaseline, readBaseline } from '../baseline';
import { createConfigStore } from '../index';
import type { LoadedConfig } from '../config/model';
import type { Engine } from '../engine';
import { ConfigError } from '../errors';
import { annotate, relativeTo, summarise, type AnnotatedFinding, type ReportSummary } from '../report/report';
import type { Finding } from '../types';
import { runWorkspaceParallel } from '../workspace/parallel';
import { evaluateGates, type GatesConfig, type GateVerdict } from './gates';

/** A slice of the files for one CI runner (`--shard k/n`); index is 1-based. */
export interface Shard {
  index: number;
  count: number;
}

export interface ProjectCheckResult {
  ruleId: string;
  title: string;
  status: 'pass' | 'fail' | 'off';
  severity?: string;
  message?: string;
  file?: string;
  line?: number;
}

export interface ReadinessReport {
  version: 1;
  kind: 'readiness';
  verdict: GateVerdict;
  /** Findings that are not suppressed inline; baselined ones have baselineState "unchanged". */
  findings: AnnotatedFinding[];
  projectChecks: ProjectCheckResult[];
  summary: ReportSummary;
  /** The gates in force, so `shipshape merge` can recompute the verdict over shards. */
  gatesConfig: GatesConfig;
  shard?: Shard;
  changedSince?: string;
}

export interface ReadinessOptions {
  /** The folder reviewed; paths in the report are relative to it. */
  dir: string;
  /** The files to analyse (already selected: all, changed, staged or one shard's). */
  files: string[];
  rootConfig: LoadedConfig;
  configFile?: string;
  contentOverride?: Map<string, string>;
  shard?: Shard;
  changedSince?: string;
  /** Whether git may be read (trusted workspace). */
  allowGit: boolean;
  /** Where problems that do not stop the review go (a rule that threw). */
  warn(message: string): void;
  onProgress?(done: number, total: number): void;
  /** Result cache folder (`--cache`). */
  cacheDir?: string;
  workers?: number;
}

export async function runReadiness(engine: Engine, options: ReadinessOptions): Promise<{ report: ReadinessReport; inlineSuppressed: AnnotatedFinding[] }> {
  const dir = path.resolve(options.dir);
  const { files, contentOverride, rootConfig } = options;
  const run = await runWorkspaceParallel(engine, { files, configFile: options.configFile, contentOverride, applyBaseline: true, allowGit: options.allowGit, onProgress: options.onProgress, cacheDir: options.cacheDir, workers: options.workers });
  // Project-level checks belong to the whole project: the first shard reports them.
  const projectChecks: ProjectCheckResult[] = [];
  if (!options.shard || options.shard.index === 1) {
    const project = engine.analyzeProject(rootConfig, { allowGit: options.allowGit });
    for (const error of project.errors) options.warn(`readiness check ${error.ruleId} failed: ${error.message}`);
    applyBaseline(project.findings, readBaseline(rootConfig.dir));
    run.findings.push(...project.findings);
    for (const check of engine.projectChecks) {
      const finding = project.findings.find((f) => f.ruleId === check.meta.id);
      const enabled = project.findings.some((f) => f.ruleId === check.meta.id) || isEnabled(engine, rootConfig, check.meta.id);
      projectChecks.push({
        ruleId: check.meta.id,
        title: check.meta.title,
        status: !enabled ? 'off' : finding ? 'fail' : 'pass',
        ...(finding ? { severity: finding.severity, message: finding.message, file: relativeTo(dir, finding.file), line: finding.line } : {}),
      });
    }
  }

  const gatesConfig = (rootConfig.config.gates as GatesConfig | undefined) ?? { maxErrors: 0, secrets: 0 };
  const enabledRuleIds = new Set(engine.rules.filter((rule) => isEnabled(engine, rootConfig, rule.id)).map((rule) => rule.id));
  const verdict = evaluateGates(run.findings, gatesConfig, engine.projectChecks.map((c) => c.meta).filter((m) => enabledRuleIds.has(m.id)), enabledRuleIds);
  const annotated = annotate(run.findings, dir);
  const findings = annotated.filter((f) => !f.suppression);
  const report: ReadinessReport = {
    version: 1,
    kind: 'readiness',
    verdict,
    findings,
    projectChecks,
    summary: summarise(run, findings.filter((f) => f.baselineState === 'new')),
    gatesConfig,
    ...(options.shard ? { shard: options.shard } : {}),
    ...(options.changedSince ? { changedSince: options.changedSince } : {}),
  };
  for (const error of run.errors) options.warn(`rule ${error.ruleId} failed on ${relativeTo(dir, error.file)}: ${error.message}`);
  return { report, inlineSuppressed: annotated.filter((f) => f.suppression) };
}

function isEnabled(engine: Engine, loaded: LoadedConfig, ruleId: string): boolean {
  const meta = engine.ruleMeta(ruleId);
  if (!meta) return false;
  const setting = loaded.config.rules[ruleId];
  const exact = typeof setting === 'string' ? setting : setting?.severity;
  if (exact !== undefined) return exact !== 'off';
  const family = loaded.config.rules[`${meta.family}/*`];
  const familySeverity = typeof family === 'string' ? family : family?.severity;
  return (familySeverity ?? meta.defaultSeverity) !== 'off';
}

export function loadRootConfig(engine: Engine, dir: string, configFile?: string): LoadedConfig {
  const store = createConfigStore({ readText: (p) => (fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : undefined) }, engine);
  const loaded = configFile ? store.load(path.resolve(configFile)) : store.configFor(path.join(dir, '.shipshape-probe'));
  const errors = loaded.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new ConfigError(errors.map((p) => `${loaded.path}:${p.line}:${p.column}: ${p.message}`).join('\n'));
  return loaded;
}

/** Combines shard reports into one: findings de-duplicated, verdict recomputed over the whole. */
export function mergeReadiness(reports: ReadinessReport[]): ReadinessReport {
  const seen = new Set<string>();
  const findings: AnnotatedFinding[] = [];
  for (const report of reports) {
    for (const finding of report.findings) {
      // The same finding in two inputs (a shard merged twice, project checks repeated) counts once.
      const key = `${finding.fingerprint}:${finding.file}:${finding.line}:${finding.column}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(finding);
    }
  }
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId)));
  const projectChecks = reports.find((r) => r.projectChecks.length > 0)?.projectChecks ?? [];
  const gatesConfig = reports[0].gatesConfig;
  const asFindings = findings.map((f) => ({ ...f, family: f.family as Finding['family'], severity: f.severity as Finding['severity'], suppressed: f.baselineState === 'unchanged' ? { kind: 'baseline' as const } : undefined }));
  const readinessRules = projectChecks.filter((c) => c.status !== 'off').map((c) => ({ id: c.ruleId }) as { id: string });
  // A required rule is on when some shard ran it: that shard's own gate for it passed or counted findings
  // (a gate that failed with none says the rule was off there).
  const ranInAShard = (id: string) => reports.some((r) => r.verdict.gates.some((g) => g.id === `required:${id}` && (g.passed || g.actual > 0)));
  const enabled = new Set([...readinessRules.map((r) => r.id), ...findings.map((f) => f.ruleId), ...(gatesConfig.required ?? []).filter((id) => !id.startsWith('readiness/') && ranInAShard(id))]);
  const verdict = evaluateGates(asFindings as unknown as Finding[], gatesConfig, readinessRules as never, enabled);
  const sum = (pick: (r: ReadinessReport) => number) => reports.reduce((total, r) => total + pick(r), 0);
  const filesSkipped: Record<string, number> = {};
  for (const report of reports) for (const [reason, n] of Object.entries(report.summary.filesSkipped)) filesSkipped[reason] = (filesSkipped[reason] ?? 0) + n;
  const shownNew = findings.filter((f) => f.baselineState === 'new');
  const summary = summarise({ filesScanned: sum((r) => r.summary.filesScanned), filesSkipped, findings: [] }, shownNew);
  summary.suppressed = sum((r) => r.summary.suppressed);
  summary.baselined = findings.length - shownNew.length;
  return { version: 1, kind: 'readiness', verdict, findings, projectChecks, summary, gatesConfig };
}
