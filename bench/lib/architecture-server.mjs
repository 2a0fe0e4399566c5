// Drives the language server over stdio for the architecture benchmark: waits for the background
// index, then times re-checks after edits that change a file's imports, and reads the server's memory.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { listFiles } from './cache.mjs';
import { connectServer, processMemory, stopServer } from './lsp-latency.mjs';

const require = createRequire(import.meta.url);
const rpc = require('vscode-languageserver-protocol/node');
const { URI } = require('vscode-uri');

const EDITS = 40;

export async function measureServer(root, editedRelative, dependentRelative) {
  let refreshWaiter;
  const server = await connectServer(root, {
    on: {
      [rpc.DiagnosticRefreshRequest.type.method]: () => {
        const waiter = refreshWaiter;
        refreshWaiter = undefined;
        waiter?.();
      },
    },
  });
  const { connection } = server;
  await server.indexed;
  const indexMs = performance.now() - server.initializedAt;

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
  const memory = processMemory(server.child.pid);
  await stopServer(server);
  return {
    files: listFiles(root, (relative) => relative.endsWith('.ts')).length,
    indexMs,
    samples: EDITS,
    edited: editedTimes,
    dependent: dependentTimes,
    ...memory,
  };
}
