// Secret rules a workspace defines in shipshape.yml (`secrets.custom`). Their regexes come from the
// workspace, so they run in a linear-time engine (RE2, via re2js): a catastrophic pattern cannot hang
// the editor. In an untrusted workspace they wait for trust, like everything else the workspace defines.
import { RE2JS } from 're2js';
import type { ShipshapeConfig } from '../../engine/config/model';
import { shannonEntropy } from './entropy';
import { isPlaceholder } from './noise';

export const CUSTOM_RULE_ID = 'secrets/custom';

export interface CustomSecretRule {
  id: string;
  description?: string;
  regex: string;
  keywords?: string[];
  entropy?: number;
  severity?: 'off' | 'info' | 'warning' | 'error';
}

interface CompiledCustomRule {
  rule: CustomSecretRule;
  pattern: RE2JS;
  keywords: string[];
}

export interface CustomMatch {
  rule: CustomSecretRule;
  start: number;
  end: number;
  value: string;
}

const compiled = new WeakMap<ShipshapeConfig, CompiledCustomRule[]>();

/** Compiles a workspace pattern, or says why it cannot (shown on the config file by the parser). */
export function compileCustomPattern(regex: string): RE2JS | string {
  try {
    return RE2JS.compile(regex);
  } catch (error) {
    return (error as Error).message;
  }
}

function rulesOf(config: ShipshapeConfig): CompiledCustomRule[] {
  let rules = compiled.get(config);
  if (!rules) {
    rules = [];
    for (const rule of (config.secrets?.custom ?? []) as CustomSecretRule[]) {
      const pattern = compileCustomPattern(rule.regex);
      if (typeof pattern !== 'string') rules.push({ rule, pattern, keywords: (rule.keywords ?? []).map((k) => k.toLowerCase()) });
    }
    compiled.set(config, rules);
  }
  return rules;
}

export function scanCustomRules(text: string, lower: string, config: ShipshapeConfig): CustomMatch[] {
  const matches: CustomMatch[] = [];
  for (const { rule, pattern, keywords } of rulesOf(config)) {
    if (rule.severity === 'off') continue;
    if (keywords.length > 0 && !keywords.some((keyword) => lower.includes(keyword))) continue;
    const matcher = pattern.matcher(text);
    while (matcher.find()) {
      // The first group is the secret when the pattern has one, else the whole match.
      const group = matcher.groupCount() >= 1 && matcher.group(1) !== null ? 1 : 0;
      const value = matcher.group(group) ?? '';
      if (!value || isPlaceholder(value) || (rule.entropy !== undefined && shannonEntropy(value) < rule.entropy)) continue;
      matches.push({ rule, start: matcher.start(group), end: matcher.end(group), value });
    }
  }
  return matches;
}
