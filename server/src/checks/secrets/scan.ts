// The secrets pass: one keyword prefilter per rule over the lower-cased text, then the rule's regex.
import type { SecretRule } from './rule-pack';

export interface SecretMatch {
  rule: SecretRule;
  start: number;
  end: number;
  value: string;
}

export function scanForSecrets(text: string, rules: readonly SecretRule[]): SecretMatch[] {
  const lower = text.toLowerCase();
  const matches: SecretMatch[] = [];
  for (const rule of rules) {
    if (!rule.keywords.some((keyword) => lower.includes(keyword))) continue;
    rule.regex.lastIndex = 0;
    for (const match of text.matchAll(rule.regex)) {
      const value = match.groups?.secret ?? match[0];
      if (!value || (rule.validator && !rule.validator(value))) continue;
      const start = match.index! + (match.groups?.secret !== undefined ? match[0].indexOf(value) : 0);
      matches.push({ rule, start, end: start + value.length, value });
    }
  }
  return matches;
}
