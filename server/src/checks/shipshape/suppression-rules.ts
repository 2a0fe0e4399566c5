// The engine's own findings about suppression comments. They are produced by the suppression pass in
// engine.ts, not by a syntax walk; declaring them here gives them docs, a default severity and a switch.
import { BUDGET_EXCEEDED_RULE, SUPPRESSION_REASON_RULE, TOO_MANY_FINDINGS_RULE, UNUSED_SUPPRESSION_RULE } from '../../engine/engine';
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

export const budgetExceeded: Check = {
  meta: {
    id: BUDGET_EXCEEDED_RULE,
    family: 'shipshape',
    title: 'Analysis budget exceeded',
    rationale: 'Each file gets a time budget (limits.timeBudgetMs) so one pathological file cannot stall the editor or CI. When it runs out, the remaining rules are skipped and this finding names them, so nothing is silently unchecked.',
    remedy: 'Raise `limits.timeBudgetMs` in shipshape.yml, or exclude generated files with `ignore:`.',
    defaultSeverity: 'info',
    languages: '*',
    examples: { bad: ['(a 5 MB generated file that takes longer than the budget)'], good: ['ignore: [src/generated/**]'] },
  },
  run() {},
};

export const tooManyFindings: Check = {
  meta: {
    id: TOO_MANY_FINDINGS_RULE,
    family: 'shipshape',
    title: 'Too many findings in one file',
    rationale: 'Findings per file are capped (limits.maxFindingsPerFile) so a file full of problems stays readable in the editor; this notice says how many were left out.',
    remedy: 'Fix the findings shown first, or raise `limits.maxFindingsPerFile`.',
    defaultSeverity: 'info',
    languages: '*',
    examples: { bad: ['(a file with 500 findings)'], good: ['(a file with fewer findings than the cap)'] },
  },
  run() {},
};
