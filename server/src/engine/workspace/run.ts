// Runs the engine over a set of files the way the CLI sees them: each file under the nearest
// shipshape.yml (or one given with --config), baseline applied, skipped files counted by reason.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as ts from 'typescript';
import { applyBaseline, readBaseline, type Baseline } from '../baseline';
import { BINARY_FILE_TEXT, HARD_SIZE_LIMIT } from '../engine';
import { ConfigError } from '../errors';
import { DiskHost } from '../host';
import { createConfigStore, createWorkspaceIndex, languageOf, summarizersFor, type Engine, type Finding, type LoadedConfig, type SourceDocument, type WorkspaceIndex } from '../index';
import { repositorySalt } from '../salt';
import { collectFiles, decodeUtf8, latin1View, readSourceBytes, readSourceFile, utf16LongerThan } from './files';
import { resolvedDocument, type DeferredDocument } from './index';

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


/** One file ready for analysis: its config and its text. */
export interface AnalysisJob {
  file: string;
  loaded: LoadedConfig;
  text: string;
  salt: string;
  /** What a commit added to the file (history.ts), not its working-tree text. */
  committed?: boolean;
  /** The bytes `text` was read from (SourceDocument.bytes), in this thread only. */
  bytes?: Uint8Array;
}

/** What analysing one file produced, before the baseline is applied. */
export interface FileOutcome {
  file: string;
  /** Folder of the config in force: where its baseline lives. */
  configDir: string;
  findings: Finding[];
  skipped?: string;
  /** False when nothing ran; a file skipped by most families may still have had its secrets pass. */
  analysed: boolean;
  errors: { ruleId: string; message: string }[];
}

/** Runs the engine over files, in this thread. See parallel.ts for the multi-threaded run. */
export function runWorkspace(engine: Engine, options: WorkspaceRunOptions): WorkspaceRun {
  const prepared = prepareWorkspace(engine, options);
  for (const document of prepared.indexInputs()) prepared.workspace.update(document);
  const outcomes = prepared.jobs.map((job, index) => {
    if (options.onProgress && (index + 1) % 25 === 0) options.onProgress(index + 1, prepared.jobs.length);
    return analyzeJob(engine, job, prepared.workspace, prepared.host);
  });
  return finishWorkspace(prepared, outcomes, options);
}

export interface PreparedWorkspace {
  jobs: AnalysisJob[];
  workspace: WorkspaceIndex;
  host: DiskHost;
  configs: LoadedConfig[];
  filesSkipped: Record<string, number>;
  /**
   * The documents the workspace index must summarise (none when no enabled rule reads it): every file
   * to analyse, and the other files of their projects, read here. The caller fills `workspace` from
   * them, in this thread or spread over worker threads (parallel.ts).
   */
  indexInputs(): SourceDocument[];
  /**
   * The same documents, the other files of the projects read only when the index first asks for one
   * (`WorkspaceIndex.defer`): a check of a few files in a large repository reads the files they reach,
   * not all of them.
   */
  deferredIndexInputs(): DeferredDocument[];
}

/** A file to analyse, before it is read: its config. */
export interface PlannedFile {
  file: string;
  loaded: LoadedConfig;
}

/** Pass 1 without the reading: every file's config, and which facts the workspace index needs. */
export interface PlannedWorkspace {
  files: PlannedFile[];
  workspace: WorkspaceIndex;
  host: DiskHost;
  configs: LoadedConfig[];
  filesSkipped: Record<string, number>;
  /** Reads one planned file (or takes its content override): the job, or why it is skipped. */
  read(planned: PlannedFile): AnalysisJob | { skipped: string };
  /** The fingerprint salt of a planned file (one per config folder). */
  salt(planned: PlannedFile): string;
  /** Folders the workspace index reads the project from. */
  indexRoots: string[];
}

