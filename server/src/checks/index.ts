// The built-in checks, one file per rule, grouped by family folder.
import type { Check } from '../engine/types';
import type { Summarizer } from '../engine/workspace/index';
import { importCycle } from './architecture/cycle';
import { forbiddenPackage } from './architecture/forbidden-package';
import { importsSummarizer } from './architecture/import-graph';
import { layerImport } from './architecture/layer-import';
import { publicApi } from './architecture/public-api';
import { unresolvedImport } from './architecture/unresolved-import';
import { emptyCatch } from './failure/empty-catch';
import { privateKey } from './secrets/private-key';
import { suppressionReason, unusedSuppression } from './shipshape/suppression-rules';

export const builtInChecks: readonly Check[] = [
  emptyCatch,
  privateKey,
  layerImport,
  forbiddenPackage,
  publicApi,
  importCycle,
  unresolvedImport,
  suppressionReason,
  unusedSuppression,
];

/** Per-file facts the workspace index keeps for cross-file rules (import graph, async exports…). */
export const builtInSummarizers: readonly Summarizer[] = [importsSummarizer];
