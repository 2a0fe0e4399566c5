// Public entry point of the engine: what the language server, the CLI and tests use.
import { builtInChecks, builtInSummarizers, readinessChecks } from '../checks';
import { ConfigStore, type ConfigSource } from './config/store';
import { Engine } from './engine';
import type { ShipshapeConfig } from './config/model';
import { isRuleEnabled } from './severity';
import { WorkspaceIndex, type Summarizer } from './workspace/index';

export { ConfigStore, CONFIG_FILE_NAME } from './config/store';
export { parseConfigText } from './config/parse';
export type { LoadedConfig, ShipshapeConfig, ConfigProblem } from './config/model';
export { Engine, compareFindings, type AnalysisInput, type AnalysisResult, type SkipReason } from './engine';
export { languageOf, commentStyleFor, readsPython } from './language';
export { toRelativePosix } from './paths';
export { formatDirective } from './suppressions';
export type { Finding, RuleMeta, Severity, SourceDocument, FileSystemHost, Family } from './types';

export { WorkspaceIndex, type Summarizer, type FileSummary } from './workspace/index';
export { explainArchitectureFinding } from '../checks/architecture/explain';
export { preparePythonImports } from '../checks/architecture/python-imports';
export { dependencyOrder } from '../checks/architecture/dependency-order';

/** The workspace index; `only` narrows it to the summarizers a run needs (see `summarizersFor`). */
export function createWorkspaceIndex(only?: readonly Summarizer[]): WorkspaceIndex {
  return new WorkspaceIndex(only ?? builtInSummarizers);
}

/** Whether the secrets family is all these configs enable (file rules only: readiness runs per project). */
export function onlySecretsEnabled(engine: Engine, configs: readonly ShipshapeConfig[]): boolean {
  return !engine.rules.some((meta) => meta.family !== 'secrets' && meta.family !== 'readiness' && meta.family !== 'shipshape' && configs.some((config) => isRuleEnabled(meta, config)));
}

/** The built-in summarizers with these keys (a worker thread rebuilds the main thread's choice). */
export function summarizersByKey(keys: readonly string[]): Summarizer[] {
  return builtInSummarizers.filter((summarizer) => keys.includes(summarizer.key));
}

/** The built-in summarizers some enabled rule of these configs reads. */
export function summarizersFor(engine: Engine, configs: readonly ShipshapeConfig[]): Summarizer[] {
  const enabled = engine.rules.filter((meta) => configs.some((config) => isRuleEnabled(meta, config)));
  return builtInSummarizers.filter(
    (summarizer) => !summarizer.usedBy || summarizer.usedBy.some((id) => enabled.some((meta) => (id.endsWith('/*') ? meta.family === id.slice(0, -2) : meta.id === id))),
  );
}

export function createEngine(): Engine {
  return new Engine(builtInChecks, readinessChecks);
}

export function createConfigStore(source: ConfigSource, engine: Engine): ConfigStore {
  const knownRuleIds = new Set(engine.rules.map((rule) => rule.id));
  const knownFamilies = new Set(['failure', 'secrets', 'architecture', 'readiness', 'shipshape']);
  return new ConfigStore(source, { knownRuleIds, knownFamilies });
}
export { loadGrammar, type GrammarName } from './grammar/index';
