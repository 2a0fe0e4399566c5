// The workspace run on several threads: the main thread reads files; it and the worker threads
// (dist/workspace-worker.js) summarise a share of them each for the workspace index; the main thread
// gathers the index and looks up the result cache; then it and the workers analyse what is left, each
// a share of the files balanced by size, against the whole index. Workers are started first, so that
// loading their bundle overlaps the reading here. Without the worker script (tests under tsx), or for
// small runs, everything happens in this thread, in one pass that parses each file once (singlePass);
// with no result cache and no index to build, each thread reads and analyses one file after the other,
// taking the next one from a list they share (streamWorkspace).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type * as ts from 'typescript';
import type { Engine } from '../engine';
import { ConfigError } from '../errors';
import { dependencyOrder, onlySecretsEnabled, preparePythonImports, readsPython } from '../index';
import { contextHash, ResultCache } from './cache';
import { contentHash, type FileSummary } from './index';
import type { SourceDocument } from '../types';
import { analyzeFiles, analyzeJob, finishWorkspace, mapWithProgress, planWorkspace, readWorkspace, type AnalysisJob, type FileOutcome, type PlannedWorkspace, type PreparedWorkspace, type SaltedFile, type WorkspaceRun, type WorkspaceRunOptions } from './run';

export interface ParallelRunOptions extends WorkspaceRunOptions {
  /** Worker threads to use; default: one per core, fewer for small runs; 1 = this thread only. */
  workers?: number;
  /** Folder of the result cache (`--cache`); no cache when undefined. */
  cacheDir?: string;
}

export type WorkerRequest =
  | { type: 'summarize'; summarizers: string[]; documents: SourceDocument[] }
  | { type: 'analyze'; jobs: AnalysisJob[]; index: FileSummary[]; contentOverride?: [string, string][] }
  /**
   * Read and analyse files one after the other (no index, no cache): the next file in `files` nobody has
   * taken (`claims[0]`, shared with the other threads), until none is left.
   */
  | { type: 'analyze-files'; files: SaltedFile[]; claims: Int32Array; contentOverride?: [string, string][] };

export type WorkerMessage =
  | { type: 'progress'; done: number }
  | { type: 'summaries'; summaries: FileSummary[] }
  | { type: 'done'; outcomes: FileOutcome[] }
  | { type: 'error'; message: string };

/** Below this much source, starting threads costs more than it saves. */
const MIN_BYTES_PER_WORKER = 2 * 1024 * 1024;
/**
 * How much cheaper a byte is when only the secrets pass runs (no parse), as far as a second thread is
 * concerned: it pays from about 10 MB of source on two cores (a quarter of effect@4.1.0, 6.7 MB: 0.45 s
 * on one thread, 0.49 s on two; half, 11.6 MB: even; all of it, 21.6 MB: 0.61 s against 0.57 s), so two
 * threads from 16.8 MB.
 */
const SECRETS_ONLY_COST = 4;
const WORKER_SCRIPT = path.join(__dirname, 'workspace-worker.js');
/** Source text whose trees the single pass keeps for a later analysis: trees take about ten times their text, so about 40 MB (effect@4.1.0 needs 3.9 M characters). */
const WAITING_TREES_MAX_CHARS = 4 * 1024 * 1024;

