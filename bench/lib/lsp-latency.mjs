// A warm Shipshape language server over stdio, driven like an editor: open a document, send edits as
// incremental didChange notifications, and time each edit until the diagnostics for that version
// arrive (pull: textDocument/diagnostic answered). Shared by the editor benchmark and any family
// benchmark that times live feedback; also reads the server's memory from /proc.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT } from './cache.mjs';

const require = createRequire(import.meta.url);
const rpc = require('vscode-languageserver-protocol/node');
const { URI } = require('vscode-uri');

/**
 * Spawns `dist/server.js --stdio` on a workspace folder and initialises it the way an editor does. The
 * server's requests and notifications get a no-op answer unless `on` has a handler for the method.
 * Returns the child, the connection, `initializedAt` (when `initialized` was sent) and `indexed`, which
 * resolves when the first workspace index ends (`$/progress` end). Shared by every benchmark and the soak.
 */
export async function connectServer(root, { on = {}, stderr = 'inherit', initializationOptions = {}, serverPath = path.join(REPO_ROOT, 'dist', 'server.js'), nodeArgs = [] } = {}) {
  const child = spawn(process.execPath, [...nodeArgs, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', stderr] });
  const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  let indexDone;
  const indexed = new Promise((resolve) => (indexDone = resolve));
  for (const type of [rpc.RegistrationRequest.type, rpc.WorkDoneProgressCreateRequest.type, rpc.DiagnosticRefreshRequest.type]) {
    connection.onRequest(type, (params) => on[type.method]?.(params));
  }
  // `$/progress` by name: the connection has its own handler for it, which a catch-all does not replace.
  connection.onNotification('$/progress', (params) => {
    if (params?.value?.kind === 'end') indexDone();
    on['$/progress']?.(params);
  });
  connection.onNotification((method, params) => on[method]?.(params));
  connection.listen();

  const rootUri = URI.file(root).toString();
  await connection.sendRequest(rpc.InitializeRequest.type, {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: path.basename(root) }],
    capabilities: {
      window: { workDoneProgress: true },
      workspace: { diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: { diagnostic: { dynamicRegistration: false }, synchronization: { didSave: true } },
    },
    initializationOptions,
  });
  const initializedAt = performance.now();
  await connection.sendNotification(rpc.InitializedNotification.type, {});
  return { child, connection, initializedAt, indexed };
}

/** Asks the server to shut down and waits for its process to end. */
export async function stopServer({ child, connection }) {
  await connection.sendRequest(rpc.ShutdownRequest.type);
  await connection.sendNotification(rpc.ExitNotification.type);
  connection.dispose();
  await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
}

/** Current and peak resident memory of a process, in MB (Linux /proc). */
export function processMemory(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMB: kb('VmRSS') / 1024, peakMB: kb('VmHWM') / 1024 };
}

/**
 * Starts a server on a workspace folder (see connectServer). Resolves once the server is initialised
 * and, when it indexes the workspace, once that index is built (`indexMs`).
 */
export async function startServer(root, { waitForIndex = true, ...options } = {}) {
  const server = await connectServer(root, options);
  const { child, connection } = server;
  if (waitForIndex) await server.indexed;
  const indexMs = performance.now() - server.initializedAt;
  const documents = new Map();

  return {
    pid: child.pid,
    indexMs,
    /** Opens a file (its disk content, or `text`) and returns its first diagnostics. */
    async open(filePath, text = fs.readFileSync(filePath, 'utf8'), languageId = 'typescript') {
      const uri = URI.file(filePath).toString();
      documents.set(uri, { version: 1, text });
      await connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
      return { uri, diagnostics: (await this.pull(uri)).items };
    },
    pull: (uri) => connection.sendRequest(rpc.DocumentDiagnosticRequest.type, { textDocument: { uri } }),
    /** Applies one incremental change ({ range, text }) and times it until that version's diagnostics arrive. */
    async edit(uri, change) {
      const document = documents.get(uri);
      document.version++;
      const started = performance.now();
      await connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, { textDocument: { uri, version: document.version }, contentChanges: [change] });
      const report = await this.pull(uri);
      return { ms: performance.now() - started, diagnostics: report.items };
    },
    /** Current and peak resident memory of the server process, in MB. */
    memory: () => processMemory(child.pid),
    stop: () => stopServer(server),
  };
}

/**
 * Times every edit of an edit script (see edit-script.mjs) in a warm server: didChange → diagnostics.
 * Returns the per-edit times in ms and the diagnostics count after the last edit.
 */
export async function measureEditLatency(session, uri, edits, { warmup = 10 } = {}) {
  const times = [];
  let diagnostics = [];
  for (let i = 0; i < edits.length; i++) {
    const result = await session.edit(uri, edits[i].change);
    if (i >= warmup || edits.length <= warmup) times.push(result.ms);
    diagnostics = result.diagnostics;
  }
  return { times, diagnostics: diagnostics.length };
}
