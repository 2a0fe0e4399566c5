// The secrets quick fix in a real VS Code: the literal is replaced by an environment lookup, the value
// lands in .env (written by the server, never sent over LSP) and .gitignore covers .env.
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { codeOf, fileUri, open, waitForDiagnostics, waitForText, workspaceRoot } = require('./helpers');

const VALUE = 'sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab';

describe('Shipshape secrets quick fix in VS Code (code-server)', () => {
  it('moves a hardcoded key to .env', async () => {
    const file = path.join(workspaceRoot(), 'src/payments.ts');
    fs.writeFileSync(file, `export const stripeSecretKey = "${VALUE}";\n`);
    const document = await open('src/payments.ts');
    const [diagnostic] = await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'secrets/stripe-key'), 'secrets/stripe-key');
    assert.ok(!diagnostic.message.includes(VALUE.slice(8)), 'the key is masked');
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
    const move = actions.find((a) => a.title.startsWith('Move to environment variable'));
    assert.ok(move, `offered; got ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(move.title, 'Move to environment variable STRIPE_SECRET_KEY (value saved in .env)');
    await vscode.commands.executeCommand(move.command.command, ...move.command.arguments);
    await waitForText(document, (t) => t.includes('process.env.STRIPE_SECRET_KEY'), 'the literal replaced');
    assert.equal(document.getText(), 'export const stripeSecretKey = process.env.STRIPE_SECRET_KEY;\n');
    assert.equal(fs.readFileSync(path.join(workspaceRoot(), '.env'), 'utf8'), `STRIPE_SECRET_KEY=${VALUE}\n`);
    assert.match(fs.readFileSync(path.join(workspaceRoot(), '.gitignore'), 'utf8'), /^\.env$/m);
    await waitForDiagnostics(document.uri, (d) => !d.some((x) => codeOf(x) === 'secrets/stripe-key'), 'finding gone');
    await document.save();
  });

  // An MCP client's config (Cursor's, which VS Code leaves alone): the token is a flag's value inside a
  // string of the server's args, and the client's own lookup replaces it.
  it("moves a token out of an MCP server's args", async () => {
    const token = 'figd_Xk9vQ2pL7xW4zR8mQ3ZxT6yU1iO5pA8sD2fG4hJ7';
    const relative = '.cursor/mcp.json';
    const file = path.join(workspaceRoot(), relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `{\n  "mcpServers": {\n    "figma": { "command": "npx", "args": ["-y", "figma-developer-mcp", "--figma-api-key=${token}", "--stdio"] }\n  }\n}\n`);
    try {
      const document = await open(relative);
      const [diagnostic] = await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'secrets/generic-credential'), 'secrets/generic-credential');
      assert.ok(!diagnostic.message.includes(token.slice(5)), 'the token is masked');
      const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
      const move = actions.find((a) => a.title.startsWith('Move to environment variable'));
      assert.ok(move, `offered; got ${JSON.stringify(actions.map((a) => a.title))}`);
      await vscode.commands.executeCommand(move.command.command, ...move.command.arguments);
      await waitForText(document, (t) => t.includes('${env:FIGMA_API_KEY}'), 'the token replaced');
      assert.match(document.getText(), /"--figma-api-key=\$\{env:FIGMA_API_KEY\}"/);
      assert.match(fs.readFileSync(path.join(workspaceRoot(), '.env'), 'utf8'), new RegExp(`^FIGMA_API_KEY=${token}$`, 'm'));
      await waitForDiagnostics(document.uri, (d) => !d.some((x) => codeOf(x) === 'secrets/generic-credential'), 'finding gone');
      await document.save();
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});
