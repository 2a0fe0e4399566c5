// Helpers for extension-host tests: everything waits on VS Code events, with a guard timeout.
'use strict';
const vscode = require('vscode');
const path = require('node:path');

const GUARD_MS = 60000;

function workspaceRoot() {
  return vscode.workspace.workspaceFolders[0].uri.fsPath;
}

function fileUri(relative) {
  return vscode.Uri.file(path.join(workspaceRoot(), relative));
}

function shipshapeDiagnostics(uri) {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'shipshape');
}

function codeOf(diagnostic) {
  return typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
}

/** Resolves with the shipshape diagnostics of `uri` once `predicate` holds for them. */
function waitForDiagnostics(uri, predicate, what = 'diagnostics') {
  return new Promise((resolve, reject) => {
    const check = () => {
      const diagnostics = shipshapeDiagnostics(uri);
      if (predicate(diagnostics)) {
        subscription.dispose();
        clearTimeout(timer);
        resolve(diagnostics);
        return true;
      }
      return false;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out waiting for ${what} on ${uri.fsPath}; have: ${JSON.stringify(shipshapeDiagnostics(uri).map((d) => [codeOf(d), d.message]))}`));
    }, GUARD_MS);
    check();
  });
}

function waitForText(document, predicate, what = 'document change') {
  return new Promise((resolve, reject) => {
    if (predicate(document.getText())) return resolve(document.getText());
    const subscription = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === document && predicate(document.getText())) {
        subscription.dispose();
        clearTimeout(timer);
        resolve(document.getText());
      }
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out waiting for ${what}`));
    }, GUARD_MS);
  });
}

/**
 * Resolves the next time the diagnostics of `uri` change (any source, even to an empty list). Call it
 * BEFORE the action that makes them change, then await it: it proves the server answered for `uri`, so
 * "no diagnostics" afterwards means "no findings" rather than "not analysed yet".
 */
function nextDiagnosticsChange(uri, what = 'a diagnostics update') {
  let subscription;
  let timer;
  return new Promise((resolve, reject) => {
    subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) {
        subscription.dispose();
        clearTimeout(timer);
        resolve(shipshapeDiagnostics(uri));
      }
    });
    timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out waiting for ${what} on ${uri.fsPath}`));
    }, GUARD_MS);
  });
}

async function open(relative) {
  const document = await vscode.workspace.openTextDocument(fileUri(relative));
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

module.exports = { workspaceRoot, fileUri, shipshapeDiagnostics, codeOf, waitForDiagnostics, nextDiagnosticsChange, waitForText, open };