/** Pass 1: the config and text of every file; pass 2, the workspace index, is left to the caller. */
export function prepareWorkspace(engine: Engine, options: WorkspaceRunOptions): PreparedWorkspace {
  return readWorkspace(planWorkspace(engine, options), options);
}

/** Reads every planned file. */
export function readWorkspace(plan: PlannedWorkspace, options: Pick<WorkspaceRunOptions, 'contentOverride'>): PreparedWorkspace {
  const jobs: AnalysisJob[] = [];
  for (const planned of plan.files) {
    const read = plan.read(planned);
    if ('skipped' in read) plan.filesSkipped[read.skipped] = (plan.filesSkipped[read.skipped] ?? 0) + 1;
    else jobs.push(read);
  }
  const { workspace, host, configs, filesSkipped, indexRoots } = plan;
  const deferredIndexInputs = () => (workspace.enabled ? documentsToIndex(workspace, jobs, indexRoots, options.contentOverride) : []);
  const indexInputs = () => deferredIndexInputs().flatMap((document) => resolvedDocument(document) ?? []);
  return { jobs, workspace, host, configs, filesSkipped, indexInputs, deferredIndexInputs };
}

/**
 * Pass 1 up to the reading: the config of every file, so a caller can choose how to read and analyse
 * (all texts first, for threads and the index; or one file at a time, so each text dies young).
 */
export function planWorkspace(engine: Engine, options: WorkspaceRunOptions): PlannedWorkspace {
  const store = createConfigStore({ readText: readTextIfExists }, engine);
  const explicit = options.configFile ? loadExplicit(store, options.configFile) : undefined;
  const salts = new Map<string, string>();
  const configs = new Map<string, LoadedConfig>();
  const filesSkipped: Record<string, number> = {};
  const files: PlannedFile[] = [];
  const indexRoots = new Set<string>();
  for (const file of options.files) {
    const loaded = explicit ?? store.configFor(file, gitRootOf(file));
    // The index reads the project around each file: its shipshape.yml's folder, else its repository. A
    // config given with --config says which rules apply, not where the project is: `--config /tmp/ci.yml`
    // must not index all of /tmp. A file in neither is indexed alone, with the other files given: its
    // folder is no project (`shipshape check ~/Downloads/a.ts` read every file under ~/Downloads), and
    // the checks read what it imports on demand.
    const projectRoot = explicit || !loaded.path ? gitRootOf(file) : loaded.dir;
    if (projectRoot) indexRoots.add(projectRoot);
    const key = loaded.path ?? loaded.dir;
    if (!configs.has(key)) {
      failOnConfigErrors(loaded);
      configs.set(key, loaded);
    }
    if (loaded.path === file) continue; // the config file itself is validated, not scanned
    files.push({ file, loaded });
  }
  const salt = ({ loaded }: PlannedFile): string => {
    let value = options.salt ?? salts.get(loaded.dir);
    if (value === undefined) salts.set(loaded.dir, (value = repositorySalt(loaded.dir, { allowGit: options.allowGit ?? true })));
    return value;
  };
  const read = (planned: PlannedFile): AnalysisJob | { skipped: string } => {
    const text = readText(planned.file, options.contentOverride);
    if (!('skipped' in text)) return { ...planned, text: text.text, salt: salt(planned) };
    return readAsBinary(engine, planned.file, text.skipped) ? { ...planned, text: BINARY_FILE_TEXT, salt: salt(planned) } : text;
  };
  // Only the facts some enabled rule reads: a secrets-only run builds no import graph.
  const workspace = createWorkspaceIndex(summarizersFor(engine, [...configs.values()].map((c) => c.config)));
  return { files, workspace, host: new DiskHost(options.contentOverride), configs: [...configs.values()], filesSkipped, read, salt, indexRoots: [...indexRoots] };
}

/** A file's text, or its content override. Files over the size limit are still read: the secrets pass runs on them (the engine decides). */
function readText(file: string, contentOverride: ReadonlyMap<string, string> | undefined): { text: string } | { skipped: 'binary' | 'too-large' | 'unreadable' } {
  const override = contentOverride?.get(file);
  return override !== undefined ? { text: override } : readSourceFile(file, HARD_SIZE_LIMIT);
}

