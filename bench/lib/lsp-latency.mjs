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
 * Starts `dist/server.js --stdio` on a workspace folder. Resolves once the server is initialised and,
 * when it indexes the workspace, once that index is built (`indexMs`).
 */
export async function startServer(root, { initializationOptions = {}, waitForIndex = true, serverPath = path.join(REPO_ROOT, 'dist', 'server.js'), nodeArgs = [] } = {}) {
  const child = spawn(process.execPath, [...nodeArgs, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  let indexDone;
  const indexed = new Promise((resolve) => (indexDone = resolve));
  connection.onRequest(rpc.RegistrationRequest.type, () => undefined);
  connection.onRequest(rpc.WorkDoneProgressCreateRequest.type, () => undefined);
  connection.onRequest(rpc.DiagnosticRefreshRequest.type, () => undefined);
  connection.onNotification('$/progress', (params) => {
    if (params.value?.kind === 'end') indexDone();
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.onNotification('textDocument/publishDiagnostics', () => undefined);
  connection.onNotification('shipshape/status', () => undefined);
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
  const started = performance.now();
  await connection.sendNotification(rpc.InitializedNotification.type, {});
  if (waitForIndex) await indexed;
  const indexMs = performance.now() - started;
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
    memory() {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
      return { rssMB: kb('VmRSS') / 1024, peakMB: kb('VmHWM') / 1024 };
    },
    async stop() {
      await connection.sendRequest(rpc.ShutdownRequest.type);
      await connection.sendNotification(rpc.ExitNotification.type);
      connection.dispose();
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
    },
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
