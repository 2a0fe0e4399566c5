// The primer: a short, deterministic hand-over for a fresh AI session, built from the config, rule
// metadata, the open findings and the files a session touched. No model is called, nothing is read
// here: callers pass what they know (the CLI reads files and git, the server its diagnostics).
import * as path from 'node:path';
import type { LoadedConfig } from '../config/model';
import type { Finding, RuleMeta } from '../types';
import { architectureConstraints, headline, ruleConstraints, type PrimerConstraint } from './constraints';

export interface PrimerInput {
  config: LoadedConfig;
  /** Every rule the engine knows (`engine.rules`); the enabled ones become instructions. */
  rules: readonly RuleMeta[];
  /** Open findings; only those in `filesTouched` are listed when that is given. Suppressed ones are skipped. */
  findings?: readonly Finding[];
  /** Files the session touched (absolute, or relative to `root`). */
  filesTouched?: readonly string[];
  /** The project's test command (see `testCommandOf`), listed under verification. */
  testCommand?: string;
  /** Free text the user fills in: what the fresh session should do, and what has been decided. */
  task?: string;
  decisions?: readonly string[];
  /** What went wrong in the session being replaced, one sentence each (from the session tracker). */
  evidence?: readonly string[];
  /** Paths are shown relative to this folder (default: the config folder). */
  root?: string;
}

export interface Primer {
  constraints: PrimerConstraint[];
  task?: string;
  decisions: string[];
  evidence: string[];
  filesTouched: string[];
  /** `path:line rule: headline of the message`, at most MAX_FINDINGS. */
  findings: string[];
  moreFindings: number;
  verify: string[];
}

export const MAX_FINDINGS = 8;
const MAX_FILES = 12;

export function buildPrimer(input: PrimerInput): Primer {
  const root = input.root ?? input.config.dir;
  const rel = (file: string) => (path.isAbsolute(file) ? path.relative(root, file) : file).split(path.sep).join('/');
  const touched = input.filesTouched ? [...new Set(input.filesTouched.map((f) => (path.isAbsolute(f) ? f : path.resolve(root, f))))] : undefined;
  const touchedSet = touched ? new Set(touched) : undefined;
  const open = (input.findings ?? [])
    .filter((f) => !f.suppressed && (!touchedSet || touchedSet.has(f.file)))
    .sort((a, b) => rel(a.file).localeCompare(rel(b.file)) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
  const verify = [input.testCommand, 'shipshape readiness'].filter((c): c is string => !!c);
  return {
    constraints: [...architectureConstraints(input.config.config, input.rules), ...ruleConstraints(input.config.config, input.rules)],
    task: input.task?.trim() || undefined,
    decisions: (input.decisions ?? []).map((d) => d.trim()).filter(Boolean),
    evidence: [...(input.evidence ?? [])],
    filesTouched: (touched ?? []).map(rel).sort().slice(0, MAX_FILES),
    findings: open.slice(0, MAX_FINDINGS).map((f) => `${rel(f.file)}:${f.line} ${f.ruleId}: ${headline(f.message)}`),
    moreFindings: Math.max(0, open.length - MAX_FINDINGS),
    verify,
  };
}

/**
 * The command that runs a project's tests, from its package.json text (data, never run here): the
 * package manager is told by the lockfile present. Undefined when there is no real `scripts.test`.
 */
export function testCommandOf(packageJsonText: string | undefined, lockfiles: readonly string[] = []): string | undefined {
  if (!packageJsonText) return undefined;
  let scripts: unknown;
  try {
    scripts = (JSON.parse(packageJsonText) as { scripts?: unknown })?.scripts;
  } catch {
    return undefined;
  }
  const test = (scripts as Record<string, unknown> | undefined)?.test;
  // npm init's placeholder fails on purpose: it is not a test command.
  if (typeof test !== 'string' || !test.trim() || /no test specified/.test(test)) return undefined;
  if (lockfiles.includes('pnpm-lock.yaml')) return 'pnpm test';
  if (lockfiles.includes('yarn.lock')) return 'yarn test';
  if (lockfiles.includes('bun.lockb') || lockfiles.includes('bun.lock')) return 'bun test';
  return 'npm test';
}