export async function runWorkspaceParallel(engine: Engine, options: ParallelRunOptions): Promise<WorkspaceRun & { cache?: { hits: number; misses: number } }> {
  // Python import analysis needs its WebAssembly parser; only runs with Python files pay for loading it.
  // Stryker disable next-line all: loading the parser is process-wide and idempotent; in the mutation test process an earlier test has always loaded it, and loading it when not needed only costs time
  if (options.files.some(readsPython)) await preparePythonImports();
  const plan = planWorkspace(engine, options);
  // The secrets pass alone costs about a tenth of a parse per byte: a thread is worth it for ten times the text.
  const secretsOnly = onlySecretsEnabled(engine, plan.configs.map((loaded) => loaded.config));
  const cost = (bytes: number) => (secretsOnly ? bytes / SECRETS_ONLY_COST : bytes);
  // Threads are started before the files are read, sized on the files' sizes on disk; the ones the
  // cache makes unnecessary are stopped unused.
  // Stryker disable next-line all: worker threads exist only beside the bundle (dist/workspace-worker.js); in-process tests have none (the CLI tests run this)
  const cache = options.cacheDir ? ResultCache.open(options.cacheDir) : undefined;
  const threads = !fs.existsSync(WORKER_SCRIPT) ? 1 : options.workers !== undefined ? threadsFor(options, 0) : singlePassOrThreads(threadsFor(options, cost(sizeOnDisk(options))), plan, cache);
  const helpers = Array.from({ length: threads - 1 }, () => new AnalysisWorker());
  // No result cache and no workspace index: each thread reads its own share of the files and analyses
  // them one after the other, so no text outlives its analysis or crosses threads.
  if (!options.cacheDir && !plan.workspace.enabled) {
    try {
      return await streamWorkspace(engine, plan, helpers, options);
    } finally {
      for (const helper of helpers) helper.stop();
    }
  }
  try {
    const prepared = readWorkspace(plan, options);
    // A cache with nothing in it saves no parse: the single pass fills it.
    if (helpers.length === 0 && (!cache || cache.empty)) return singlePass(engine, prepared, options, cache);
    await fillIndex(prepared, helpers, options, cache);
    const snapshot = prepared.workspace.snapshot();
    const context = cache ? contextHash(prepared.jobs, snapshot) : '';
    const outcomes: FileOutcome[] = [];
    const misses: { job: AnalysisJob; key: string }[] = [];
    for (const job of prepared.jobs) {
      const key = cache ? ResultCache.key(job, context) : '';
      const hit = cache?.get(key, job);
      if (hit) outcomes.push(hit);
      else misses.push({ job, key });
    }

    const bytes = misses.reduce((sum, m) => sum + m.job.text.length, 0);
    const used = Math.min(helpers.length + 1, threadsFor(options, cost(bytes)));
    for (const idle of helpers.splice(used - 1)) idle.stop();
    const report = progressCounter(options, prepared.jobs.length, outcomes.length);
    const [own, ...shares] = balance(misses.map((m) => m.job), used, (job) => job.text.length);
    const request = (jobs: AnalysisJob[]): Extract<WorkerRequest, { type: 'analyze' }> => ({ type: 'analyze', jobs, index: snapshot, contentOverride: options.contentOverride ? [...options.contentOverride] : undefined });
    const elsewhere = shares.map((jobs, i) => helpers[i].analyze(request(jobs), report));
    // This thread takes a share too: one fewer bundle to load and compile than a worker per share.
    const here = mapWithProgress(own ?? [], (job) => analyzeJob(engine, job, prepared.workspace, prepared.host), report);
    const analysed = [...here, ...(await Promise.all(elsewhere)).flat()];
    if (cache) {
      const keyOf = new Map(misses.map((m) => [m.job.file, m.key]));
      for (const outcome of analysed) cache.set(keyOf.get(outcome.file)!, outcome);
      cache.save();
    }
    const run = finishWorkspace(prepared, inFileOrder([...outcomes, ...analysed], prepared.jobs), options);
    return cache ? { ...run, cache: { hits: cache.hits, misses: cache.misses } } : run;
  } finally {
    for (const helper of helpers) helper.stop();
  }
}

/**
 * One thread and no result cache: each file is parsed once, not once for the index and again for its
 * analysis. The index is not built first: its documents are deferred (WorkspaceIndex.defer), the files
 * are analysed in dependency order (dependencyOrder), and each is summarised from the tree its analysis
 * parsed, before any importer asks about it. A summary asked for earlier (an import cycle, a project file
 * that is not checked) is made on demand, and a check that reads the whole index (the import graph of
 * the architecture family) has it all made at once: the findings are those of the two passes.
 */
function singlePass(engine: Engine, prepared: PreparedWorkspace, options: ParallelRunOptions, cache?: ResultCache): WorkspaceRun & { cache?: { hits: number; misses: number } } {
  const { workspace, host } = prepared;
  // A file summarised on demand before its turn (in an import cycle) keeps its tree for its analysis,
  // within a budget of source text: effect@4.1.0 has 60 such files, 3.9 MB.
  const waiting = new Map<string, ts.SourceFile>();
  let waitingChars = 0;
  const toAnalyse = new Set(prepared.jobs.map((job) => job.file));
  workspace.defer(prepared.deferredIndexInputs(), (file, tree) => {
    if (!toAnalyse.has(file) || waitingChars + tree.text.length > WAITING_TREES_MAX_CHARS) return;
    waiting.set(file, tree);
    waitingChars += tree.text.length;
  });
  const outcomes = mapWithProgress(
    dependencyOrder(prepared.jobs, host),
    (job) => {
      toAnalyse.delete(job.file);
      const tree = waiting.get(job.file);
      if (tree) {
        waiting.delete(job.file);
        waitingChars -= tree.text.length;
      }
      const outcome = analyzeJob(engine, job, workspace, host, (parsed) => workspace.summarizeDeferred(job.file, parsed), tree);
      // Without a cache to key, nothing reads the text again: let it go with its tree rather than hold
      // every text to the end (all of a 400 MB tree's texts were alive at once).
      if (!cache) job.text = '';
      return outcome;
    },
    progressCounter(options, prepared.jobs.length),
  );
  if (cache) fillCache(cache, prepared, outcomes);
  const run = finishWorkspace(prepared, inFileOrder(outcomes, prepared.jobs), options);
  return cache ? { ...run, cache: { hits: cache.hits, misses: cache.misses } } : run;
}

