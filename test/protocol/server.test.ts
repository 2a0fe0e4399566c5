// The language server over stdio, driven by a real JSON-RPC client (vscode-languageserver-protocol).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeActionRequest, ExecuteCommandRequest, FileChangeType, type CodeAction } from 'vscode-languageserver-protocol/node';
import { copyFolder, TestLspClient } from '../helpers/lsp-client';

const SAMPLE = path.resolve(__dirname, '../../examples/sample-service');

function workspaceCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-lsp-'));
  copyFolder(SAMPLE, dir);
  return dir;
}

const codes = (diagnostics: { code?: unknown }[]) => diagnostics.map((d) => d.code).sort();

describe('language server over stdio (pull diagnostics)', function () {
  let root: string;
  let client: TestLspClient;

  before(async () => {
    root = workspaceCopy();
    client = new TestLspClient();
    const result = (await client.initialize({ rootPath: root, pull: true })) as { capabilities: Record<string, unknown> };
    assert.ok(result.capabilities.diagnosticProvider, 'advertises pull diagnostics');
  });

  after(async () => {
    const code = await client.shutdown();
    assert.equal(code, 0, `server exit code; stderr: ${client.stderr.join('')}`);
  });

  it('reports one finding of each family with source, code, doc link and exact range', async () => {
    const order = await client.open(path.join(root, 'src/domain/order.ts'));
    const place = await client.open(path.join(root, 'src/app/place-order.ts'));
    const key = await client.open(path.join(root, 'src/config/signing-key.ts'));

    const layer = await client.pull(order);
    assert.deepEqual(codes(layer), ['architecture/layer-import']);
    assert.equal(layer[0].source, 'shipshape');
    assert.deepEqual(layer[0].range, { start: { line: 1, character: 22 }, end: { line: 1, character: 35 } });
    assert.match(layer[0].message as string, /^domain must not import infra \(src\/infra\/db\.ts\): The domain model stays free of I\/O/);
    assert.match(layer[0].codeDescription!.href, /docs\/rules\/architecture\/layer-import\.md$/);
    assert.ok(fs.existsSync(new URL(layer[0].codeDescription!.href).pathname), 'doc link points at an existing page');

    const catchDiagnostics = await client.pull(place);
    assert.deepEqual(codes(catchDiagnostics), ['failure/empty-catch']);
    assert.equal(catchDiagnostics[0].severity, 1, 'shipshape.yml raises empty-catch to error');

    const secret = await client.pull(key);
    assert.deepEqual(codes(secret), ['secrets/private-key']);
    assert.ok(!JSON.stringify(secret).includes('PRIVATE KEY-----\n'), 'no key material in the diagnostic');
  });

  it('re-analyses on change', async () => {
    const uri = client.uri(path.join(root, 'src/app/place-order.ts'));
    const fixed = client.text(uri).replace('} catch (err) {\n  }', '} catch (err) {\n    throw new Error("bad coupon", { cause: err });\n  }');
    assert.notEqual(fixed, client.text(uri));
    await client.change(uri, fixed);
    assert.deepEqual(await client.pull(uri), []);
    await client.change(uri, fixed.replace('throw new Error("bad coupon", { cause: err });', ''));
    assert.deepEqual(codes(await client.pull(uri)), ['failure/empty-catch']);
  });

  it('offers "suppress with reason" and applies it through the server command', async () => {
    const uri = client.uri(path.join(root, 'src/app/place-order.ts'));
    const diagnostics = await client.pull(uri);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title), ['Rethrow the error with its cause', 'Suppress failure/empty-catch with a reason…', 'Add to baseline (failure/empty-catch)']);
    assert.deepEqual(actions[1].command?.arguments, [uri, diagnostics[0].range.start.line, 'failure/empty-catch']);

    const result = await client.connection.sendRequest(ExecuteCommandRequest.type, {
      command: 'shipshape.applySuppression',
      arguments: [uri, diagnostics[0].range.start.line, 'failure/empty-catch', 'coupon is optional'],
    });
    assert.deepEqual(result, { applied: true });
    assert.match(client.text(uri), /\n {2}\/\/ shipshape-ignore-next-line failure\/empty-catch -- coupon is optional\n {2}\} catch \(err\) \{/);
    assert.deepEqual(await client.pull(uri), []);
  });

  it('offers engine fixes as code actions with workspace edits', async () => {
    const uri = await client.open(path.join(root, 'src/stale.ts'), 'export const a = 1;\n// shipshape-ignore-next-line failure/empty-catch -- was needed once\nexport const b = 2;\n');
    const diagnostics = await client.pull(uri);
    assert.deepEqual(codes(diagnostics), ['shipshape/unused-suppression']);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title), ['Remove the unused suppression']);
    assert.deepEqual(actions[0].edit?.changes?.[uri], [{ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, newText: '' }]);
    await client.close(uri);
  });

  it('moves a secret to .env: the value is written by the server, never sent over LSP', async () => {
    const value = 'sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab';
    const file = path.join(root, 'src/payments.ts');
    fs.writeFileSync(path.join(root, '.env'), 'EXISTING=1');
    const uri = await client.open(file, `export const stripeSecret = "${value}";\n`);
    const diagnostics = await client.pull(uri);
    assert.deepEqual(codes(diagnostics), ['secrets/stripe-key']);
    assert.ok(!JSON.stringify(diagnostics).includes(value.slice(8)), 'diagnostic is masked');
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } })) as CodeAction[];
    const move = actions.find((a) => a.title.startsWith('Move to environment variable'))!;
    assert.equal(move.title, 'Move to environment variable STRIPE_SECRET (value saved in .env)');
    assert.equal(move.edit, undefined, 'no edit with the secret in it');
    assert.ok(!JSON.stringify(actions).includes(value.slice(8)), 'no code action carries the value');
    const result = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: move.command!.command, arguments: move.command!.arguments });
    assert.deepEqual(result, { applied: true });
    assert.equal(client.text(uri), 'export const stripeSecret = process.env.STRIPE_SECRET;\n');
    assert.equal(fs.readFileSync(path.join(root, '.env'), 'utf8'), `EXISTING=1\nSTRIPE_SECRET=${value}\n`);
    assert.equal(fs.readFileSync(path.join(root, '.env.example'), 'utf8'), 'STRIPE_SECRET=\n');
    assert.deepEqual(await client.pull(uri), []);
    await client.close(uri);
  });

  it('moves a Terraform attribute to a sensitive input variable, whose value TF_VAR_<name> in .env gives', async () => {
    const value = 'kT9vQ2pL7xW4zR8mQ3Zx';
    const env = path.join(root, '.env');
    const before = fs.existsSync(env) ? fs.readFileSync(env, 'utf8') : '';
    const uri = await client.open(path.join(root, 'infra/main.tf'), `resource "aws_db_instance" "main" {\n  password = "${value}"\n}\n`, 'terraform');
    const diagnostics = await client.pull(uri);
    assert.deepEqual(codes(diagnostics), ['secrets/hashicorp-terraform-password']);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } })) as CodeAction[];
    const move = actions.find((a) => a.title.startsWith('Move to environment variable'))!;
    assert.equal(move.title, 'Move to environment variable TF_VAR_aws_db_instance_password (value saved in .env)');
    assert.deepEqual(await client.connection.sendRequest(ExecuteCommandRequest.type, { command: move.command!.command, arguments: move.command!.arguments }), { applied: true });
    assert.equal(client.text(uri), 'resource "aws_db_instance" "main" {\n  password = var.aws_db_instance_password\n}\n\nvariable "aws_db_instance_password" {\n  type      = string\n  sensitive = true\n}\n');
    assert.equal(fs.readFileSync(env, 'utf8'), `${before}${before && !before.endsWith('\n') ? '\n' : ''}TF_VAR_aws_db_instance_password=${value}\n`);
    assert.deepEqual(await client.pull(uri), []);
    await client.close(uri);
  });

  it('adds a finding to the baseline, which hides it', async () => {
    const uri = await client.open(path.join(root, 'src/legacy.ts'), 'try { legacy(); } catch (e) {}\n');
    const diagnostics = await client.pull(uri);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } })) as CodeAction[];
    const add = actions.find((a) => a.title === 'Add to baseline (failure/empty-catch)')!;
    const refreshed = client.nextRefresh();
    assert.deepEqual(await client.connection.sendRequest(ExecuteCommandRequest.type, { command: add.command!.command, arguments: add.command!.arguments }), { applied: true });
    await refreshed;
    assert.deepEqual(await client.pull(uri), []);
    const baseline = JSON.parse(fs.readFileSync(path.join(root, '.shipshape/baseline.json'), 'utf8'));
    assert.deepEqual(Object.values(baseline.findings), [{ ruleId: 'failure/empty-catch', file: 'src/legacy.ts', count: 1 }]);
    await client.close(uri);
  });

  it('refuses a suppression without a reason and leaves the text alone', async () => {
    const uri = client.uri(path.join(root, 'src/domain/order.ts'));
    const before = client.text(uri);
    const result = await client.connection.sendRequest(ExecuteCommandRequest.type, {
      command: 'shipshape.applySuppression',
      arguments: [uri, 1, 'architecture/layer-import', ''],
    });
    assert.deepEqual(result, { applied: false, reason: 'a suppression needs a reason' });
    assert.equal(client.text(uri), before);
  });

  it('reports a broken shipshape.yml at the right line and keeps the last good config', async () => {
    const configPath = path.join(root, 'shipshape.yml');
    const good = fs.readFileSync(configPath, 'utf8');
    const broken = good.replace('  failure/empty-catch: error', '  failure/empty-catch: loud');
    const brokenLine = broken.split('\n').findIndex((line) => line.includes('loud'));
    fs.writeFileSync(configPath, broken);
    const refreshed = client.nextRefresh();
    const published = client.nextPublish((p) => p.uri === client.uri(configPath) && p.diagnostics.length > 0);
    await client.filesChanged([{ uri: client.uri(configPath), type: FileChangeType.Changed }]);
    const problems = (await published).diagnostics;
    await refreshed;
    assert.equal(problems.length, 1);
    assert.equal(problems[0].range.start.line, brokenLine);
    assert.equal(problems[0].severity, 1);
    assert.match(problems[0].message as string, /must be equal to one of the allowed values.*last valid configuration/);

    // Analysis goes on with the last good config: the layer rule still applies, empty-catch is still an error.
    const order = client.uri(path.join(root, 'src/domain/order.ts'));
    assert.deepEqual(codes(await client.pull(order)), ['architecture/layer-import']);

    fs.writeFileSync(configPath, good.replace('  failure/empty-catch: error', '  architecture/*: off'));
    const cleared = client.nextPublish((p) => p.uri === client.uri(configPath) && p.diagnostics.length === 0);
    await client.filesChanged([{ uri: client.uri(configPath), type: FileChangeType.Changed }]);
    await cleared;
    assert.deepEqual(await client.pull(order), [], 'the new config switched the family off');
  });

  it('runs the readiness check in a worker with progress, and agrees with the CLI', async () => {
    const progress: string[] = [];
    client.connection.onNotification('$/progress', (params: { token: string; value: { kind: string } }) => {
      if (params.token === 'readiness-1') progress.push(params.value.kind);
    });
    const result = (await client.connection.sendRequest('shipshape/readiness', { folder: client.uri(root), workDoneToken: 'readiness-1' })) as {
      folder: string;
      report: { verdict: { passed: boolean; gates: { id: string; actual: number }[] }; findings: { ruleId: string }[] };
      markdown: string;
    };
    assert.equal(result.folder, root);
    assert.equal(progress[0], 'begin');
    assert.equal(progress[progress.length - 1], 'end');
    const cli = JSON.parse(spawnSync(process.execPath, [path.resolve(__dirname, '../../dist/cli.js'), 'readiness', root, '--format', 'json'], { encoding: 'utf8' }).stdout);
    assert.deepEqual(result.report.verdict, cli.verdict);
    assert.deepEqual(result.report.findings.map((f) => f.ruleId), cli.findings.map((f: { ruleId: string }) => f.ruleId));
    assert.match(result.markdown, /^# Readiness: /);
    assert.match(result.markdown, /\[(src\/[\w/.-]+):(\d+)\]\(\/\1#L\2\)/, 'locations are workspace links');
  });

  it('validates an open shipshape.yml live, before it is saved', async () => {
    const configPath = path.join(root, 'shipshape.yml');
    const uri = await client.open(configPath, fs.readFileSync(configPath, 'utf8'), 'yaml');
    await client.change(uri, 'rules:\n  failure/empty-catch: [\n');
    const diagnostics = await client.pull(uri);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, 'shipshape/config');
    await client.close(uri);
  });
});

