// Entry point of dist/workspace-worker.js: a worker thread of parallel.ts. It is started before the
// files are read. It may first be asked to summarise a share of the files for the workspace index
// (`summarize`), then to analyse a share of them against the whole index (`analyze`, its last request);
// or, when there is no index and no cache, to read and analyse files itself, taking each from a list it
// shares with the other threads (`analyze-files`).
import { parentPort } from 'node:worker_threads';
import { SAVE_COMPILE_CACHE } from '../../launch/compile-cache';
import { ConfigError } from '../errors';
import { DiskHost } from '../host';
import { createEngine, createWorkspaceIndex, preparePythonImports, readsPython, summarizersByKey } from '../index';
import type { WorkerMessage, WorkerRequest } from './parallel';
import { analyzeFiles, analyzeJob, mapWithProgress, type FileOutcome } from './run';

const port = parentPort!;
const post = (message: WorkerMessage) => port.postMessage(message);
// Loaded ahead of the request: the engine and its rule packs are ready when the files arrive.
const engine = createEngine();
port.on('message', (request: WorkerRequest) => {
  try {
    if (request.type === 'summarize') {
      // Python summaries read a tree-sitter tree: the grammar must be loaded first.
      const ready = request.documents.some((document) => document.language === 'python') ? preparePythonImports() : Promise.resolve();
      void ready.then(() => {
        try {
          const index = createWorkspaceIndex(summarizersByKey(request.summarizers));
          post({ type: 'summaries', summaries: request.documents.map((document) => index.summarize(document)) });
        } catch (error) {
          fail(error);
        }
      });
      return;
    }
    const files = request.type === 'analyze' ? request.jobs : request.files;
    const ready = files.some((job) => job.loaded && readsPython(job.file)) ? preparePythonImports() : Promise.resolve();
    void ready.then(() => (request.type === 'analyze' ? analyze(request) : analyzeOwnShare(request)));
  } catch (error) {
    fail(error);
  }
});

function analyze(request: Extract<WorkerRequest, { type: 'analyze' }>): void {
  try {
    const workspace = createWorkspaceIndex();
    workspace.restore(request.index);
    const host = new DiskHost(request.contentOverride ? new Map(request.contentOverride) : undefined);
    const outcomes = mapWithProgress(request.jobs, (job) => analyzeJob(engine, job, workspace, host), (done) => post({ type: 'progress', done }));
    // The thread is terminated, not exited, once it answers: its compiled code is cached first (see launch/compile-cache.ts).
    (globalThis as Record<symbol, (() => void) | undefined>)[SAVE_COMPILE_CACHE]?.();
    post({ type: 'done', outcomes });
  } catch (error) {
    fail(error);
  }
}

/** Reads and analyses files one after the other (no index, no cache), taking each from the list the threads share. */
function analyzeOwnShare(request: Extract<WorkerRequest, { type: 'analyze-files' }>): void {
  try {
    const contentOverride = request.contentOverride ? new Map(request.contentOverride) : undefined;
    const outcomes = analyzeFiles(engine, request.files, createWorkspaceIndex(), new DiskHost(contentOverride), contentOverride, (count) => post({ type: 'progress', done: count }), request.claims);
    // The thread is terminated, not exited, once it answers: its compiled code is cached first (see launch/compile-cache.ts).
    (globalThis as Record<symbol, (() => void) | undefined>)[SAVE_COMPILE_CACHE]?.();
    post({ type: 'done', outcomes });
  } catch (error) {
    fail(error);
  }
}

function fail(error: unknown): void {
  post({ type: 'error', message: error instanceof ConfigError ? `config:${error.message}` : ((error as Error)?.message ?? String(error)) });
}