/** A file a reader skipped that is still analysed, as BINARY_FILE_TEXT: a binary file a check reports by its name (a key store). */
function readAsBinary(engine: Engine, file: string, skipped: string): boolean {
  return skipped === 'binary' && engine.readsBinary(file);
}

/** A planned file with its fingerprint salt: all a thread needs to read and analyse it on its own. */
export interface SaltedFile extends PlannedFile {
  salt: string;
}

/**
 * Passes 1 (the reading) and 3 for files one after the other, so that no text outlives its analysis (the
 * young generation drops it instead of copying it to the old one). A file that cannot be read gives an
 * outcome that says why. Without a workspace index to build first (see parallel.ts).
 * With `claims`, threads share the list: each takes the next file nobody has taken (see parallel.ts).
 */
export function analyzeFiles(engine: Engine, files: readonly SaltedFile[], workspace: WorkspaceIndex, host: DiskHost, contentOverride: ReadonlyMap<string, string> | undefined, progress?: (count: number) => void, claims?: Int32Array): FileOutcome[] {
  return mapWithProgress(
    claims ? claimed(files, claims) : files,
    ({ file, loaded, salt }) => {
      const override = contentOverride?.get(file);
      if (override !== undefined) return analyzeJob(engine, { file, loaded, text: override, salt }, workspace, host);
      const read = readSourceBytes(file, HARD_SIZE_LIMIT);
      if ('skipped' in read && readAsBinary(engine, file, read.skipped)) return analyzeJob(engine, { file, loaded, text: BINARY_FILE_TEXT, salt }, workspace, host);
      if ('skipped' in read) return { file, configDir: loaded.dir, findings: [], skipped: read.skipped, analysed: false, errors: [] };
      return analyzeBytes(engine, { file, loaded, salt }, read.bytes, workspace, host);
    },
    progress,
  );
}

/**
 * Pass 3 for a file read from disk. When every check that runs on it looks for ASCII patterns only
 * (Engine.readsOnlyAscii), a non-ASCII file is first analysed as its bytes (latin1View), which costs a
 * third of decoding it; only a file where that finds something is decoded and analysed again, for exact
 * positions and values. The byte view is longer than the text, so the engine's size limits must fall
 * the same way for both: under the limit in bytes, or over it even in characters. A file the view makes
 * look minified (lines measured in bytes) is analysed again as well.
 */
function analyzeBytes(engine: Engine, file: SaltedFile, bytes: Buffer, workspace: WorkspaceIndex, host: DiskHost): FileOutcome {
  const limit = file.loaded.config.limits.maxFileSizeKB * 1024;
  // The view is undefined for ASCII, whose bytes are its characters: their count is then not worked out.
  const view = engine.readsOnlyAscii(file.loaded, file.file) ? latin1View(bytes) : undefined;
  const bytesAsText = view !== undefined && (bytes.length <= limit || utf16LongerThan(bytes, limit)) ? view : undefined;
  if (bytesAsText !== undefined) {
    // `bytes` stay valid through the analysis: only readSourceBytes reuses their buffer, and nothing the analysis calls does.
    const outcome = analyzeJob(engine, { ...file, text: bytesAsText, bytes }, workspace, host);
    if (outcome.findings.length === 0 && outcome.errors.length === 0 && !outcome.skipped?.startsWith('minified')) return outcome;
  }
  return analyzeJob(engine, { ...file, text: decodeUtf8(bytes), bytes }, workspace, host);
}

/** How many files a thread analyses between two progress reports. */
const PROGRESS_STEP = 25;

/**
 * The items this thread claims, one at a time, from a list several threads share: `claims[0]` is the
 * index of the next item nobody has claimed. A thread that starts late, or has small files, simply
 * takes more of them.
 */
