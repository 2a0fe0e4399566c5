// The batches of `npm run mutation` (scripts/mutation.mjs): one Stryker run each, with its own report
// and incremental file. Together they cover stryker.config.json's `mutate` (the engine and the checks).
// `tests` narrows the unit tests a batch runs to the ones written for that code: a check runs inside
// every analysis, so without it each of its mutants would be tried against nearly the whole unit suite
// (slow on two cores). Narrowing can only lower a score: a mutant killed only by an unrelated test counts
// as survived. The engine batches run the engine's own tests, not the rule tables (nor the slow randomized
// incremental-parse test under test/unit/engine, which takes seconds and reaches every engine mutant).
const RULES = (...names) => names.map((name) => `test/unit/rules/${name}*.test.ts`);
const ARCHITECTURE_RULES = RULES('cycle', 'forbidden-package', 'layer-import', 'public-api', 'python-imports', 'unresolved-import');
const ARCHITECTURE_TESTS = ['test/unit/architecture/**/*.test.ts', ...ARCHITECTURE_RULES, 'test/unit/workspace-index.test.ts', 'test/unit/engine/host-index.test.ts'];
const FAILURE_RULES = RULES('async-callback', 'empty-catch', 'failure-fixes', 'failure-network-examples', 'floating-promise', 'network-timeout', 'retry-without-backoff', 'swallowed-error', 'throw-non-error', 'unbounded-concurrency', 'unguarded-parse');

// The engine's core (analysis, config, suppressions, primer) and its workspace half (runs, readiness,
// reports, project checks) each with the tests written for them; the workspace tests analyse whole
// projects and would make every core mutant slow to try.
const UNIT = (...names) => names.map((name) => `test/unit/${name}.test.ts`);
const ENGINE_CORE_TESTS = [...UNIT('engine/engine-analyze', 'engine/engine-entry', 'engine/config-problems', 'engine/config-positions', 'engine/suppression-edit', 'engine/host-index', 'config', 'suppressions', 'suppressions-detail', 'fingerprint', 'workspace-index', 'incremental-parse', 'architecture/explain', 'rules/python-imports'), 'test/unit/primer/**/*.test.ts'];
const ENGINE_WORKSPACE_TESTS = UNIT('engine/workspace-run', 'engine/result-cache', 'engine/file-walk', 'engine/project-files', 'engine/readiness-report', 'readiness-checks', 'readiness-evidence', 'readiness-details', 'no-network', 'workspace-index');

export const BATCHES = [
  {
    name: 'engine',
    mutate: ['server/src/engine/*.ts', '!server/src/engine/{baseline,salt,docs}.ts', 'server/src/engine/config/**/*.ts', 'server/src/engine/grammar/**/*.ts', 'server/src/engine/primer/**/*.ts'],
    tests: ENGINE_CORE_TESTS,
  },
  {
    name: 'engine-workspace',
    mutate: ['server/src/engine/{baseline,salt,docs}.ts', 'server/src/engine/workspace/**/*.ts', 'server/src/engine/readiness/**/*.ts', 'server/src/engine/report/**/*.ts', 'server/src/engine/project/**/*.ts'],
    tests: ENGINE_WORKSPACE_TESTS,
  },
  {
    name: 'checks-architecture',
    mutate: ['server/src/checks/architecture/**/*.ts', '!server/src/checks/architecture/{code-lexer,scan-imports,imports}.ts'],
    tests: ARCHITECTURE_TESTS,
  },
  // The import scanner apart: its mutants are tried against a scan of every source file of the repository
  // (and many loop mutants time out), so it is the slowest batch.
  { name: 'checks-architecture-scanner', mutate: ['server/src/checks/architecture/{code-lexer,scan-imports,imports}.ts'], tests: ARCHITECTURE_TESTS },
  {
    name: 'checks-secrets',
    mutate: ['server/src/checks/secrets/**/*.ts'],
    tests: ['test/unit/secrets/**/*.test.ts', 'test/unit/secret-rule-pack.test.ts', 'test/unit/fingerprint.test.ts', ...RULES('private-key')],
  },
  {
    name: 'checks-other',
    mutate: ['server/src/checks/*.ts', 'server/src/checks/readiness/**/*.ts', 'server/src/checks/shipshape/**/*.ts'],
    tests: ['test/unit/readiness-*.test.ts', 'test/unit/engine/readiness-report.test.ts', 'test/unit/engine/project-files.test.ts', 'test/unit/suppressions.test.ts', 'test/unit/engine/engine-analyze.test.ts', 'test/unit/primer/**/*.test.ts'],
  },
  { name: 'checks-failure', mutate: ['server/src/checks/failure/*.ts', 'server/src/checks/failure/python/**/*.ts'], tests: FAILURE_RULES },
  { name: 'checks-failure-support', mutate: ['server/src/checks/failure/support/**/*.ts'], tests: FAILURE_RULES },
];
