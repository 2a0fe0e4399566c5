// The workspace run on several threads: the main thread reads files, builds the index and looks up
// the result cache; worker threads (dist/workspace-worker.js) analyse what is left. Each worker gets a
// share of the files balanced by size. Without the worker script (tests under tsx), or for small
// runs, everything happens in this thread.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Engine } from '../engine';
import { ConfigError } from '../errors';
import { languageOf, preparePythonImports } from '../index';
import { contextHash, ResultCache } from './cache';
import type { FileSummary } from './index';
import { analyzeJob, finishWorkspace, prepareWorkspace, type AnalysisJob, type FileOutcome, type WorkspaceRun, type WorkspaceRunOptions } from './run';

export interface ParallelRunOptions extends WorkspaceRunOptions {
  /** Worker threads to use; default: one per core, fewer for small runs; 1 = this thread only. */
  workers?: number;
  /** Folder of the result cache (`--cache`); no cache when undefined. */
  cacheDir?: string;
}

export interface WorkerRequest {
  jobs: AnalysisJob[];
  index: FileSummary[];
  contentOverride?: [string, string][];
}

export type WorkerMessage = { type: 'progress'; done: number } | { type: 'done'; outcomes: FileOutcome[] } | { type: 'error'; message: string };

/** Below this much source, starting threads costs more than it saves. */
const MIN_BYTES_PER_WORKER = 2 * 1024 * 1024;
const WORKER_SCRIPT = path.join(__dirname, 'workspace-worker.js');

export async function runWorkspaceParallel(engine: Engine, options: ParallelRunOptions): Promise<WorkspaceRun & { cache?: { hits: number; misses: number } }> {
  // Python import analysis needs its WebAssembly parser; only runs with Python files pay for loading it.
  if (options.files.some((file) => languageOf(file) === 'python')) await preparePythonImports();
  const prepared = prepareWorkspace(engine, options);
  const snapshot = prepared.workspace.snapshot();
  const cache = options.cacheDir ? ResultCache.open(options.cacheDir) : undefined;
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
  const wanted = options.workers ?? Math.min(os.availableParallelism?.() ?? os.cpus().length, Math.floor(bytes / MIN_BYTES_PER_WORKER));
  let analysed: FileOutcome[];
  if (wanted <= 1 || !fs.existsSync(WORKER_SCRIPT)) {
    analysed = misses.map(({ job }, index) => {
      if (options.onProgress && (index + 1) % 25 === 0) options.onProgress(outcomes.length + index + 1, prepared.jobs.length);
      return analyzeJob(engine, job, prepared.workspace, prepared.host);
    });
  } else {
    let done = outcomes.length;
    const report = (count: number) => {
      done += count;
      options.onProgress?.(done, prepared.jobs.length);
    };
    const shares = balance(misses.map((m) => m.job), wanted);
    const request = (jobs: AnalysisJob[]): WorkerRequest => ({ jobs, index: snapshot, contentOverride: options.contentOverride ? [...options.contentOverride] : undefined });
    analysed = (await Promise.all(shares.map((jobs) => runWorker(request(jobs), report)))).flat();
  }
  if (cache) {
    const keyOf = new Map(misses.map((m) => [m.job.file, m.key]));
    for (const outcome of analysed) cache.set(keyOf.get(outcome.file)!, outcome);
    cache.save();
  }
  const order = new Map(prepared.jobs.map((job, index) => [job.file, index]));
  const all = [...outcomes, ...analysed].sort((a, b) => order.get(a.file)! - order.get(b.file)!);
  const run = finishWorkspace(prepared, all, options);
  return cache ? { ...run, cache: { hits: cache.hits, misses: cache.misses } } : run;
}

/** Splits jobs into `count` shares of similar total size (largest first, into the lightest share). */
function balance(jobs: AnalysisJob[], count: number): AnalysisJob[][] {
  const shares = Array.from({ length: count }, () => ({ jobs: [] as AnalysisJob[], bytes: 0 }));
  for (const job of [...jobs].sort((a, b) => b.text.length - a.text.length)) {
    const lightest = shares.reduce((min, share) => (share.bytes < min.bytes ? share : min));
    lightest.jobs.push(job);
    lightest.bytes += job.text.length;
  }
  return shares.map((share) => share.jobs).filter((share) => share.length > 0);
}

function runWorker(request: WorkerRequest, progress: (count: number) => void): Promise<FileOutcome[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SCRIPT, { workerData: request });
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') progress(message.done);
      else if (message.type === 'done') {
        resolve(message.outcomes);
        void worker.terminate();
      } else if (message.type === 'error') {
        reject(message.message.startsWith('config:') ? new ConfigError(message.message.slice(7)) : new Error(message.message));
        void worker.terminate();
      }
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`analysis worker exited with code ${code}`));
    });
  });
}
