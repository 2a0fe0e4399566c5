// Quality gates from `gates:` in shipshape.yml, and a score per family. A gate passes or fails with
// its numbers, so the verdict reads like an error budget: "12 of 25 warnings used".
import type { Finding, RuleMeta } from '../types';

export interface GatesConfig {
  maxErrors?: number;
  maxWarnings?: number;
  secrets?: number;
  newOnly?: boolean;
  required?: string[];
}

/** When shipshape.yml has no `gates:`, no error and no secret may ship. */
export const DEFAULT_GATES: GatesConfig = { maxErrors: 0, secrets: 0 };

export interface GateResult {
  id: string;
  passed: boolean;
  actual: number;
  limit: number;
  message: string;
}

export interface GateVerdict {
  passed: boolean;
  gates: GateResult[];
  /** 0–100 per family: 100 minus 10 per error, 3 per warning, 1 per info (readiness: share of checks passing). */
  scores: Record<string, number>;
  /** Whether baselined findings were left out of the counts (`newOnly`). */
  newOnly: boolean;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * `findings` are every finding of the run (inline-suppressed ones are ignored; baselined ones count
 * unless `newOnly`). `readinessRules` are the enabled project checks, for `required` and the score.
 */
export function evaluateGates(findings: Finding[], config: GatesConfig | undefined, readinessRules: RuleMeta[], enabledRuleIds: ReadonlySet<string>): GateVerdict {
  const gates = { ...(config ?? DEFAULT_GATES) };
  const newOnly = gates.newOnly ?? false;
  const counted = findings.filter((f) => !f.suppressed || (!newOnly && f.suppressed.kind === 'baseline'));
  const errors = counted.filter((f) => f.severity === 'error').length;
  const warnings = counted.filter((f) => f.severity === 'warning').length;
  const secrets = counted.filter((f) => f.family === 'secrets').length;
  const scope = newOnly ? 'new ' : '';
  const results: GateResult[] = [];
  if (gates.maxErrors !== undefined) {
    results.push({ id: 'maxErrors', passed: errors <= gates.maxErrors, actual: errors, limit: gates.maxErrors, message: `${errors} of ${gates.maxErrors} ${scope}errors allowed` });
  }
  if (gates.maxWarnings !== undefined) {
    results.push({ id: 'maxWarnings', passed: warnings <= gates.maxWarnings, actual: warnings, limit: gates.maxWarnings, message: `${warnings} of ${gates.maxWarnings} ${scope}warnings used` });
  }
  if (gates.secrets !== undefined) {
    results.push({ id: 'secrets', passed: secrets <= gates.secrets, actual: secrets, limit: gates.secrets, message: `${plural(secrets, `${scope}secret`)} (at most ${gates.secrets}, whatever the severity)` });
  }
  for (const ruleId of gates.required ?? []) {
    const failing = findings.filter((f) => f.ruleId === ruleId && f.suppressed?.kind !== 'inline').length;
    const enabled = enabledRuleIds.has(ruleId);
    results.push({
      id: `required:${ruleId}`,
      passed: enabled && failing === 0,
      actual: failing,
      limit: 0,
      message: !enabled ? `${ruleId} is required but switched off or unknown` : failing === 0 ? `${ruleId} passes` : `${ruleId} fails (${plural(failing, 'finding')})`,
    });
  }
  return { passed: results.every((r) => r.passed), gates: results, scores: familyScores(counted, readinessRules), newOnly };
}

function familyScores(findings: Finding[], readinessRules: RuleMeta[]): Record<string, number> {
  const scores: Record<string, number> = {};
  for (const family of ['failure', 'secrets', 'architecture']) {
    const own = findings.filter((f) => f.family === family);
    const penalty = own.reduce((sum, f) => sum + (f.severity === 'error' ? 10 : f.severity === 'warning' ? 3 : 1), 0);
    scores[family] = Math.max(0, 100 - penalty);
  }
  if (readinessRules.length > 0) {
    const failing = new Set(findings.filter((f) => f.family === 'readiness').map((f) => f.ruleId));
    scores.readiness = Math.round((100 * readinessRules.filter((r) => !failing.has(r.id)).length) / readinessRules.length);
  }
  return scores;
}
