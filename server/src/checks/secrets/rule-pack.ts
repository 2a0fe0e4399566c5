// Loads the built-in secret rules from rules/secrets.yml (inlined into the bundle) and checks their
// shape once at start-up, so a broken rule pack fails loudly in tests rather than silently in use.
import { parse } from 'yaml';
import packText from '../../../../rules/secrets.yml';
import { validators, type Validator } from './validators';

export interface SecretRuleData {
  id: string;
  title: string;
  description: string;
  keywords: string[];
  pattern: string;
  validate?: string;
  examples: { match: string[]; noMatch: string[] };
}

export interface SecretRule extends SecretRuleData {
  regex: RegExp;
  validator?: Validator;
}

export function parseRulePack(text: string): SecretRule[] {
  const data = parse(text) as { rules?: SecretRuleData[] };
  if (!data || !Array.isArray(data.rules)) throw new Error('secret rule pack: missing `rules` list');
  return data.rules.map((rule) => {
    if (!/^secrets\/[a-z0-9-]+$/.test(rule.id)) throw new Error(`secret rule pack: bad id '${rule.id}'`);
    if (!Array.isArray(rule.keywords) || rule.keywords.length === 0) throw new Error(`${rule.id}: needs keywords`);
    if (rule.validate && !validators[rule.validate]) throw new Error(`${rule.id}: unknown validator '${rule.validate}'`);
    return {
      ...rule,
      keywords: rule.keywords.map((k) => k.toLowerCase()),
      regex: new RegExp(rule.pattern, 'g'),
      validator: rule.validate ? validators[rule.validate] : undefined,
    };
  });
}

export const builtInSecretRules: SecretRule[] = parseRulePack(packText);
