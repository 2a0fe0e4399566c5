// architecture/unresolved-import: a local import (relative, `#x`, a tsconfig alias, a workspace
// package) that matches no file. Reported once per import, as info: the other architecture rules
// cannot see where it leads, so a violation behind it would go unreported.
import type { Check } from '../../engine/types';
import { resolvedReferences } from './references';

export const UNRESOLVED_IMPORT_RULE = 'architecture/unresolved-import';

export const unresolvedImport: Check = {
  meta: {
    id: UNRESOLVED_IMPORT_RULE,
    family: 'architecture',
    title: 'Local import that resolves to no file',
    rationale:
      'Layer, public-API and cycle rules follow imports to files. An import that resolves to nothing (a typo, a file not created yet, an alias the tsconfig does not declare, a workspace package without sources) is invisible to them, so whatever it reaches goes unchecked; in production it is a failed module load.',
    remedy:
      'Fix the path or create the file. For an alias, declare it in tsconfig.json `paths` or package.json `imports`; for a workspace package, make its package.json `exports` or `main` point at a file that exists.',
    defaultSeverity: 'info',
    languages: ['typescript', 'javascript', 'python'],
    examples: {
      bad: ['import { pool } from "./db/pol"; // no such file'],
      good: ['import { pool } from "./db/pool";'],
    },
  },
  run(context) {
    if (!context.config.architecture) return;
    for (const reference of resolvedReferences(context)) {
      if (reference.resolution.kind !== 'unresolved') continue;
      context.report({
        ruleId: UNRESOLVED_IMPORT_RULE,
        start: reference.start,
        end: reference.end,
        message: `Cannot resolve '${reference.specifier}': ${reference.resolution.reason}. Architecture rules cannot follow this import, so a layer violation or cycle through it goes unreported.`,
        fingerprintText: reference.specifier,
      });
    }
  },
};
