// Planted secrets must never come out: not in diagnostics, code action titles, server logs, CLI text,
// JSON, SARIF or Markdown, readiness reports, or the baseline. Every output is searched for them.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeActionRequest, type CodeAction } from 'vscode-languageserver-protocol/node';
import { makeWorkspace } from '../helpers/engine';
import { TestLspClient } from '../helpers/lsp-client';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const PLANTED = {
  stripe: 'sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab',
  aws: 'AKIAQ3EGRT7PLM2XKW4Z',
  github: 'ghp_k3J9x2M5q8W1z4V7b6N0p2R5t8Y1u4I7o0Pa',
  password: 'Tr0ub4dor&3-horse-Battery',
  custom: 'acme_k3j9x2m5q8w1z4v7b6n0p2r5',
  pemLine: 'E+90UVmnD5PSlKvmtRlYbtn2prhhBq7VDpoGFuE34SQUTt8bSD2T9wV8gfFyBoTk',
};

function workspace(): string {
  return makeWorkspace({
    'shipshape.yml': 'secrets:\n  custom:\n    - id: acme-token\n      regex: "acme_[a-z0-9]{24}"\n      keywords: [acme_]\n',
    'src/config.ts': `export const stripe = "${PLANTED.stripe}";\nexport const aws = "${PLANTED.aws}";\nexport const acme = "${PLANTED.custom}";\n`,
    'deploy.yml': `github_token: ${PLANTED.github}\ndb_password: "${PLANTED.password}"\n`,
    'keys/id_rsa': `-----BEGIN RSA PRIVATE KEY-----\n${PLANTED.pemLine}\nojC72qY6vNfDlZ+jDnp5SSDSPq5lhPPgCl89xeGmNrKjDM1Tqd1l0t6gsUYNnR5b\n-----END RSA PRIVATE KEY-----\n`,
  });
}

function assertClean(label: string, output: string): void {
  for (const [name, value] of Object.entries(PLANTED)) {
    // The whole value, and any quarter of it beyond a public prefix, must be absent.
    assert.ok(!output.includes(value), `${label} contains the planted ${name}`);
    assert.ok(!output.includes(value.slice(8, 8 + Math.ceil(value.length / 4) + 2)), `${label} contains part of the planted ${name}`);
  }
}

describe('secret hygiene: planted secrets never appear in any output', () => {
  it('CLI check and readiness, in every format, and the baseline', () => {
    const dir = workspace();
    let total = 0;
    for (const format of ['text', 'json', 'sarif']) {
      const result = spawnSync(process.execPath, [CLI, 'check', dir, '--format', format], { encoding: 'utf8' });
      assertClean(`check --format ${format}`, result.stdout + result.stderr);
      if (format === 'json') total = JSON.parse(result.stdout).findings.filter((f: { family: string }) => f.family === 'secrets').length;
    }
    assert.ok(total >= 6, `all planted secrets are found (${total})`);
    for (const format of ['text', 'json', 'sarif', 'markdown']) {
      const result = spawnSync(process.execPath, [CLI, 'readiness', dir, '--format', format], { encoding: 'utf8' });
      assertClean(`readiness --format ${format}`, result.stdout + result.stderr);
    }
    spawnSync(process.execPath, [CLI, 'baseline', dir], { encoding: 'utf8' });
    assertClean('.shipshape/baseline.json', fs.readFileSync(path.join(dir, '.shipshape', 'baseline.json'), 'utf8'));
  });

  it('language server: diagnostics, code action titles and logs', async () => {
    const dir = workspace();
    const client = new TestLspClient();
    const traffic: string[] = [];
    client.connection.onNotification('window/logMessage', (params: { message: string }) => {
      traffic.push(params.message);
    });
    await client.initialize({ rootPath: dir, pull: true, initializationOptions: { trusted: true } });
    for (const file of ['src/config.ts', 'deploy.yml', 'keys/id_rsa']) {
      const uri = await client.open(path.join(dir, file));
      const diagnostics = await client.pull(uri);
      assert.ok(diagnostics.length > 0, `findings in ${file}`);
      traffic.push(JSON.stringify(diagnostics));
      for (const diagnostic of diagnostics) {
        const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
        traffic.push(JSON.stringify(actions));
      }
    }
    assert.equal(await client.shutdown(), 0);
    assertClean('LSP traffic and logs', traffic.join('\n') + client.stderr.join(''));
  });
});
