// The primer server command over stdio: advertised, built from the config and the findings the server
// holds for the files touched, instruction formats come with the file's new text; no secret values.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ExecuteCommandRequest } from 'vscode-languageserver-protocol/node';
import { PRIMER_COMMAND, type PrimerCommandResult } from '../../server/src/lsp/protocol';
import { copyFolder, TestLspClient } from '../helpers/lsp-client';

const SAMPLE = path.resolve(__dirname, '../../examples/sample-service');

describe('primer server command', function () {
  let root: string;
  let client: TestLspClient;
  let capabilities: { executeCommandProvider?: { commands: string[] } };

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-primer-'));
    copyFolder(SAMPLE, root);
    fs.writeFileSync(path.join(root, 'package.json'), '{"scripts":{"test":"vitest run"}}');
    fs.writeFileSync(path.join(root, 'AGENTS.md'), '# Team notes\n\nUse pnpm.\n');
    client = new TestLspClient();
    const result = (await client.initialize({ rootPath: root, pull: true })) as { capabilities: typeof capabilities };
    capabilities = result.capabilities;
  });

  after(async () => {
    await client.shutdown();
  });

  const primer = (args: unknown) => client.connection.sendRequest(ExecuteCommandRequest.type, { command: PRIMER_COMMAND, arguments: [args] }) as Promise<PrimerCommandResult>;

  it('is advertised under a name no client command uses', () => {
    assert.ok(capabilities.executeCommandProvider?.commands.includes('shipshape.server.primer'));
    const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
    assert.ok(!manifest.contributes.commands.some((c) => c.command === PRIMER_COMMAND));
  });

  it('builds the Markdown primer with the open findings of the touched files the server holds', async () => {
    const order = path.join(root, 'src/domain/order.ts');
    const key = path.join(root, 'src/config/signing-key.ts');
    const orderUri = await client.open(order);
    const keyUri = await client.open(key);
    await client.pull(orderUri);
    await client.pull(keyUri);
    const result = await primer({ folder: client.uri(root), files: [orderUri, keyUri], evidence: ['Since 14:02 the AI edits re-introduced `domain must not import infra` twice after it had been fixed.'], task: 'Add cancellation' });
    assert.equal(result.format, 'markdown');
    assert.equal(result.file, undefined);
    const text = result.text;
    assert.match(text, /^# Primer for a fresh session\n\n## Hard constraints[^\n]*\n1\. `domain`/);
    assert.match(text, /## Task\nAdd cancellation\n/);
    assert.match(text, /## Why a fresh session\n- Since 14:02 the AI edits re-introduced `domain must not import infra` twice after it had been fixed\.\n/);
    assert.match(text, /Files touched: the 2 with findings below\nOpen findings:\n- src\/config\/signing-key.ts:3 secrets\/private-key: Private key hardcoded \(\d+ characters\)\n- src\/domain\/order.ts:2 architecture\/layer-import: domain must not import infra \(src\/infra\/db.ts\)\n/);
    assert.match(text, /## Verify before you finish\n- `npm test`\n- `shipshape readiness`\n/);
    // The private key's body never leaves the server.
    const body = fs.readFileSync(key, 'utf8').split('\n').find((line) => /^[A-Za-z0-9+/=]{40,}$/.test(line.trim()));
    assert.ok(body, 'fixture has a key body');
    assert.ok(!text.includes(body!.trim().slice(0, 24)));
  });

  it('gives the instruction file its new text, keeping what is outside the block', async () => {
    const result = await primer({ folder: client.uri(root), format: 'agents' });
    assert.ok(result.file);
    assert.equal(result.file.uri, client.uri(path.join(root, 'AGENTS.md')));
    assert.equal(result.file.exists, true);
    assert.equal(result.file.newText, `# Team notes\n\nUse pnpm.\n\n${result.text}`);
    const cursor = await primer({ folder: client.uri(root), format: 'cursor' });
    assert.equal(cursor.file!.exists, false);
    assert.match(cursor.file!.newText, /^---\n[\s\S]*alwaysApply: true\n---\n\n<!-- shipshape:begin/);
  });

  it('answers a bad format with an error, and keeps serving', async () => {
    await assert.rejects(primer({ format: 'html' }), /Unknown primer format 'html'/);
    assert.equal((await primer({})).format, 'markdown');
  });
});
