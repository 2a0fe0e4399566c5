// The shape of a validated `shipshape.yml`. The JSON Schema in rules/shipshape.schema.json is the
// contract users see; these types mirror it for the engine.
import type { SeveritySetting } from '../types';

export type RuleSetting = SeveritySetting | { severity?: SeveritySetting; options?: Record<string, unknown> };

export interface ArchitectureConstraint {
  layer: string;
  mayImport?: string[];
  mustNotImport?: string[];
  mustNotImportPackages?: string[];
  mayImportPackages?: string[];
  ignoreTypeOnly?: boolean;
  independent?: boolean;
  severity?: SeveritySetting;
  because?: string;
}

export interface ArchitectureConfig {
  layers: Record<string, string | string[]>;
  constraints: ArchitectureConstraint[];
  publicApi: string[];
  cycles: 'forbid' | 'warn' | 'allow';
}

export interface ShipshapeConfig {
  rules: Record<string, RuleSetting>;
  ignore: string[];
  limits: { maxFileSizeKB: number; timeBudgetMs: number; maxFindingsPerFile: number };
  architecture?: ArchitectureConfig;
  secrets?: { allow?: { paths?: string[]; fingerprints?: string[] }; custom?: unknown[] };
  gates?: Record<string, unknown>;
}

export const DEFAULT_MAX_FILE_SIZE_KB = 1024;
export const DEFAULT_TIME_BUDGET_MS = 2000;
export const DEFAULT_MAX_FINDINGS_PER_FILE = 200;

export function defaultConfig(): ShipshapeConfig {
  return { rules: {}, ignore: [], limits: { maxFileSizeKB: DEFAULT_MAX_FILE_SIZE_KB, timeBudgetMs: DEFAULT_TIME_BUDGET_MS, maxFindingsPerFile: DEFAULT_MAX_FINDINGS_PER_FILE } };
}

/** A problem in a config file, positioned so the editor can underline it. Lines/columns 1-based. */
export interface ConfigProblem {
  severity: 'error' | 'warning';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface LoadedConfig {
  /** Absolute path of the shipshape.yml, or undefined when defaults are in force. */
  path?: string;
  /** Folder paths in the config are relative to. */
  dir: string;
  config: ShipshapeConfig;
  problems: ConfigProblem[];
}
