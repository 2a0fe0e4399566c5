// Project-level readiness checks, run by `shipshape readiness` and the editor's readiness check.
import type { ProjectCheck } from '../../engine/project/types';
import { ciConfig } from './ci-config';
import { coverageThreshold } from './coverage-threshold';
import { envIgnored } from './env-ignored';
import { healthEndpoint } from './health-endpoint';
import { lockfile } from './lockfile';
import { pinnedDependencies } from './pinned-dependencies';
import { processHandlers } from './process-handlers';
import { serverTimeouts } from './server-timeouts';
import { structuredLogging } from './structured-logging';
import { testsPresent } from './tests-present';

export const readinessChecks: readonly ProjectCheck[] = [
  testsPresent,
  ciConfig,
  lockfile,
  envIgnored,
  processHandlers,
  healthEndpoint,
  structuredLogging,
  serverTimeouts,
  pinnedDependencies,
  coverageThreshold,
];
