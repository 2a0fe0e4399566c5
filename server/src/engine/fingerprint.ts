// The one definition of a finding's fingerprint, shared by baselines, SARIF and de-duplication:
// rule id + path relative to the config folder + the normalised offending text, never line numbers.
import { createHash, createHmac } from 'node:crypto';

export function fingerprint(ruleId: string, relativePath: string, offendingText: string): string {
  return createHash('sha256')
    .update(`${ruleId}\n${relativePath}\n${normaliseText(offendingText)}`)
    .digest('hex')
    .slice(0, 16);
}

/**
 * A secret is hashed with a per-repository salt before it enters the fingerprint, so a fingerprint of a
 * weak password cannot be reversed with a dictionary by someone who sees only reports.
 */
export function secretDigest(salt: string, secretValue: string): string {
  return createHmac('sha256', salt).update(secretValue).digest('hex');
}

/** Whitespace runs collapse so re-indenting code does not change fingerprints. */
function normaliseText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
