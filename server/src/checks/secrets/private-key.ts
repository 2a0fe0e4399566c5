// secrets/private-key: PEM and OpenSSH private key blocks (rule data in rules/secrets.yml).
import type { Check } from '../../engine/types';
import { builtInSecretRules } from './rule-pack';
import { scanForSecrets } from './scan';

const rule = builtInSecretRules.find((r) => r.id === 'secrets/private-key')!;

export const privateKey: Check = {
  meta: {
    id: rule.id,
    family: 'secrets',
    title: rule.title,
    rationale: rule.description,
    remedy:
      'Remove the key from the code and load it at run time from a secrets manager or an environment variable (kept in a git-ignored `.env` locally). Then rotate it: it is in the history of every clone.',
    defaultSeverity: 'error',
    languages: '*',
    // The docs show the shape, not key material (the rule's real examples live in rules/secrets.yml).
    examples: {
      bad: ['const key = `-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA… (base64 key material) …\n-----END RSA PRIVATE KEY-----`;'],
      good: ['const key = process.env.SIGNING_KEY;'],
    },
  },
  run(context) {
    for (const match of scanForSecrets(context.document.text, [rule])) {
      const kind = /BEGIN ([A-Z0-9 ]*?)\s*PRIVATE KEY/.exec(match.value)?.[1]?.trim();
      const lines = match.value.split(/\r?\n|\\n/).length;
      context.report({
        ruleId: rule.id,
        start: match.start,
        end: match.end,
        message: `Hardcoded private key${kind ? ` (${kind})` : ''}, a ${lines}-line block: anyone who can read this repository can use it. Load it at run time from a secrets manager or environment variable, then rotate it.`,
        secretValue: match.value,
      });
    }
  },
};
