// Workspace trust: built-in rules always run; what the workspace defines (custom secret regexes) runs
// only once the workspace is trusted. The suite runs twice, trusted and in Restricted Mode.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { codeOf, open, waitForDiagnostics } = require('./helpers');

describe('Shipshape and workspace trust (code-server)', () => {
  it(`runs built-in rules, and custom regexes only when trusted (trusted: ${vscode.workspace.isTrusted})`, async () => {
    // Its own file: other suites edit the shared fixtures.
    const partner = await open('src/partner.ts');
    await waitForDiagnostics(partner.uri, (d) => d.some((x) => codeOf(x) === 'failure/empty-catch'), 'a built-in rule');
    const diagnostics = await waitForDiagnostics(partner.uri, (d) => d.some((x) => codeOf(x) === 'failure/empty-catch'), 'the analysis of the file');
    if (vscode.workspace.isTrusted) {
      const custom = await waitForDiagnostics(partner.uri, (d) => d.some((x) => codeOf(x) === 'secrets/custom'), 'the custom rule');
      assert.match(custom.find((x) => codeOf(x) === 'secrets/custom').message, /^ACME partner token/);
    } else {
      assert.deepEqual(diagnostics.filter((x) => codeOf(x) === 'secrets/custom'), [], 'no workspace-defined regex in Restricted Mode');
    }
  });
});
