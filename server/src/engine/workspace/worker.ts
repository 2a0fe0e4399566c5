// Entry point of dist/workspace-worker.js: analyses a share of the files for parallel.ts. The thread is
// started before the files are read; its one request arrives as a message.
import { parentPort } from 'node:worker_threads';
import { ConfigError } from '../errors';
import { DiskHost } from '../host';
import { createEngine, createWorkspaceIndex, languageOf, preparePythonImports } from '../index';
import type { WorkerMessage, WorkerRequest } from './parallel';
import { analyzeJob, type FileOutcome } from './run';

const port = parentPort!;
const post = (message: WorkerMessage) => port.postMessage(message);
// Loaded ahead of the request: the engine and its rule packs are ready when the files arrive.
const engine = createEngine();
port.once('message', (request: WorkerRequest) => {
  const ready = request.jobs.some((job) => job.loaded && languageOf(job.file) === 'python') ? preparePythonImports() : Promise.resolve();
  void ready.then(() => run(request));
});

function run(request: WorkerRequest): void {
  try {
  const workspace = createWorkspaceIndex();
  workspace.restore(request.index);
  const host = new DiskHost(request.contentOverride ? new Map(request.contentOverride) : undefined);
  const outcomes: FileOutcome[] = [];
  for (const job of request.jobs) {
    outcomes.push(analyzeJob(engine, job, workspace, host));
    if (outcomes.length % 25 === 0) post({ type: 'progress', done: 25 });
  }
  post({ type: 'progress', done: outcomes.length % 25 });
  post({ type: 'done', outcomes });
  } catch (error) {
    post({ type: 'error', message: error instanceof ConfigError ? `config:${error.message}` : ((error as Error)?.message ?? String(error)) });
  }
}
