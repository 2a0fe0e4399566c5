// Project-level checks (family `readiness/`): facts about the whole project rather than one file,
// such as "a test command is defined" or "lockfile committed". Each finding points at its evidence file.
import type { ShipshapeConfig } from '../config/model';
import type { RuleMeta } from '../types';

export interface ProjectFinding {
  ruleId: string;
  /** Evidence file, relative to the project root (forward slashes); `line` 1-based, default 1. */
  file: string;
  line?: number;
  message: string;
  /** What the check looked at, so a user can disagree precisely (appended to the message). */
  lookedAt: string[];
}

export interface ProjectContext {
  /** Absolute path of the project root (the config folder). */
  root: string;
  config: ShipshapeConfig;
  /** Every file of the project (relative, forward slashes), .gitignore honoured, node_modules skipped. */
  files: readonly string[];
  readFile(relativePath: string): string | undefined;
  /** Files git tracks, when git may be read (trusted workspace, a repository); undefined otherwise. */
  trackedFiles?: ReadonlySet<string>;
  /** Whether .gitignore rules (from the repository root down) ignore this path. */
  isGitIgnored(relativePath: string): boolean;
  /** Parsed package.json at the root, if any. */
  packageJson?: PackageJson;
  report(finding: ProjectFinding): void;
}

export interface PackageJson {
  name?: string;
  main?: string;
  bin?: string | Record<string, string>;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  workspaces?: unknown;
  [key: string]: unknown;
}

export interface ProjectCheck {
  meta: RuleMeta;
  run(context: ProjectContext): void;
}
