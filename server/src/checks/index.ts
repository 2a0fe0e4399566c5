// The built-in checks, one file per rule, grouped by family folder.
import type { Check } from '../engine/types';
import type { Summarizer } from '../engine/workspace/index';
import { importCycle } from './architecture/cycle';
import { forbiddenPackage } from './architecture/forbidden-package';
import { importsSummarizer } from './architecture/import-graph';
import { layerImport } from './architecture/layer-import';
export { readinessChecks } from './readiness/index';
import { publicApi } from './architecture/public-api';
import { unresolvedImport } from './architecture/unresolved-import';
import { emptyCatch } from './failure/empty-catch';
import { swallowedError } from './failure/swallowed-error';
import { throwNonError } from './failure/throw-non-error';
import { networkTimeout } from './failure/network-timeout';
import { apiExportsSummarizer } from './failure/api-exports';
import { unguardedParse } from './failure/unguarded-parse';
import { unboundedConcurrency } from './failure/unbounded-concurrency';
import { retryWithoutBackoff } from './failure/retry-without-backoff';
import { secretsCheck } from './secrets/secrets-check';
import { asyncExportsSummarizer } from './failure/async-exports';
import { pythonCoroutinesSummarizer } from './failure/python/coroutine-exports';
import { floatingPromise } from './failure/floating-promise';
import { asyncCallback } from './failure/async-callback';
import { returnWithoutAwait } from './failure/return-without-await';
import { budgetExceeded, suppressionReason, tooManyFindings, unusedSuppression } from './shipshape/suppression-rules';

export const builtInChecks: readonly Check[] = [
  emptyCatch,
  secretsCheck,
  layerImport,
  forbiddenPackage,
  publicApi,
  importCycle,
  unresolvedImport,
  suppressionReason,
  unusedSuppression,
  budgetExceeded,
  tooManyFindings,
  swallowedError,
  throwNonError,
  networkTimeout,
  floatingPromise,
  asyncCallback,
  returnWithoutAwait,
  unguardedParse,
  unboundedConcurrency,
  retryWithoutBackoff,
];

/** Per-file facts the workspace index keeps for cross-file rules (import graph, async exports…). */
export const builtInSummarizers: readonly Summarizer[] = [importsSummarizer, apiExportsSummarizer, asyncExportsSummarizer, pythonCoroutinesSummarizer];