/** Keeps a single pass's results and the index it made, keyed as the two passes key them (the findings are the same). */
function fillCache(cache: ResultCache, prepared: PreparedWorkspace, outcomes: readonly FileOutcome[]): void {
  const snapshot = prepared.workspace.snapshot();
  const summarizers = prepared.workspace.summarizerKeys;
  for (const summary of snapshot) cache.setSummary(ResultCache.summaryKey(summarizers, summary.path, summary.hash), summary);
  const context = contextHash(prepared.jobs, snapshot);
  const jobs = new Map(prepared.jobs.map((job) => [job.file, job]));
  for (const outcome of outcomes) {
    cache.misses++;
    cache.set(ResultCache.key(jobs.get(outcome.file)!, context), outcome);
  }
  cache.save();
}

/**
 * Each thread reads and analyses files one after the other, taking the next file nobody has taken from
 * one list, largest first. A worker starts later than this thread (it loads its bundle first), so shares
 * fixed in advance left this thread idle while the worker finished; taken as they come, the threads end
 * together (a file apart).
 */
async function streamWorkspace(engine: Engine, plan: PlannedWorkspace, helpers: readonly AnalysisWorker[], options: ParallelRunOptions): Promise<WorkspaceRun> {
  const files: SaltedFile[] = plan.files.map((planned) => ({ ...planned, salt: plan.salt(planned) }));
  const report = progressCounter(options, files.length);
  let outcomes: FileOutcome[];
  if (helpers.length === 0) {
    outcomes = analyzeFiles(engine, files, plan.workspace, plan.host, options.contentOverride, report);
  } else {
    const sizes = new Map(files.map((f) => [f.file, fileSize(f.file, options)]));
    const largestFirst = [...files].sort((a, b) => sizes.get(b.file)! - sizes.get(a.file)!);
    const claims = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    const contentOverride = options.contentOverride ? [...options.contentOverride] : undefined;
    const elsewhere = helpers.map((helper) => helper.analyzeFiles({ type: 'analyze-files', files: largestFirst, claims, contentOverride }, report));
    const here = analyzeFiles(engine, largestFirst, plan.workspace, plan.host, options.contentOverride, report, claims);
    outcomes = [...here, ...(await Promise.all(elsewhere)).flat()];
  }
  return finishWorkspace(plan, inFileOrder(outcomes, files), options);
}

/** `options.onProgress` told the running count of files done out of `total`, as threads report batches of them. */
function progressCounter(options: ParallelRunOptions, total: number, alreadyDone = 0): (count: number) => void {
  let done = alreadyDone;
  return (count) => {
    done += count;
    options.onProgress?.(done, total);
  };
}

/** The outcomes in the order of the files planned: threads, the dependency order and the cache shuffle them. */
function inFileOrder(outcomes: FileOutcome[], files: readonly { file: string }[]): FileOutcome[] {
  const order = new Map(files.map((f, index) => [f.file, index]));
  return outcomes.sort((a, b) => order.get(a.file)! - order.get(b.file)!);
}

/**
 * Pass 2, the workspace index: summaries the result cache keeps for these texts are taken from it; this
 * thread and the helpers each summarise a share of the rest (balanced by size; most of the work is
 * parsing), and this thread gathers the summaries.
 */
async function fillIndex(prepared: PreparedWorkspace, helpers: readonly AnalysisWorker[], options: ParallelRunOptions, cache: ResultCache | undefined): Promise<void> {
  const summarizers = prepared.workspace.summarizerKeys;
  const kept: FileSummary[] = [];
  const keys = new Map<string, string>();
  const documents = prepared.indexInputs().filter((document) => {
    if (!cache) return true;
    const key = ResultCache.summaryKey(summarizers, document.path, contentHash(document.text));
    const summary = cache.summary(key);
    if (summary) kept.push(summary);
    else keys.set(document.path, key);
    return !summary;
  });
  if (documents.length === 0) {
    if (kept.length > 0) prepared.workspace.restore(kept);
    return;
  }
  const bytes = documents.reduce((sum, document) => sum + document.text.length, 0);
  const threads = Math.min(helpers.length + 1, threadsFor(options, bytes));
  const [own, ...shares] = balance(documents, threads, (document) => document.text.length);
  const elsewhere = shares.map((share, i) => helpers[i].summarize({ type: 'summarize', summarizers, documents: share }));
  const here = own.map((document) => prepared.workspace.summarize(document));
  const made = [...here, ...(await Promise.all(elsewhere)).flat()];
  for (const summary of made) cache?.setSummary(keys.get(summary.path)!, summary);
  prepared.workspace.restore([...kept, ...made]);
}

