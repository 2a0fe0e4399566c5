// The engine's own findings about suppression comments. They are produced by the suppression pass in
// engine.ts, not by a syntax walk; declaring them here gives them docs, a default severity and a switch.
import { SUPPRESSION_REASON_RULE, UNUSED_SUPPRESSION_RULE } from '../../engine/engine';
import type { Check } from '../../engine/types';

export const suppressionReason: Check = {
  meta: {
    id: SUPPRESSION_REASON_RULE,
    family: 'shipshape',
    title: 'Suppression without a reason',
    rationale:
      'A suppression hides a finding from everyone who reads the code later. Without a reason, a reviewer cannot tell a deliberate, safe exception from a problem someone wanted to make go away.',
    remedy: 'Write the reason after `--`: `shipshape-ignore-next-line failure/empty-catch -- the cache is optional; a miss is fine`.',
    defaultSeverity: 'warning',
    languages: '*',
    examples: {
      bad: ['// shipshape-ignore-next-line failure/empty-catch\ntry { warm(); } catch {}'],
      good: ['// shipshape-ignore-next-line failure/empty-catch -- warming is best effort\ntry { warm(); } catch {}'],
    },
  },
  run() {},
};

export const unusedSuppression: Check = {
  meta: {
    id: UNUSED_SUPPRESSION_RULE,
    family: 'shipshape',
    title: 'Suppression that suppresses nothing',
    rationale:
      'A suppression left behind after the code changed no longer hides anything today, but it will silently hide the next real problem on that line.',
    remedy: 'Delete the suppression comment (or fix the rule id it names).',
    defaultSeverity: 'warning',
    languages: '*',
    examples: {
      bad: ['// shipshape-ignore-next-line failure/empty-catch -- legacy\nconst x = 1;'],
      good: ['const x = 1;'],
    },
  },
  run() {},
};
