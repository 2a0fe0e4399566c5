// Drives the language server over stdio for the architecture benchmark: waits for the background
// index, then times re-checks after edits that change a file's imports, and reads the server's memory.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { listFiles, REPO_ROOT } from './cache.mjs';

const require = createRequire(import.meta.url);
const rpc = require('vscode-languageserver-protocol/node');
const { URI } = require('vscode-uri');

const EDITS = 40;

export async function measureServer(root, editedRelative, dependentRelative) {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  let refreshWaiter;
  let indexDone;
  const indexed = new Promise((resolve) => (indexDone = resolve));
  connection.onRequest(rpc.RegistrationRequest.type, () => undefined);
  connection.onRequest(rpc.WorkDoneProgressCreateRequest.type, () => undefined);
  connection.onRequest(rpc.DiagnosticRefreshRequest.type, () => {
    const waiter = refreshWaiter;
    refreshWaiter = undefined;
    waiter?.();
  });
  connection.onNotification('$/progress', (params) => {
    if (params.value?.kind === 'end') indexDone();
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.onNotification('shipshape/status', () => undefined);
  connection.listen();

  const rootUri = URI.file(root).toString();
  await connection.sendRequest(rpc.InitializeRequest.type, {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'bench' }],
    capabilities: {
      window: { workDoneProgress: true },
      workspace: { diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: { diagnostic: { dynamicRegistration: false }, synchronization: { didSave: true } },
    },
    initializationOptions: {},
  });
  const indexStarted = performance.now();
  await connection.sendNotification(rpc.InitializedNotification.type, {});
  await indexed;
  const indexMs = performance.now() - indexStarted;

  const open = async (relative) => {
    const filePath = path.join(root, relative);
    const uri = URI.file(filePath).toString();
    const text = fs.readFileSync(filePath, 'utf8');
    await connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'typescript', version: 1, text } });
    return { uri, text, version: 1 };
  };
  const pull = (uri) => connection.sendRequest(rpc.DocumentDiagnosticRequest.type, { textDocument: { uri } });
  const edited = await open(editedRelative);
  const dependent = await open(dependentRelative);
  await pull(edited.uri);
  await pull(dependent.uri);

  // Alternately add and remove an import: each edit changes the import graph, so the edited file and
  // the cycle it belongs to are re-checked.
  const withImport = `import { EMPTY } from './observable/empty';\n${edited.text}`;
  const editedTimes = [];
  const dependentTimes = [];
  for (let i = 0; i < EDITS; i++) {
    const text = i % 2 === 0 ? withImport : edited.text;
    const refreshed = new Promise((resolve) => (refreshWaiter = resolve));
    const started = performance.now();
    await connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, { textDocument: { uri: edited.uri, version: ++edited.version }, contentChanges: [{ text }] });
    await pull(edited.uri);
    editedTimes.push(performance.now() - started);
    await refreshed;
    await pull(dependent.uri);
    dependentTimes.push(performance.now() - started);
  }
  const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  await connection.sendRequest(rpc.ShutdownRequest.type);
  await connection.sendNotification(rpc.ExitNotification.type);
  connection.dispose();
  return {
    files: listFiles(root, (relative) => relative.endsWith('.ts')).length,
    indexMs,
    samples: EDITS,
    edited: editedTimes,
    dependent: dependentTimes,
    rssMB: kb('VmRSS') / 1024,
    peakMB: kb('VmHWM') / 1024,
  };
}