// Stryker disable all: thread sizing and the worker threads run only with the bundle's worker script (see
// above); in process there are no helpers, so one thread is used whatever these return. The CLI tests run them.
/** Threads for `bytes` of source to analyse: --workers, else one per core, fewer for small runs. */
function threadsFor(options: ParallelRunOptions, bytes: number): number {
  return Math.max(1, options.workers ?? Math.min(os.availableParallelism?.() ?? os.cpus().length, Math.floor(bytes / MIN_BYTES_PER_WORKER)));
}

/**
 * The thread count for a run that builds the workspace index: two threads parse every file twice (for
 * the index, then for the analysis) and each loads its own engine, which cost more than the single
 * pass's one parse on one thread (effect@4.1.0, failure rules, 2 cores: 10.7 s against 7.5 s, and twice
 * the memory). With more cores, sharing the two passes should win (this 2-core machine cannot tell).
 * A result cache that holds something saves the parse of every unchanged file, so it keeps the threads.
 */
function singlePassOrThreads(threads: number, plan: PlannedWorkspace, cache: ResultCache | undefined): number {
  return threads === 2 && plan.workspace.enabled && (!cache || cache.empty) ? 1 : threads;
}

function sizeOnDisk(options: ParallelRunOptions): number {
  let bytes = 0;
  for (const file of options.files) bytes += fileSize(file, options);
  return bytes;
}

function fileSize(file: string, options: ParallelRunOptions): number {
  const override = options.contentOverride?.get(file);
  if (override !== undefined) return override.length;
  try {
    return fs.statSync(file).size;
  } catch {
    return 0; // unreadable: counted as skipped when read
  }
}

/** Splits items into `count` shares of similar total size (largest first, into the lightest share). */
function balance<T>(items: readonly T[], count: number, size: (item: T) => number): T[][] {
  const shares = Array.from({ length: count }, () => ({ items: [] as T[], bytes: 0 }));
  for (const item of [...items].sort((a, b) => size(b) - size(a))) {
    const lightest = shares.reduce((min, share) => (share.bytes < min.bytes ? share : min));
    lightest.items.push(item);
    lightest.bytes += size(item);
  }
  return shares.map((share) => share.items);
}

/**
 * A worker thread started ahead of its work: it loads the engine, then answers a `summarize` request
 * and an `analyze` request (its last: the thread stops once it has answered).
 */
class AnalysisWorker {
  private readonly worker = new Worker(WORKER_SCRIPT);
  private stopped = false;
  /** What happened while no request was pending (a thread that failed to start), delivered to the next one. */
  private early?: Error;
  private pending?: { progress?(count: number): void; resolve(message: WorkerMessage): void; reject(error: Error): void };

  constructor() {
    this.worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') this.pending?.progress?.(message.done);
      else if (message.type === 'error') this.fail(message.message.startsWith('config:') ? new ConfigError(message.message.slice(7)) : new Error(message.message));
      else this.takePending()?.resolve(message);
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => {
      if (!this.stopped) this.fail(new Error(`analysis worker exited with code ${code}`));
    });
  }

  async summarize(request: Extract<WorkerRequest, { type: 'summarize' }>): Promise<FileSummary[]> {
    if (request.documents.length === 0) return [];
    const answer = await this.request(request);
    return answer.type === 'summaries' ? answer.summaries : [];
  }

  async analyzeFiles(request: Extract<WorkerRequest, { type: 'analyze-files' }>, progress: (count: number) => void): Promise<FileOutcome[]> {
    if (request.files.length === 0) return [];
    const answer = await this.request(request, progress);
    this.stop();
    return answer.type === 'done' ? answer.outcomes : [];
  }

  async analyze(request: Extract<WorkerRequest, { type: 'analyze' }>, progress: (count: number) => void): Promise<FileOutcome[]> {
    if (request.jobs.length === 0) return [];
    const answer = await this.request(request, progress);
    this.stop();
    return answer.type === 'done' ? answer.outcomes : [];
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    void this.worker.terminate();
  }

  private request(request: WorkerRequest, progress?: (count: number) => void): Promise<WorkerMessage> {
    return new Promise((resolve, reject) => {
      if (this.early) return reject(this.early);
      this.pending = { progress, resolve, reject };
      this.worker.postMessage(request);
    });
  }

  /** The pending request, which the caller settles; none is pending after this. */
  private takePending(): AnalysisWorker['pending'] {
    const pending = this.pending;
    this.pending = undefined;
    return pending;
  }

  private fail(error: Error): void {
    if (this.stopped) return;
    const pending = this.takePending();
    if (pending) {
      this.stop();
      pending.reject(error);
    } else this.early = error;
  }
}
// Stryker restore all
