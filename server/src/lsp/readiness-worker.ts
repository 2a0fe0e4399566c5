// Runs a readiness review in a worker thread (dist/readiness-worker.js), so the language server keeps
// answering the editor while a whole workspace is analysed; cancelling terminates the worker.
import { parentPort, workerData } from 'node:worker_threads';
import { createEngine } from '../engine/index';
import { loadRootConfig, runReadiness } from '../engine/readiness/run';
import { collectFiles } from '../engine/workspace/files';

interface Job {
  folder: string;
  allowGit: boolean;
}

const job = workerData as Job;
const port = parentPort!;
async function main(): Promise<void> {
  const engine = createEngine();
  const rootConfig = loadRootConfig(engine, job.folder);
  const files = collectFiles([job.folder]).files;
  port.postMessage({ type: 'progress', done: 0, total: files.length });
  const { report } = await runReadiness(engine, {
    dir: job.folder,
    files,
    rootConfig,
    allowGit: job.allowGit,
    warn: (message) => port.postMessage({ type: 'warn', message }),
    onProgress: (done, total) => port.postMessage({ type: 'progress', done, total }),
  });
  port.postMessage({ type: 'done', report });
}

main().catch((error) => port.postMessage({ type: 'error', message: (error as Error)?.message ?? String(error) }));