function* claimed<T>(items: readonly T[], claims: Int32Array): Generator<T> {
  for (let index = Atomics.add(claims, 0, 1); index < items.length; index = Atomics.add(claims, 0, 1)) yield items[index];
}

/** `items.map(fn)` that tells `progress` how many items are done, every few items and at the end. */
export function mapWithProgress<T, R>(items: Iterable<T>, fn: (item: T) => R, progress?: (count: number) => void): R[] {
  const results: R[] = [];
  for (const item of items) {
    results.push(fn(item));
    if (results.length % PROGRESS_STEP === 0) progress?.(PROGRESS_STEP);
  }
  if (results.length % PROGRESS_STEP > 0) progress?.(results.length % PROGRESS_STEP);
  return results;
}

/** Pass 3 for one file; `parsed` gets the syntax tree the analysis parsed, if it parsed one; `tree`, one parsed already for this text. */
export function analyzeJob(engine: Engine, job: AnalysisJob, workspace: WorkspaceIndex, host: DiskHost, parsed?: (tree: ts.SourceFile | undefined) => void, tree?: ts.SourceFile): FileOutcome {
  const result = engine.analyze({ document: { path: job.file, text: job.text, language: languageOf(job.file), bytes: job.bytes }, config: job.loaded, host, salt: job.salt, workspace, tree, fixes: false, committed: job.committed });
  parsed?.(result.tree);
  return { file: job.file, configDir: job.loaded.dir, findings: result.findings, skipped: result.skipped ?? (result.secretsOnly ? `${result.secretsOnly} (secrets checked)` : undefined), analysed: !result.skipped, errors: result.errors };
}

/** Counts, baseline and errors over the outcomes of every file. */
export function finishWorkspace(prepared: Pick<PreparedWorkspace, 'configs' | 'filesSkipped'>, outcomes: FileOutcome[], options: Pick<WorkspaceRunOptions, 'applyBaseline'>): WorkspaceRun {
  const run: WorkspaceRun = { findings: [], filesScanned: 0, filesSkipped: { ...prepared.filesSkipped }, configs: prepared.configs, errors: [] };
  const baselines = new Map<string, Baseline | undefined>();
  for (const outcome of outcomes) {
    for (const error of outcome.errors) run.errors.push({ file: outcome.file, ...error });
    if (outcome.skipped) run.filesSkipped[outcome.skipped] = (run.filesSkipped[outcome.skipped] ?? 0) + 1;
    if (!outcome.analysed) continue;
    if (!outcome.skipped) run.filesScanned++;
    if (options.applyBaseline && outcome.findings.length > 0) {
      const dir = outcome.configDir;
      if (!baselines.has(dir)) baselines.set(dir, readBaseline(dir));
      applyBaseline(outcome.findings, baselines.get(dir));
    }
    run.findings.push(...outcome.findings);
  }
  return run;
}

const INDEX_MAX_BYTES = 1024 * 1024;

/** Every file to analyse, with its text, and the other files of their projects, each read when first asked for. */
function documentsToIndex(workspace: WorkspaceIndex, jobs: readonly AnalysisJob[], roots: string[], overrides: Map<string, string> | undefined): DeferredDocument[] {
  const documents: DeferredDocument[] = [];
  const given = new Set<string>();
  for (const { file, text } of jobs) {
    given.add(file);
    documents.push({ path: file, text, language: languageOf(file) });
  }
  for (const file of collectFiles(roots).files) {
    if (given.has(file) || !workspace.wants(languageOf(file))) continue;
    // Undefined for a file that is binary, over the size limit or gone: it is not indexed.
    const text = () => {
      const override = overrides?.get(file);
      const outcome = override !== undefined ? { text: override } : readSourceFile(file, INDEX_MAX_BYTES);
      return 'text' in outcome ? outcome.text : undefined;
    };
    documents.push({ path: file, text, language: languageOf(file) });
  }
  return documents;
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
