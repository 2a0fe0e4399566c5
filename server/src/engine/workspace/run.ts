// Runs the engine over a set of files the way the CLI sees them: each file under the nearest
// shipshape.yml (or one given with --config), baseline applied, skipped files counted by reason.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyBaseline, readBaseline, type Baseline } from '../baseline';
import { ConfigError } from '../errors';
import { DiskHost } from '../host';
import { createConfigStore, createWorkspaceIndex, languageOf, type Engine, type Finding, type LoadedConfig, type WorkspaceIndex } from '../index';
import { repositorySalt } from '../salt';
import { collectFiles, readSourceFile } from './files';

export interface WorkspaceRunOptions {
  files: string[];
  /** An explicit config file for every file (--config). */
  configFile?: string;
  /** Content to analyse instead of the disk (--staged); path -> text. */
  contentOverride?: Map<string, string>;
  /** Salt to use instead of the repository's (baseline creation). */
  salt?: string;
  applyBaseline: boolean;
  /** Whether git may be read (for the fingerprint salt); false in untrusted workspaces. */
  allowGit?: boolean;
  /** Called now and then with the number of files analysed so far. */
  onProgress?(done: number, total: number): void;
}

export interface WorkspaceRun {
  findings: Finding[];
  filesScanned: number;
  filesSkipped: Record<string, number>;
  configs: LoadedConfig[];
  /** Checks that threw, per file; reported on stderr, never fatal. */
  errors: { file: string; ruleId: string; message: string }[];
}


export function runWorkspace(engine: Engine, options: WorkspaceRunOptions): WorkspaceRun {
  const store = createConfigStore({ readText: readTextIfExists }, engine);
  const host = new DiskHost(options.contentOverride);
  const explicit = options.configFile ? loadExplicit(store, options.configFile) : undefined;
  const salts = new Map<string, string>();
  const baselines = new Map<string, Baseline | undefined>();
  const configs = new Map<string, LoadedConfig>();
  const run: WorkspaceRun = { findings: [], filesScanned: 0, filesSkipped: {}, configs: [], errors: [] };
  const skip = (reason: string) => (run.filesSkipped[reason] = (run.filesSkipped[reason] ?? 0) + 1);

  // Pass 1: config and text of every file.
  const inputs: { file: string; loaded: LoadedConfig; text: string }[] = [];
  for (const file of options.files) {
    const loaded = explicit ?? store.configFor(file, gitRootOf(file));
    const key = loaded.path ?? loaded.dir;
    if (!configs.has(key)) {
      failOnConfigErrors(loaded);
      configs.set(key, loaded);
    }
    if (loaded.path === file) continue; // the config file itself is validated, not scanned
    const override = options.contentOverride?.get(file);
    const read = override !== undefined ? { text: override } : readSourceFile(file, loaded.config.limits.maxFileSizeKB * 1024);
    if ('skipped' in read) skip(read.skipped);
    else inputs.push({ file, loaded, text: read.text });
  }

  // Pass 2: the workspace index for cross-file rules, over the files given and the rest of their workspace.
  const workspace = createWorkspaceIndex();
  if (workspace.enabled) buildIndex(workspace, inputs, [...configs.values()].map((c) => c.dir), options.contentOverride);

  // Pass 3: analysis.
  let done = 0;
  for (const { file, loaded, text } of inputs) {
    if (options.onProgress && ++done % 25 === 0) options.onProgress(done, inputs.length);
    let salt = options.salt ?? salts.get(loaded.dir);
    if (salt === undefined) salts.set(loaded.dir, (salt = repositorySalt(loaded.dir, { allowGit: options.allowGit ?? true })));
    const result = engine.analyze({ document: { path: file, text, language: languageOf(file) }, config: loaded, host, salt, workspace });
    for (const error of result.errors) run.errors.push({ file, ...error });
    if (result.skipped) {
      skip(result.skipped);
      continue;
    }
    run.filesScanned++;
    if (options.applyBaseline) {
      if (!baselines.has(loaded.dir)) baselines.set(loaded.dir, readBaseline(loaded.dir));
      applyBaseline(result.findings, baselines.get(loaded.dir));
    }
    run.findings.push(...result.findings);
  }
  run.configs = [...configs.values()];
  return run;
}

const INDEX_MAX_BYTES = 1024 * 1024;

function buildIndex(workspace: WorkspaceIndex, inputs: { file: string; text: string }[], roots: string[], overrides?: Map<string, string>): void {
  const given = new Set<string>();
  for (const { file, text } of inputs) {
    given.add(file);
    workspace.update({ path: file, text, language: languageOf(file) });
  }
  for (const file of collectFiles(roots).files) {
    if (given.has(file) || !workspace.wants(languageOf(file))) continue;
    const override = overrides?.get(file);
    const read = override !== undefined ? { text: override } : readSourceFile(file, INDEX_MAX_BYTES);
    if ('text' in read) workspace.update({ path: file, text: read.text, language: languageOf(file) });
  }
}

function loadExplicit(store: ReturnType<typeof createConfigStore>, configFile: string): LoadedConfig {
  const absolute = path.resolve(configFile);
  if (readTextIfExists(absolute) === undefined) throw new ConfigError(`Config file not found: ${configFile}`);
  const loaded = store.load(absolute);
  failOnConfigErrors(loaded);
  return loaded;
}

function failOnConfigErrors(loaded: LoadedConfig): void {
  const errors = loaded.problems.filter((p) => p.severity === 'error');
  if (errors.length === 0) return;
  const where = path.relative(process.cwd(), loaded.path ?? '') || loaded.path;
  throw new ConfigError(errors.map((p) => `${where}:${p.line}:${p.column}: ${p.message}`).join('\n'));
}

function readTextIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

const gitRoots = new Map<string, string | undefined>();

/** The repository root above a file, where config lookup stops; undefined outside a repository. */
function gitRootOf(file: string): string | undefined {
  const dir = path.dirname(file);
  if (gitRoots.has(dir)) return gitRoots.get(dir);
  let current = dir;
  let root: string | undefined;
  for (;;) {
    if (fs.existsSync(path.join(current, '.git'))) {
      root = current;
      break;
    }
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  gitRoots.set(dir, root);
  return root;
}
