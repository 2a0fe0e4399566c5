// Severity and option resolution. Precedence, highest first: an inline suppression (handled by the
// suppression pass), the `rules` entry for the exact id, a per-constraint severity reported by the
// check, the family switch (`secrets/*`), the rule's default.
import type { RuleSetting, ShipshapeConfig } from './config/model';
import type { RuleMeta, SeveritySetting } from './types';

function severityOf(setting: RuleSetting | undefined): SeveritySetting | undefined {
  if (setting === undefined) return undefined;
  return typeof setting === 'string' ? setting : setting.severity;
}

export function resolveSeverity(meta: RuleMeta, config: ShipshapeConfig, constraintSeverity?: SeveritySetting): SeveritySetting {
  return (
    severityOf(config.rules[meta.id]) ??
    constraintSeverity ??
    severityOf(config.rules[`${meta.family}/*`]) ??
    meta.defaultSeverity
  );
}

/** Whether a rule can produce anything at all under this config (a constraint may still switch it on). */
export function isRuleEnabled(meta: RuleMeta, config: ShipshapeConfig): boolean {
  const exact = severityOf(config.rules[meta.id]);
  if (exact !== undefined) return exact !== 'off';
  if ((severityOf(config.rules[`${meta.family}/*`]) ?? meta.defaultSeverity) !== 'off') return true;
  // A family switched off can still be re-enabled by a per-constraint severity (architecture).
  return meta.family === 'architecture' && (config.architecture?.constraints ?? []).some((c) => c.severity !== undefined && c.severity !== 'off');
}

export function ruleOptions(meta: RuleMeta, config: ShipshapeConfig): Record<string, unknown> {
  const setting = config.rules[meta.id];
  const configured = typeof setting === 'object' ? (setting.options ?? {}) : {};
  const defaults: Record<string, unknown> = {};
  for (const [name, option] of Object.entries(meta.options ?? {})) defaults[name] = option.default;
  return { ...defaults, ...configured };
}