describe('language server over stdio (push diagnostics)', () => {
  it('publishes diagnostics to clients without pull support, and config problems at start', async () => {
    const root = workspaceCopy();
    // A warning (unknown rule id) keeps the config in force; the layer rule must still apply.
    fs.appendFileSync(path.join(root, 'shipshape.yml'), '  failure/empty-catsh: error\n');
    const client = new TestLspClient();
    try {
      const result = (await client.initialize({ rootPath: root, pull: false })) as { capabilities: Record<string, unknown> };
      assert.equal(result.capabilities.diagnosticProvider, undefined);
      const configProblems = await client.waitForPublish((p) => p.uri === client.uri(path.join(root, 'shipshape.yml')));
      const lines = fs.readFileSync(path.join(root, 'shipshape.yml'), 'utf8').split('\n');
      assert.equal(configProblems.diagnostics[0].range.start.line, lines.indexOf('  failure/empty-catsh: error'));
      assert.equal(configProblems.diagnostics[0].severity, 2);

      const uri = client.uri(path.join(root, 'src/domain/order.ts'));
      const published = client.waitForPublish((p) => p.uri === uri);
      await client.open(path.join(root, 'src/domain/order.ts'));
      assert.deepEqual(codes((await published).diagnostics), ['architecture/layer-import']);

      const clean = client.nextPublish((p) => p.uri === uri && p.version === 2);
      await client.change(uri, 'export const x = 1;\n');
      assert.deepEqual((await clean).diagnostics, []);
    } finally {
      assert.equal(await client.shutdown(), 0);
    }
  });
});
